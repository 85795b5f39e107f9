package archive.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one crawl keeps of a page so that the next can skip it or ask whether it changed.
 *
 * @param validators the page's {@code ETag} and {@code Last-Modified}, sent back as conditional
 *     headers
 * @param links the in-scope links it held, absolute, followed again when it has not changed (or
 *     could not be fetched this time)
 * @param lastmod the {@code <lastmod>} a sitemap gave it when it was fetched, or null: while the
 *     sitemap says the same, the page is not requested at all
 */
public record Revisit(Validators validators, List<String> links, @Nullable Instant lastmod) {

  /** Checks and copies the parts. */
  public Revisit {
    Objects.requireNonNull(validators, "validators");
    links = List.copyOf(links);
  }

  /** Whether a sitemap naming the page with {@code sitemapLastmod} says it is unchanged since. */
  boolean unchangedSince(@Nullable Instant sitemapLastmod) {
    return lastmod != null && sitemapLastmod != null && !sitemapLastmod.isAfter(lastmod);
  }
}
