package archive.ingest;

import java.util.List;

/**
 * How a crawl went, beyond what it told its {@link CrawlSink} page by page.
 *
 * @param requested pages requested (each redirect chain once)
 * @param notModified of those, the ones the server answered 304 Not Modified
 * @param notRequested pages not requested at all, as their sitemap lastmod had not moved
 * @param incomplete what kept the crawl from seeing the whole site (robots.txt or a sitemap
 *     unreadable, the page limit): with any, a page it did not find may still exist
 */
public record CrawlTotals(
    int requested, int notModified, int notRequested, List<String> incomplete) {

  /** Copies the list. */
  public CrawlTotals {
    incomplete = List.copyOf(incomplete);
  }

  /** Whether the crawl saw the whole site, so that a page it did not find is gone. */
  public boolean complete() {
    return incomplete.isEmpty();
  }
}
