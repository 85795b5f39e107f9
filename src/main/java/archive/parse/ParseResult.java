package archive.parse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of parsing one file: an entry, or the reason it is not one, plus any problems seen.
 *
 * @param entry the entry, or null when the file is skipped
 * @param skipReason why the file yields no entry (for example {@code "draft"}), or null
 * @param problems warnings about the file; never stop it from being indexed
 */
public record ParseResult(
    @Nullable Entry entry, @Nullable String skipReason, List<Problem> problems) {

  /** The skip reason of a draft left out ({@link ParseOptions#includeDrafts()} is off). */
  public static final String DRAFT = "draft";

  /**
   * The skip reason of a source nested past every bound the parsers set, whose reading overflowed
   * the stack: the callers that catch the {@link StackOverflowError} give it.
   */
  public static final String TOO_DEEP = "nested too deeply to read (thousands of levels)";

  /** Checks that exactly one of entry and skip reason is present. */
  public ParseResult {
    if ((entry == null) == (skipReason == null)) {
      throw new IllegalArgumentException("exactly one of entry and skipReason must be set");
    }
    problems = List.copyOf(problems);
  }

  /** A parsed entry with its problems. */
  public static ParseResult parsed(Entry entry, List<Problem> problems) {
    return new ParseResult(Objects.requireNonNull(entry, "entry"), null, problems);
  }

  /** A file that is read but not indexed, for the given reason. */
  public static ParseResult skipped(String reason, List<Problem> problems) {
    return new ParseResult(null, Objects.requireNonNull(reason, "reason"), problems);
  }

  /** The entry, if the file yielded one. */
  public Optional<Entry> found() {
    return Optional.ofNullable(entry);
  }
}
