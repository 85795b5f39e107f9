package archive.search;

/** HTML escaping of snippets, until they leave this package as text with match ranges. */
public final class Html {

  private Html() {}

  /**
   * Escapes text for HTML (or XML) element content and quoted attribute values; runs of whitespace
   * become one space, as a browser would show them anyway.
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    escapeCollapsing(text, 0, text.length(), out);
    return out.toString();
  }

  /**
   * Appends {@code text[from, to)} escaped, with each run of whitespace (newlines included)
   * collapsed to one space.
   */
  static void escapeCollapsing(String text, int from, int to, StringBuilder out) {
    boolean space = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    if (space) {
      out.append(' ');
    }
  }
}
