package archive.web;

import archive.search.Snippet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.owasp.encoder.Encode;

/** Escaping for pages: every string from the index passes through here before it is HTML. */
final class Html {

  private Html() {}

  /**
   * Text for element content or an attribute value in either quote: {@code & < > " '} escaped,
   * characters HTML may not hold (controls, a lone surrogate) written as a space.
   */
  static String text(String value) {
    // The encoder writes " as &#34;. Pages and the API's snippets have always said &quot;, and API
    // clients may decode exactly &amp; &lt; &gt; &quot; &#39; (the embeddable box did), so that
    // spelling stays. Nothing else can change: a "&#34;" in the text comes out as "&amp;#34;".
    return Encode.forHtml(value).replace("&#34;", "&quot;");
  }

  /**
   * A snippet as HTML: its text escaped, each match in {@code <mark>}. The one rendering of
   * snippets, for the results page, the API's {@code snippet} fields and the feeds alike.
   */
  static String marked(Snippet snippet) {
    String text = snippet.text();
    StringBuilder html = new StringBuilder(text.length() + 16 * snippet.matches().size());
    int at = 0;
    for (Snippet.Range match : snippet.matches()) {
      html.append(text(text.substring(at, match.start()))).append("<mark>");
      html.append(text(text.substring(match.start(), match.end()))).append("</mark>");
      at = match.end();
    }
    return html.append(text(text.substring(at))).toString();
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
