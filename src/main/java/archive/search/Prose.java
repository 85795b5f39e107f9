package archive.search;

import java.util.regex.Pattern;

/**
 * How much a stretch of an entry's text reads as prose rather than as a table of contents, a list
 * of references or citations, navigation, or a run of link text: the share of its characters on
 * lines of running text. The body is plain text with a line per block, so a table of contents or a
 * link list is many short lines, and a reference list is lines full of URLs, years and brackets.
 */
final class Prose {

  /** A line of fewer words is a heading, a list item or a link, not a sentence. */
  private static final int MIN_WORDS = 8;

  private static final Pattern REFERENCE_TOKEN =
      Pattern.compile(
          "https?://\\S*|www\\.\\S*|\\[\\d+]|\\(\\d{4}\\)|\\d+|\\S+\\.(com|org|net)\\S*");

  private Prose() {}

  /** The share, 0 to 1, of {@code text[from, to)} on lines of running text. */
  static float ratio(String text, int from, int to) {
    int total = 0;
    int prose = 0;
    int lineStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || isLineBreak(text.charAt(i))) {
        int length = i - lineStart;
        total += length;
        if (length > 0 && isRunningText(text.substring(lineStart, i))) {
          prose += length;
        }
        lineStart = i + 1;
      }
    }
    return total == 0 ? 0f : (float) prose / total;
  }

  /** {@link #ratio} of a whole text. */
  static float ratio(String text) {
    return ratio(text, 0, text.length());
  }

  /**
   * The opening prose of a text, for a result with nothing to highlight: its first line of running
   * text (else its first line), cut at a word to about {@code max} characters.
   */
  static Snippet opening(String text, int max) {
    String first = null;
    for (String line : text.split("[\n\u2029]")) {
      String stripped = line.strip();
      if (first == null && !stripped.isEmpty()) {
        first = stripped;
      }
      if (isRunningText(stripped)) {
        return Snippet.plain(cut(stripped, max));
      }
    }
    return first == null ? Snippet.EMPTY : Snippet.plain(cut(first, max));
  }

  private static String cut(String line, int max) {
    if (line.length() <= max) {
      return line;
    }
    int space = line.lastIndexOf(' ', max);
    return line.substring(0, space > max / 2 ? space : max).strip() + "…";
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == archive.parse.Entry.SECTION_SEPARATOR;
  }

  private static boolean isRunningText(String line) {
    String[] words = line.strip().split("\\s+");
    if (words.length < MIN_WORDS) {
      return false;
    }
    int references = 0;
    for (String word : words) {
      if (REFERENCE_TOKEN.matcher(word).matches()) {
        references++;
      }
    }
    return references * 4 < words.length; // a quarter or more: a citation, not a sentence
  }
}
