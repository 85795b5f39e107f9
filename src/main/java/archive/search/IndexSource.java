package archive.search;

import archive.index.EntryIndexer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the entries of an index came from, as its last run recorded it.
 *
 * @param kind {@code folder} or {@code site} (a crawled blog)
 * @param location the folder's real path, or the crawled address
 * @param baseUrl the base URL a folder's entry URLs were made absolute with, or null when they are
 *     site-relative ({@code /posts/a.html})
 * @param siteTitle the blog's title as its generator's configuration names it (for a crawled site,
 *     the name its pages' titles share), or null
 */
public record IndexSource(
    String kind, String location, @Nullable String baseUrl, @Nullable String siteTitle) {

  /** Checks the parts. */
  public IndexSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
  }

  /** Whether the index was built from a folder on this machine. */
  public boolean isFolder() {
    return kind.equals(EntryIndexer.SOURCE_FOLDER);
  }

  /**
   * Whether results link to paths of the server's own site: entries of a folder indexed without a
   * base URL, which only a server of that folder can answer.
   */
  public boolean siteRelative() {
    return isFolder() && baseUrl == null;
  }
}
