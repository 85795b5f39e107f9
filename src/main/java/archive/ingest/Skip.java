package archive.ingest;

import java.util.Objects;

/**
 * A file that was passed over, and why.
 *
 * @param path the path relative to the indexed root ({@code /} separators)
 * @param reason a short human reason such as {@code "binary file"} or {@code "over 5 MB"}
 */
public record Skip(String path, String reason) {

  /**
   * Reason prefix for a file or folder that exists but could not be read. The indexer keeps what it
   * had for such paths: a passing permission problem must not delete entries.
   */
  public static final String UNREADABLE = "unreadable: ";

  /** Whether the path exists but could not be read this time. */
  public boolean unreadable() {
    return reason.startsWith(UNREADABLE);
  }

  /** Checks that both parts are present. */
  public Skip {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }
}
