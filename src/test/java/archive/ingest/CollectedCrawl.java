package archive.ingest;

import archive.parse.HtmlLinks;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Everything a crawl told its sink, kept in lists for tests to look at. */
final class CollectedCrawl implements CrawlSink {

  final List<CrawledPage> pages = new ArrayList<>();
  final List<URI> unchanged = new ArrayList<>();
  final List<URI> gone = new ArrayList<>();
  final List<Skip> skipped = new ArrayList<>();

  /** What an index would keep for the next crawl, by address. */
  final Map<URI, Revisit> revisits = new HashMap<>();

  final List<Skip> failed = new ArrayList<>();
  CrawlTotals totals = new CrawlTotals(0, 0, 0, List.of("not run"));

  /**
   * Crawls the site at {@code root} with no pause between requests and collects what the crawl told
   * its sink.
   *
   * @param timeout how long one request may take
   * @param maxDepth how deep links are followed
   */
  static CollectedCrawl of(URI root, Map<URI, Revisit> previous, Duration timeout, int maxDepth)
      throws Exception {
    CrawlScope scope = new CrawlScope(root.toString(), List.of());
    FetchPolicy policy =
        FetchPolicy.defaults().withRequestsPerSecond(0).withRequestTimeout(timeout);
    Fetcher fetcher = new Fetcher(policy, scope::inScope);
    CollectedCrawl crawl = new CollectedCrawl();
    crawl.totals = new Crawler(scope, fetcher, new HtmlLinks(), previous, crawl, maxDepth).crawl();
    return crawl;
  }

  @Override
  public void page(CrawledPage page) {
    pages.add(page);
    revisits.put(page.url(), page.revisit());
  }

  @Override
  public void unchanged(URI url) {
    unchanged.add(url);
  }

  @Override
  public void gone(URI url) {
    gone.add(url);
  }

  @Override
  public void skipped(URI url, String reason, @Nullable Revisit revisit) {
    skipped.add(new Skip(url.toString(), reason));
    if (revisit != null) {
      revisits.put(url, revisit);
    }
  }

  @Override
  public void failed(URI url, String reason) {
    failed.add(new Skip(url.toString(), reason));
  }

  @Override
  public String toString() {
    return "pages "
        + pages.stream().map(CrawledPage::url).toList()
        + ", skipped "
        + skipped
        + ", failed "
        + failed
        + ", "
        + totals;
  }
}
