package archive.ingest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A URL named by a sitemap or feed, as written there.
 *
 * @param url the trimmed URL text, never blank; possibly relative, so resolve it with {@link
 *     CrawlScope#normalise} against the document's URL
 * @param date the date given with it, when present and readable: a sitemap's {@code <lastmod>}, a
 *     feed entry's publication date (else its update date)
 */
record FoundUrl(String url, Optional<Instant> date) {

  /** Checks the parts. */
  FoundUrl {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(date, "date");
    if (url.isBlank()) {
      throw new IllegalArgumentException("url is blank");
    }
  }
}
