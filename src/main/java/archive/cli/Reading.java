package archive.cli;

import archive.parse.ParseResult;
import archive.parse.Problem;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What reading one argument of {@code archive show} gave: what the index would make of it, or why
 * it could not be read. Exactly one of {@code result} and {@code error} is set.
 *
 * @param source the argument as the user gave it
 * @param result the entry, or why the index would leave it out; null when it could not be read
 * @param error one line that names the argument and says what to do; null when it was read
 * @param cause the exception behind the error, for {@code --stacktrace}, or null
 */
record Reading(
    String source,
    @Nullable ParseResult result,
    @Nullable String error,
    @Nullable Throwable cause) {

  /** Checks that exactly one of result and error is set. */
  Reading {
    Objects.requireNonNull(source, "source");
    if ((result == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of result and error must be set: " + source);
    }
  }

  /** A source that was read. */
  static Reading read(String source, ParseResult result) {
    return new Reading(source, result, null, null);
  }

  /** A source the index would leave out, for the reason given, before it is parsed. */
  static Reading skipped(String source, String reason) {
    return read(source, ParseResult.skipped(reason, List.of()));
  }

  /** A source that could not be read. */
  static Reading failed(String source, String error) {
    return new Reading(source, null, error, null);
  }

  /** A source that could not be read, and the exception that said so. */
  static Reading failed(String source, String error, Throwable cause) {
    return new Reading(source, null, error, cause);
  }

  /** The problems parsing found; none when it could not be read. */
  List<Problem> problems() {
    return result == null ? List.of() : result.problems();
  }
}
