package archive.parse;

import java.util.Objects;

/**
 * Something wrong with a source file that did not stop it from being read.
 *
 * @param path the file's path relative to the indexed root
 * @param line the 1-based line the problem is on, or 0 when it has no line
 * @param message what is wrong, for a person
 */
public record Problem(String path, int line, String message) {

  /** Checks the parts. */
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line < 0: " + line);
    }
  }

  @Override
  public String toString() {
    return line > 0 ? path + ":" + line + ": " + message : path + ": " + message;
  }
}
