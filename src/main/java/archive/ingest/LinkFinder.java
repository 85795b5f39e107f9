package archive.ingest;

import org.jspecify.annotations.Nullable;

/**
 * Reads the links out of a fetched HTML page. The crawler only fetches; reading HTML belongs to the
 * parse stage, which implements this, so that each library stays in its stage.
 */
public interface LinkFinder {

  /**
   * Reads a page. Never fails on bad markup: a page it cannot make sense of has no links.
   *
   * @param html the page's bytes as served
   * @param charset the charset the server named in {@code Content-Type}, or null to detect it
   */
  PageLinks find(byte[] html, @Nullable String charset);
}
