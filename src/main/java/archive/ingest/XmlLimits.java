package archive.ingest;

import java.util.List;

/**
 * How much of one sitemap or feed is read.
 *
 * @param maxBytes the most bytes read, counted after decompression; at least 1
 * @param maxEntries the most URLs kept; at least 1
 */
record XmlLimits(long maxBytes, int maxEntries) {

  /** The sitemap protocol's limits: 50,000 URLs and 50 MB uncompressed per file. */
  static final XmlLimits SITEMAP = new XmlLimits(50L * 1024 * 1024, 50_000);

  /** Limits for a feed, which holds tens of entries in practice. */
  static final XmlLimits FEED = new XmlLimits(10L * 1024 * 1024, 10_000);

  /** Checks the limits. */
  XmlLimits {
    if (maxBytes < 1 || maxEntries < 1) {
      throw new IllegalArgumentException("limits < 1: " + maxBytes + " bytes, " + maxEntries);
    }
  }

  /** Whether {@code count} entries already fill the limit; a problem is noted if so. */
  boolean full(int count, List<String> problems) {
    if (count < maxEntries) {
      return false;
    }
    problems.add("more than " + maxEntries + " entries; read the first " + maxEntries);
    return true;
  }
}
