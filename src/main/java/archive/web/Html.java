package archive.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escaping for pages: every string from the index passes through here before it is HTML. */
final class Html {

  private Html() {}

  /** Text for element content or a quoted attribute value. */
  static String text(String value) {
    return archive.search.Html.escape(value);
  }

  /**
   * A link target from the index, escaped for an attribute: what {@link SafeUrl} passes; anything
   * else ({@code javascript:}, {@code data:}) becomes {@code #}.
   */
  static String href(String url) {
    String safe = SafeUrl.of(url);
    return safe == null ? "#" : text(safe);
  }

  /** A query-string value. */
  static String param(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
