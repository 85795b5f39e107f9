package archive.ingest;

import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Told of every page a crawl comes across, as it goes, on the crawling thread: the index stage
 * writes each page as it arrives, so a crawl holds no more than one page in memory. Every URL is
 * told once, through exactly one of the methods below.
 */
public interface CrawlSink {

  /** A page fetched whole, to index. */
  void page(CrawledPage page) throws IOException;

  /** A page that has not changed since the last crawl (304, or its sitemap lastmod). */
  void unchanged(URI url) throws IOException;

  /** A page the server says is gone (404, 410). */
  void gone(URI url) throws IOException;

  /**
   * A page found but not to be indexed (robots.txt, noindex, a copy of another, not HTML).
   *
   * @param revisit what to keep for the next crawl when the page was fetched, else null
   */
  void skipped(URI url, String reason, @Nullable Revisit revisit) throws IOException;

  /** A page that could not be fetched this time; what was indexed of it must stay. */
  void failed(URI url, String reason) throws IOException;

  /**
   * After each page: how far the crawl has got.
   *
   * @param visited pages dealt with so far
   * @param found pages found so far, visited or queued
   */
  default void progress(int visited, int found) {}
}
