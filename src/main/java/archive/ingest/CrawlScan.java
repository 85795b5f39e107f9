package archive.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one crawl found.
 *
 * @param root the address the crawl started from
 * @param pages pages fetched whole, to index
 * @param unchanged pages the server said had not changed since the last crawl
 * @param gone pages the server says are no longer there (404, 410)
 * @param skipped pages found but not indexed, each with the reason (robots.txt, noindex, a copy)
 * @param failed pages that could not be fetched this time; what was indexed of them stays
 * @param incomplete what kept the crawl from seeing the whole site (robots.txt or a sitemap
 *     unreadable, the page limit): with any, a page it did not find may still exist
 */
record CrawlScan(
    URI root,
    List<CrawledPage> pages,
    List<URI> unchanged,
    List<URI> gone,
    List<Skip> skipped,
    List<Skip> failed,
    List<String> incomplete) {

  CrawlScan {
    Objects.requireNonNull(root, "root");
    pages = List.copyOf(pages);
    unchanged = List.copyOf(unchanged);
    gone = List.copyOf(gone);
    skipped = List.copyOf(skipped);
    failed = List.copyOf(failed);
    incomplete = List.copyOf(incomplete);
  }

  /** What the last crawl kept of a page it indexed. */
  record Known(Validators validators, List<String> links) {
    Known {
      Objects.requireNonNull(validators, "validators");
      links = List.copyOf(links);
    }
  }

  /** Collects a crawl's findings as it goes. */
  static final class Builder {
    private final URI root;
    private final List<CrawledPage> pages = new ArrayList<>();
    private final List<URI> unchanged = new ArrayList<>();
    private final List<URI> gone = new ArrayList<>();
    private final List<Skip> skipped = new ArrayList<>();
    private final List<Skip> failed = new ArrayList<>();
    private final List<String> incomplete = new ArrayList<>();
    private int fetched;

    Builder(URI root) {
      this.root = root;
    }

    void page(CrawledPage page) {
      pages.add(page);
    }

    void unchanged(URI url) {
      unchanged.add(url);
    }

    void gone(URI url) {
      gone.add(url);
    }

    void skip(URI url, String reason) {
      skipped.add(new Skip(url.toString(), reason));
    }

    void fail(URI url, String reason) {
      failed.add(new Skip(url.toString(), Skip.UNREADABLE + reason));
    }

    void incomplete(String why) {
      incomplete.add(why);
    }

    void countFetch() {
      fetched++;
    }

    int fetched() {
      return fetched;
    }

    CrawlScan build() {
      return new CrawlScan(root, pages, unchanged, gone, skipped, failed, incomplete);
    }
  }
}
