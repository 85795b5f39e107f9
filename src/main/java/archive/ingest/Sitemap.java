package archive.ingest;

import java.util.List;
import java.util.Objects;

/**
 * What one sitemap file said: either page URLs ({@code <urlset>}) or more sitemaps ({@code
 * <sitemapindex>}).
 *
 * @param kind which of the two the file is, or {@link Kind#UNKNOWN} when it is neither
 * @param entries the {@code <loc>} values and {@code <lastmod>} dates in document order: page URLs
 *     for a urlset, sitemap URLs for an index
 * @param problems what was wrong or cut short, for a person; empty when all went well
 */
record Sitemap(Kind kind, List<FoundUrl> entries, List<String> problems) {

  /** Which sitemap document this is. */
  enum Kind {
    URLSET,
    INDEX,
    UNKNOWN
  }

  /** Checks the parts and copies the lists. */
  Sitemap {
    Objects.requireNonNull(kind, "kind");
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }
}
