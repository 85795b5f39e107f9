package archive.parse;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the parsers need to know beyond the file itself.
 *
 * @param baseUrl absolute http(s) URL that entry paths are joined to, or null for site-relative
 *     URLs
 * @param urlStyle how Markdown paths map to public URLs
 * @param includeDrafts whether entries marked {@code draft: true} are kept
 * @param siteName the site's name as its pages' titles carry it ({@link SiteNames}), taken out of a
 *     title read from {@code <title>}; null when not known
 */
public record ParseOptions(
    @Nullable URI baseUrl, UrlStyle urlStyle, boolean includeDrafts, @Nullable String siteName) {

  /** The defaults: site-relative URLs, {@code .md} mapped to {@code .html}, drafts left out. */
  public static final ParseOptions DEFAULTS = new ParseOptions(null, UrlStyle.HTML, false);

  /** Options without a known site name. */
  public ParseOptions(@Nullable URI baseUrl, UrlStyle urlStyle, boolean includeDrafts) {
    this(baseUrl, urlStyle, includeDrafts, null);
  }

  /** These options with a site name, or without one when it is null or blank. */
  public ParseOptions withSiteName(@Nullable String name) {
    String clean = name == null || name.isBlank() ? null : name.strip();
    return new ParseOptions(baseUrl, urlStyle, includeDrafts, clean);
  }

  /** Checks that a base URL is absolute http(s). */
  public ParseOptions {
    Objects.requireNonNull(urlStyle, "urlStyle");
    if (baseUrl != null) {
      String scheme = baseUrl.getScheme();
      if ((!"http".equals(scheme) && !"https".equals(scheme)) || baseUrl.getHost() == null) {
        throw new IllegalArgumentException(
            "base URL must be an absolute http(s) URL such as https://blog.example.org/: "
                + baseUrl);
      }
    }
  }

  /** A short text that changes whenever these options would change an entry's fields. */
  public String fingerprint() {
    return baseUrl
        + "|"
        + urlStyle
        + "|"
        + includeDrafts
        + (siteName == null ? "" : "|" + siteName);
  }
}
