package archive.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A crawl of one live site as the user asked for it: where it starts, which other hosts are the
 * same site, and how politely and patiently to fetch. {@link #crawl} runs it.
 */
public final class SiteCrawl {

  private final CrawlScope scope;
  private final FetchPolicy policy;

  /**
   * Checks the request.
   *
   * @param startUrl the blog's address, an absolute http(s) URL
   * @param alsoHosts other host names of the same site (a {@code www} alias, say)
   * @param requestsPerSecond the most requests per second; 0 for no limit (your own server)
   * @param timeout how long one request may take, to its last byte
   * @throws IllegalArgumentException with a message for the user, when any part is unusable
   */
  public SiteCrawl(
      String startUrl, List<String> alsoHosts, double requestsPerSecond, Duration timeout) {
    Objects.requireNonNull(startUrl, "startUrl");
    if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "--rate must be a number of requests per second, 0 or more (0: no limit), not "
              + requestsPerSecond);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("--timeout must be more than 0 seconds");
    }
    try {
      this.scope = new CrawlScope(startUrl, alsoHosts);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage() + "; give the blog's address, such as https://blog.example.org/", e);
    }
    this.policy =
        FetchPolicy.defaults().withRequestsPerSecond(requestsPerSecond).withRequestTimeout(timeout);
  }

  /**
   * A crawl of the site at {@code startUrl} alone, as polite and as patient as a crawl by default
   * (2 requests a second, 30 s a request).
   *
   * @throws IllegalArgumentException with a message for the user, when the address is unusable
   */
  public static SiteCrawl of(String startUrl) {
    FetchPolicy defaults = FetchPolicy.defaults();
    return new SiteCrawl(
        startUrl, List.of(), defaults.requestsPerSecond(), defaults.requestTimeout());
  }

  /** The normalised address the crawl starts from. */
  public URI root() {
    return scope.start();
  }

  /**
   * Crawls the site once, telling {@code sink} of every page as it goes.
   *
   * @param finder reads links out of pages (the parse stage's)
   * @param previous what the last crawl kept of each page, by address; empty for a fresh crawl
   * @throws IOException when the sink fails; the crawl stops there
   * @throws InterruptedException when interrupted; the crawl stops there
   */
  public CrawlTotals crawl(LinkFinder finder, Map<URI, Revisit> previous, CrawlSink sink)
      throws IOException, InterruptedException {
    Fetcher fetcher = new Fetcher(policy, scope::inScope);
    return new Crawler(scope, fetcher, finder, previous, sink).crawl();
  }

  /**
   * Fetches the start page alone, as the crawl would: robots.txt first (a page it disallows is not
   * fetched), redirects on the site only, {@code noindex} in a robots meta tag or {@code
   * X-Robots-Tag}, a {@code rel=canonical} that names another page of the site. No other page,
   * sitemap or feed is fetched.
   *
   * @param finder reads the page's links, canonical address and robots directives
   * @throws InterruptedException when interrupted
   */
  public PageVisit visitStart(LinkFinder finder) throws InterruptedException {
    Fetcher fetcher = new Fetcher(policy, scope::inScope);
    PageVisit.Sink sink = new PageVisit.Sink(scope.start());
    try {
      new Crawler(scope, fetcher, finder, Map.of(), sink).visitStart();
    } catch (IOException e) {
      throw new UncheckedIOException("a sink that keeps the page in memory failed", e);
    }
    return sink.visit();
  }
}
