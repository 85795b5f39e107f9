package archive.ingest;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A page a crawl fetched and would index.
 *
 * @param url its address, normalised, after any redirects
 * @param path the address's path (and query), as the entry's path
 * @param html the bytes as served
 * @param charset the charset the server named, or null
 * @param validators what to send next time to ask whether it changed
 * @param links the in-scope links it holds, absolute, to follow again if it has not changed
 */
record CrawledPage(
    URI url,
    String path,
    byte[] html,
    @Nullable String charset,
    Validators validators,
    List<String> links) {

  CrawledPage {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(path, "path");
    html = html.clone();
    Objects.requireNonNull(validators, "validators");
    links = List.copyOf(links);
  }

  @Override
  public byte[] html() {
    return html.clone();
  }
}
