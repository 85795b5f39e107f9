package archive.ingest;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a fetched page tells a crawler, as written in the page: its links, its canonical address,
 * its feeds and its robots directives. Hrefs are raw; resolving them against the page's address (or
 * {@link #base}) and deciding which are in scope is the crawler's job.
 *
 * @param links hrefs of links to follow, in page order, without duplicates; empty when the page
 *     says {@code nofollow}, and without links marked {@code rel="nofollow"}
 * @param canonical the href of {@code <link rel="canonical">}, or null
 * @param feeds hrefs of the RSS and Atom feeds the page names with {@code <link rel="alternate">}
 * @param base the href of {@code <base>}, which relative links resolve against, or null
 * @param noindex whether a robots meta tag for every crawler, or for ours, says not to index it
 */
public record PageLinks(
    List<String> links,
    @Nullable String canonical,
    List<String> feeds,
    @Nullable String base,
    boolean noindex) {

  /** Copies the lists. */
  public PageLinks {
    links = List.copyOf(Objects.requireNonNull(links, "links"));
    feeds = List.copyOf(Objects.requireNonNull(feeds, "feeds"));
  }
}
