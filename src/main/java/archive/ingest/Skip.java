package archive.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Objects;

/**
 * A file that was passed over, and why.
 *
 * @param path the path relative to the indexed root ({@code /} separators)
 * @param reason a short human reason such as {@code "binary file"} or {@code "over 5 MB"}
 * @param unreadable whether the path exists but could not be read this time: the indexer keeps what
 *     it had for such paths, as a passing permission problem must not delete entries
 */
public record Skip(String path, String reason, boolean unreadable) {

  /** A path passed over on purpose. */
  public Skip(String path, String reason) {
    this(path, reason, false);
  }

  /** A path that exists but could not be read. */
  public static Skip unreadable(String path, IOException e) {
    return new Skip(path, "unreadable: " + reason(e), true);
  }

  /**
   * A short reason for a file that could not be read, in one line: the JDK's own message for a
   * denied or vanished file is only its path again, which a list of failures showed as the reason
   * (issue 10, hostile files).
   */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "disappeared while being read";
    }
    String message =
        e instanceof FileSystemException fse && fse.getReason() != null
            ? fse.getReason()
            : e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }

  /** Checks that both parts are present. */
  public Skip {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }
}
