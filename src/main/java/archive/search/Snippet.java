package archive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stretch of an entry's text with the query's matches in it: plain text, never markup, so each
 * reader of a result (a page, a feed, a terminal) marks the matches its own way.
 *
 * @param text the text, each run of whitespace collapsed to one space, none at either end
 * @param matches where the query matched, as {@code char} offsets into {@code text} (what {@link
 *     String#substring(int, int)} takes), sorted and not overlapping; empty when nothing matched
 */
public record Snippet(String text, List<Range> matches) {

  /** No text: an entry with nothing to show. */
  static final Snippet EMPTY = new Snippet("", List.of());

  /**
   * One match: {@code text.substring(start, end)}.
   *
   * @param start offset of its first {@code char}, at least 0
   * @param end offset just past its last {@code char}, greater than {@code start}
   */
  public record Range(int start, int end) {

    /** Checks that the range holds at least one character. */
    public Range {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("range not 0 <= start < end: " + start + ".." + end);
      }
    }
  }

  /** Checks that the matches lie in the text, sorted and apart, and split no character. */
  public Snippet {
    Objects.requireNonNull(text, "text");
    matches = List.copyOf(matches);
    int end = 0;
    for (Range match : matches) {
      if (match.start() < end || match.end() > text.length()) {
        throw new IllegalArgumentException(
            "matches not sorted, apart and within " + text.length() + " chars: " + matches);
      }
      if (splitsPair(text, match.start()) || splitsPair(text, match.end())) {
        throw new IllegalArgumentException("match splits a surrogate pair: " + match);
      }
      end = match.end();
    }
  }

  private static boolean splitsPair(String text, int at) {
    return at > 0
        && at < text.length()
        && Character.isHighSurrogate(text.charAt(at - 1))
        && Character.isLowSurrogate(text.charAt(at));
  }

  /** Text without matches, whitespace collapsed. */
  static Snippet plain(String text) {
    return of(text, 0, text.length(), List.of());
  }

  /**
   * {@code source[from, to)} with its whitespace collapsed and the matches carried over into it.
   *
   * @param matches offsets into {@code source}, sorted by start; one that begins before the one
   *     before it ends is dropped (the exact and stemmed forms of one word match the same
   *     characters); whitespace at either end of a match is left out of it
   */
  static Snippet of(String source, int from, int to, List<Range> matches) {
    Collapsing text = new Collapsing(to - from);
    List<Range> ranges = new ArrayList<>(matches.size());
    int at = from;
    for (Range match : matches) {
      if (match.start() < at || match.end() > to) {
        continue;
      }
      text.append(source, at, match.start());
      int start = text.append(source, match.start(), match.end());
      if (start >= 0) {
        ranges.add(new Range(start, text.length()));
      }
      at = match.end();
    }
    text.append(source, at, to);
    return new Snippet(text.toString(), ranges);
  }

  /** This snippet with more text after it: an ellipsis where it was cut. */
  Snippet followedBy(String more) {
    return new Snippet(text + more, matches);
  }

  /** Text written with each run of whitespace as one space, and none at either end. */
  private static final class Collapsing {
    private final StringBuilder text;
    private boolean space;

    Collapsing(int capacity) {
      text = new StringBuilder(capacity);
    }

    /**
     * Appends {@code source[from, to)}; returns where its first character other than whitespace
     * landed, or -1 when it had none. A space owed for whitespace is written only before what
     * follows it, so that it never ends the text or a match.
     */
    int append(String source, int from, int to) {
      int first = -1;
      for (int i = from; i < to; i++) {
        char c = source.charAt(i);
        if (Character.isWhitespace(c)) {
          space = text.length() > 0;
          continue;
        }
        if (space) {
          text.append(' ');
          space = false;
        }
        if (first < 0) {
          first = text.length();
        }
        text.append(c);
      }
      return first;
    }

    int length() {
      return text.length();
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
