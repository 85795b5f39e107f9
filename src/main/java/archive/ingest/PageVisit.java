package archive.ingest;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a crawl made of one page: the page itself, or why it was passed over, or why it could not be
 * fetched. Exactly one of {@code page}, {@code skipReason} and {@code failure} is set.
 *
 * @param url the address asked for, normalised
 * @param page the page fetched whole, to index; null when it was skipped or failed
 * @param skipReason why the crawl would not index it ({@code "disallowed by robots.txt"}, {@code
 *     "noindex"}, {@code "not an HTML page"}…), or null
 * @param failure why it could not be fetched ({@code "HTTP 500"}, {@code "gone (HTTP 404 or 410)"},
 *     {@code "robots.txt could not be read (…)"}…), or null
 */
public record PageVisit(
    URI url, @Nullable CrawledPage page, @Nullable String skipReason, @Nullable String failure) {

  /** Checks that exactly one outcome is set. */
  public PageVisit {
    Objects.requireNonNull(url, "url");
    int outcomes =
        (page == null ? 0 : 1) + (skipReason == null ? 0 : 1) + (failure == null ? 0 : 1);
    if (outcomes != 1) {
      throw new IllegalArgumentException(
          "exactly one of page, skipReason and failure must be set for " + url);
    }
  }

  /** Keeps what the crawl tells of the one page it visits. */
  static final class Sink implements CrawlSink {

    private final URI url;
    private @Nullable PageVisit visit;

    Sink(URI url) {
      this.url = url;
    }

    /** What the crawl told; a failure if it told nothing, which would be a bug of the crawler. */
    PageVisit visit() {
      return visit != null ? visit : new PageVisit(url, null, null, "the crawl told nothing of it");
    }

    @Override
    public void page(CrawledPage page) {
      visit = new PageVisit(url, page, null, null);
    }

    @Override
    public void unchanged(URI at) {
      // Never told: a visit of one page knows no earlier crawl to be unchanged since.
      visit = new PageVisit(url, null, null, "unchanged since a crawl this visit does not know");
    }

    @Override
    public void gone(URI at) {
      visit = new PageVisit(url, null, null, "gone (HTTP 404 or 410)");
    }

    @Override
    public void skipped(URI at, String reason, @Nullable Revisit revisit) {
      visit = new PageVisit(url, null, reason, null);
    }

    @Override
    public void failed(URI at, String reason) {
      visit = new PageVisit(url, null, null, reason);
    }
  }
}
