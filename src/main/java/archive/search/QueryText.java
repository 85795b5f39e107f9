package archive.search;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * A query's text before and around Lucene's parser: cleaned as typed, with what the syntax would
 * misread in a blog query escaped, and as plain words when the syntax cannot be read.
 */
final class QueryText {

  /** Input beyond this many characters is ignored. */
  static final int MAX_LENGTH = 1000;

  private static final Pattern REGEX = Pattern.compile("(^|\\s)/[^/\\s][^/]*/(\\s|$)");
  private static final Pattern OPERATOR = Pattern.compile("\\b(AND|OR|NOT|TO)\\b");

  private QueryText() {}

  /**
   * NFKC, typographic double quotes made plain, no control characters, at most {@link #MAX_LENGTH}.
   */
  static String clean(String query) {
    String normal =
        Normalizer.normalize(query, Normalizer.Form.NFKC)
            .replaceAll("[\u201c\u201d\u201e\u00ab\u00bb]", "\"");
    normal = normal.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\t\\n]]", "").replaceAll("\\s+", " ").strip();
    return normal.length() > MAX_LENGTH ? normal.substring(0, MAX_LENGTH) : normal;
  }

  /**
   * The text with what Lucene's syntax would misread in a blog query escaped: a slash (paths, URLs,
   * {@code and/or}; the syntax would start a regular expression) and a colon that does not follow
   * one of our qualifiers ({@code ctx:cancel}, {@code https://…}, {@code note: …}).
   */
  static String prepare(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        out.append(c).append(text.charAt(++i));
        continue;
      }
      if (c == '/' || c == ':' && !followsQualifier(text, i)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean followsQualifier(String text, int colon) {
    int start = colon;
    while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
      start--;
    }
    int before = start - 1;
    if (before >= 0 && "+-!".indexOf(text.charAt(before)) >= 0) {
      before--; // -tag:x, +title:y
    }
    boolean standsAlone = before < 0 || text.charAt(before) == ' ' || text.charAt(before) == '(';
    return standsAlone && Qualifiers.isName(text.substring(start, colon));
  }

  /** Every character the syntax would read escaped, operators included: only words remain. */
  static String asPlainWords(String text) {
    return OPERATOR.matcher(QueryParser.escape(text)).replaceAll("\\\\$1");
  }

  /** Whether the text holds what another engine would read as a regular expression. */
  static boolean looksLikeRegex(String text) {
    return REGEX.matcher(text).find();
  }

  /** Whether a character is a wildcard of Lucene's syntax. */
  static boolean isWildcard(char c) {
    return c == '*' || c == '?';
  }

  /** Where the first unescaped wildcard of a term as typed is, or -1. */
  static int firstWildcard(String image) {
    for (int i = 0; i < image.length(); i++) {
      if (image.charAt(i) == '\\') {
        i++;
      } else if (isWildcard(image.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** A term as typed with its wildcards made spaces: the words around them. */
  static String withoutWildcards(String image) {
    return unescape(image.replaceAll("(?<!\\\\)[*?]", " "));
  }

  /** A term as typed without its escapes. */
  static String unescape(String image) {
    return image.replaceAll("\\\\(.)", "$1");
  }
}
