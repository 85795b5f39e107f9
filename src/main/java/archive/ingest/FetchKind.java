package archive.ingest;

import java.util.Locale;
import java.util.Set;

/** What a fetch is for, which decides the {@code Accept} header, accepted types and body cap. */
enum FetchKind {
  /** A page to index: HTML only, up to 5 MB (DESIGN §7). */
  PAGE(
      "text/html,application/xhtml+xml;q=0.9",
      5 * 1024 * 1024,
      false,
      "text/html",
      "application/xhtml+xml"),
  /**
   * A robots.txt file, of any type since servers label it loosely. RFC 9309 asks crawlers to parse
   * at least 500 KiB, so a longer file is cut there rather than refused.
   */
  ROBOTS("text/plain", 500 * 1024, true),
  /**
   * A sitemap or sitemap index, plain, gzipped or text; up to 50 MB as the sitemap protocol allows.
   * A {@code .xml.gz} file comes back as the gzip file itself: its reader caps what it unpacks.
   */
  SITEMAP(
      "application/xml,text/xml;q=0.9,*/*;q=0.1",
      50 * 1024 * 1024,
      false,
      "application/xml",
      "text/xml",
      "text/plain",
      "application/gzip",
      "application/x-gzip",
      "application/octet-stream"),
  /** An RSS or Atom feed, up to 10 MB. */
  FEED(
      "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8",
      10 * 1024 * 1024,
      false,
      "application/rss+xml",
      "application/atom+xml",
      "application/xml",
      "text/xml");

  private final String accept;
  private final int maxBytes;
  private final boolean truncates;

  @SuppressWarnings("ImmutableEnumChecker") // Set.of is unmodifiable
  private final Set<String> types;

  FetchKind(String accept, int maxBytes, boolean truncates, String... types) {
    this.accept = accept;
    this.maxBytes = maxBytes;
    this.truncates = truncates;
    this.types = Set.of(types);
  }

  /** The {@code Accept} header for this kind. */
  String accept() {
    return accept;
  }

  /** The most body bytes kept, after decompression. */
  int maxBytes() {
    return maxBytes;
  }

  /** True if a longer body is cut at {@link #maxBytes()} instead of being refused. */
  boolean truncates() {
    return truncates;
  }

  /** True if a body of this media type (lowercase, no parameters; empty if none) is wanted. */
  boolean accepts(String mediaType) {
    return types.isEmpty() || types.contains(mediaType.toLowerCase(Locale.ROOT));
  }
}
