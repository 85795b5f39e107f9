package archive.search;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One completion for what a user is typing, from {@link Searcher#suggest}.
 *
 * @param text an entry title ({@code kind} {@value #TITLE}), or the typed text with its last word
 *     completed ({@code kind} {@value #TERM}), ready to become the query
 * @param kind {@value #TITLE} or {@value #TERM}
 * @param url the entry's public URL for a title, null for a term
 */
public record Suggestion(String text, String kind, @Nullable String url) {

  /** Kind of a suggestion that is an entry's title. */
  public static final String TITLE = "title";

  /** Kind of a suggestion that completes the last word with a word of the index. */
  public static final String TERM = "term";

  /** Checks the kind, and that only titles carry a URL. */
  public Suggestion {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    if (!kind.equals(TITLE) && !kind.equals(TERM)) {
      throw new IllegalArgumentException("kind not title or term: " + kind);
    }
    if (kind.equals(TERM) && url != null) {
      throw new IllegalArgumentException("a term has no url: " + url);
    }
  }

  static Suggestion title(String title, @Nullable String url) {
    return new Suggestion(title, TITLE, url);
  }

  static Suggestion term(String text) {
    return new Suggestion(text, TERM, null);
  }
}
