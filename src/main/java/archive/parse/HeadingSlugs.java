package archive.parse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GitHub-style heading anchors, unique within one entry: lower case, letters (accents kept),
 * digits, marks, {@code _} and {@code -} kept, other punctuation dropped, each space turned into
 * {@code -}; a repeat gets {@code -1}, {@code -2}, ... Not thread-safe; one per entry.
 */
final class HeadingSlugs {

  private final Set<String> used = new HashSet<>();

  /**
   * The suffix to try next for each repeated anchor: counting from 1 again for every repeat made an
   * entry with 200,000 equal headings take hours (issue 10, hostile files).
   */
  private final Map<String, Integer> nextSuffix = new HashMap<>();

  /** The slug of a heading, made unique among those handed out; "" when nothing is left. */
  String unique(String heading) {
    return claim(slug(heading));
  }

  /** Registers an anchor given explicitly, returning it, or a suffixed copy if already taken. */
  String claim(String anchor) {
    if (anchor.isEmpty()) {
      return "";
    }
    if (used.add(anchor)) {
      return anchor;
    }
    int n = nextSuffix.getOrDefault(anchor, 1);
    String candidate = anchor + "-" + n;
    while (!used.add(candidate)) {
      candidate = anchor + "-" + ++n;
    }
    nextSuffix.put(anchor, n + 1);
    return candidate;
  }

  /** The GitHub-style slug of a heading, without uniqueness. */
  static String slug(String heading) {
    String lower = heading.strip().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    lower.codePoints().forEach(cp -> appendSlugChar(out, cp));
    return out.toString();
  }

  private static void appendSlugChar(StringBuilder out, int cp) {
    if (Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || isMark(cp)) {
      out.appendCodePoint(cp);
    } else if (Character.isWhitespace(cp)) {
      out.append('-');
    }
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
