package archive.ingest;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs a crawl of one site may visit, and how links are spelled so each page is seen once.
 *
 * <p>A URL is in scope when it has the start URL's scheme, host and port, or the start URL's scheme
 * and one of the extra hosts (a {@code www} alias, say). The start URL's path is not a fence: a
 * crawl started at {@code /blog/} still follows links to {@code /2024/01/post.html}, because blogs
 * often keep posts beside, not under, their front page; the crawler's page and depth limits bound
 * the walk instead. Normalisation is described in {@link UrlNormaliser}.
 */
final class CrawlScope {

  private final URI start;
  private final Set<String> origins = new HashSet<>();

  /**
   * Builds the scope of a crawl.
   *
   * @param startUrl an absolute http or https URL, not null
   * @param alsoHosts more host names (optionally {@code host:port}) crawled with the start URL's
   *     scheme, not null
   * @throws IllegalArgumentException if the start URL is not an absolute http(s) URL or an extra
   *     host is not a host name
   */
  CrawlScope(String startUrl, Collection<String> alsoHosts) {
    Objects.requireNonNull(startUrl, "startUrl");
    Objects.requireNonNull(alsoHosts, "alsoHosts");
    this.start =
        UrlNormaliser.normaliseAbsolute(startUrl)
            .orElseThrow(() -> new IllegalArgumentException("not an http(s) URL: " + startUrl));
    origins.add(origin(start));
    for (String host : alsoHosts) {
      URI alias =
          UrlNormaliser.normaliseAbsolute(start.getScheme() + "://" + host + "/")
              .filter(url -> url.getRawPath().equals("/") && url.getRawQuery() == null)
              .orElseThrow(() -> new IllegalArgumentException("not a host name: " + host));
      origins.add(origin(alias));
    }
  }

  /** The normalised start URL. */
  URI start() {
    return start;
  }

  /**
   * Resolves a link found on page {@code base} and normalises it; empty when the link is not a
   * crawlable http(s) URL. Does not check scope: see {@link #inScope}.
   *
   * @param href the link as written, not null
   * @param base the URL of the page it is on, not null
   */
  Optional<URI> normalise(String href, URI base) {
    return UrlNormaliser.normalise(href, base);
  }

  /**
   * Tells whether the crawl may visit {@code url}, which should come from {@link #normalise}.
   *
   * @param url any URI, not null; one without a host is out of scope
   */
  boolean inScope(URI url) {
    Objects.requireNonNull(url, "url");
    return url.getScheme() != null && url.getHost() != null && origins.contains(origin(url));
  }

  /**
   * The part of {@code url} that names a page within the site, percent-decoded for display: the
   * path ({@code /} when empty), plus {@code ?query} when there is one, since sites such as {@code
   * /?p=42} tell posts apart by their query alone.
   *
   * @param url a normalised http(s) URL, not null
   */
  static String pathOf(URI url) {
    Objects.requireNonNull(url, "url");
    String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
    return url.getQuery() == null ? path : path + "?" + url.getQuery();
  }

  private static String origin(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }
}
