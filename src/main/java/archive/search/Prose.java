package archive.search;

import java.util.regex.Pattern;

/**
 * How much a stretch of an entry's text reads as prose rather than as a table of contents, a list
 * of references or citations, navigation, a run of link text or code. The body is plain text with a
 * line per block, so a table of contents or a link list is many short lines, a reference list is
 * lines full of URLs, years and brackets, and code is lines dense with brackets, operators and
 * semicolons.
 */
final class Prose {

  /** A line of fewer words is a heading, a list item or a link, not a sentence. */
  private static final int MIN_WORDS = 8;

  private static final Pattern REFERENCE_TOKEN =
      Pattern.compile(
          "https?://\\S*|www\\.\\S*|\\[\\d+]|\\(\\d{4}\\)|\\d+|\\S+\\.(com|org|net)\\S*");

  /** A line with at least this share of its characters code symbols is code, not a sentence. */
  private static final double CODE_SYMBOL_SHARE = 0.08;

  private static final String CODE_SYMBOLS = "{}[]()<>;=|&$\\/_*#`";

  /** A short line (a list item, a label, a heading's text) counts this much as prose. */
  private static final float SHORT_LINE_WEIGHT = 0.5f;

  /** A line of references, citations or code counts this much as prose. */
  private static final float NOT_PROSE_WEIGHT = 0.1f;

  private Prose() {}

  /**
   * How much {@code text[from, to)} reads as prose, 0.1 to 1: the mean over its characters of their
   * line's weight, 1 for running text, {@link #SHORT_LINE_WEIGHT} for a short line (a list item may
   * be what the reader remembers; a table of contents is such lines too, and loses to prose that
   * matches as well), {@link #NOT_PROSE_WEIGHT} for references and code.
   */
  static float weight(String text, int from, int to) {
    long total = 0;
    double weighted = 0;
    int lineStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || isLineBreak(text.charAt(i))) {
        String line = text.substring(lineStart, i);
        int length = line.strip().length();
        total += length;
        weighted += length * lineWeight(line);
        lineStart = i + 1;
      }
    }
    return total == 0 ? NOT_PROSE_WEIGHT : (float) (weighted / total);
  }

  private static float lineWeight(String line) {
    String[] words = line.strip().split("\\s+");
    if (isCode(line) || isReferences(words)) {
      return NOT_PROSE_WEIGHT;
    }
    return words.length < MIN_WORDS ? SHORT_LINE_WEIGHT : 1f;
  }

  /**
   * Where a passage {@code text[from, to)} should start so that it does not open with lines of code
   * (or blank ones) that come before its first match at {@code firstMatch}, when that match is not
   * in code itself: a passage of prose is grouped to a length and may have taken in the end of a
   * code block before it.
   */
  static int afterLeadingCode(String text, int from, int firstMatch) {
    if (isCode(lineAt(text, firstMatch), 1)) {
      return from; // a match in code keeps the code around it
    }
    int start = from;
    while (start < firstMatch) {
      int end = lineEnd(text, start);
      if (end >= firstMatch || !isCodeOrBlank(text.substring(start, end))) {
        break;
      }
      start = end + 1;
    }
    return start;
  }

  /**
   * Where a passage should end so that it does not close with lines of code (or blank ones) after
   * its last match, when that match is not in code itself.
   */
  static int beforeTrailingCode(String text, int to, int lastMatchEnd) {
    if (isCode(lineAt(text, Math.max(0, lastMatchEnd - 1)), 1)) {
      return to;
    }
    int end = to;
    while (end > lastMatchEnd) {
      int start = lineStart(text, end);
      if (start <= lastMatchEnd || !isCodeOrBlank(text.substring(start, end))) {
        break;
      }
      end = start - 1;
    }
    return Math.max(end, lastMatchEnd);
  }

  /** The line of a text that holds the character at {@code offset}. */
  private static String lineAt(String text, int offset) {
    return text.substring(lineStart(text, offset), lineEnd(text, offset));
  }

  /** Where the line holding {@code offset} starts: just after the line break before it, or 0. */
  private static int lineStart(String text, int offset) {
    int start = offset;
    while (start > 0 && !isLineBreak(text.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  /** Where the line holding {@code offset} ends: at the next line break, or the end of the text. */
  private static int lineEnd(String text, int offset) {
    int end = offset;
    while (end < text.length() && !isLineBreak(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /** A line a passage of prose can do without at its edges: blank, or any line of code. */
  private static boolean isCodeOrBlank(String line) {
    return line.isBlank() || isCode(line, 1);
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
    return words.length >= MIN_WORDS && !isReferences(words) && !isCode(line);
  }

  /** A quarter or more of the words URLs, years, numbers or bracketed numbers: a citation. */
  private static boolean isReferences(String[] words) {
    int references = 0;
    for (String word : words) {
      if (REFERENCE_TOKEN.matcher(word).matches()) {
        references++;
      }
    }
    return references * 4 >= words.length;
  }

  /** Brackets, operators and semicolons dense enough for code rather than a sentence. */
  static boolean isCode(String line) {
    return isCode(line, 3);
  }

  /**
   * As {@link #isCode(String)}, with at least {@code minSymbols} symbols: a short line such as a
   * lone closing brace or {@code return first(ctx, results)} is code with one or two.
   */
  private static boolean isCode(String line, int minSymbols) {
    int symbols = 0;
    int visible = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!Character.isWhitespace(c)) {
        visible++;
        if (CODE_SYMBOLS.indexOf(c) >= 0) {
          symbols++;
        }
      }
    }
    return symbols >= minSymbols && symbols >= CODE_SYMBOL_SHARE * visible;
  }
}
