package archive.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Escaping for pages: every string from the index passes through here before it is HTML. */
final class Html {

  private Html() {}

  /** Text for element content or a quoted attribute value. */
  static String text(String value) {
    return archive.search.Html.escape(value);
  }

  /**
   * A link target from the index, escaped for an attribute: only http(s) and site-relative URLs are
   * kept; anything else ({@code javascript:}, {@code data:}) becomes {@code #}.
   */
  static String href(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    boolean safe =
        lower.startsWith("http://")
            || lower.startsWith("https://")
            || lower.startsWith("/") && !lower.startsWith("//");
    return safe ? text(url.strip()) : "#";
  }

  /** A query-string value. */
  static String param(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
