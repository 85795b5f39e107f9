package archive.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One candidate entry file found under the site root.
 *
 * @param path absolute path of the file on disk
 * @param relativePath the path relative to the indexed root, always with {@code /} separators
 * @param format how the file is written
 * @param size its size in bytes
 * @param lastModifiedMillis its modification time, in epoch milliseconds
 */
public record SourceFile(
    Path path, String relativePath, Format format, long size, long lastModifiedMillis) {

  /** Checks the parts; a relative path must be non-empty and use forward slashes. */
  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(format, "format");
    if (relativePath.isEmpty() || relativePath.contains("\\") || relativePath.startsWith("/")) {
      throw new IllegalArgumentException(
          "relativePath not a relative /-separated path: " + relativePath);
    }
    if (size < 0) {
      throw new IllegalArgumentException("size < 0: " + size);
    }
  }
}
