package archive.index;

import java.io.IOException;

/**
 * The index cannot be used right now: missing, locked by another writer, or damaged. The message is
 * one line that says what to do.
 */
public final class IndexUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An error whose message tells the user what to do. */
  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An error whose message tells the user what to do. */
  public IndexUnavailableException(String message) {
    super(message);
  }
}
