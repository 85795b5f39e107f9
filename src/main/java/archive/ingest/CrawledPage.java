package archive.ingest;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A page a crawl fetched whole, to index.
 *
 * @param url its address, normalised, after any redirects: its identity in the index
 * @param canonical the address it gives itself with {@code rel=canonical}, or {@code url}: the
 *     public address results link to, which may be on another host (a site crawled on its local dev
 *     server names its public address)
 * @param html the bytes as served
 * @param charset the charset the server named, or null
 * @param revisit what to keep for the next crawl
 */
public record CrawledPage(
    URI url, URI canonical, byte[] html, @Nullable String charset, Revisit revisit) {

  /** Checks the parts and copies the bytes. */
  public CrawledPage {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(canonical, "canonical");
    html = html.clone();
    Objects.requireNonNull(revisit, "revisit");
  }

  /** The bytes as served (a copy). */
  @Override
  public byte[] html() {
    return html.clone();
  }

  /**
   * The path of the public address, percent-decoded, with its query: what results show as the
   * entry's path, as an index of the site's folder would.
   */
  public String path() {
    return CrawlScope.pathOf(canonical);
  }
}
