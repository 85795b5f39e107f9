package archive.ingest;

import java.util.Objects;

/**
 * A file that was passed over, and why.
 *
 * @param path the path relative to the indexed root ({@code /} separators)
 * @param reason a short human reason such as {@code "binary file"} or {@code "over 5 MB"}
 */
public record Skip(String path, String reason) {

  /** Checks that both parts are present. */
  public Skip {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }
}
