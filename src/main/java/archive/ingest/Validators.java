package archive.ingest;

import java.net.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * What a server said about a page's version, kept from one crawl to make the next conditional.
 *
 * @param etag the {@code ETag} header, sent back as {@code If-None-Match}; null if none
 * @param lastModified the {@code Last-Modified} header, sent back as {@code If-Modified-Since};
 *     null if none
 */
public record Validators(@Nullable String etag, @Nullable String lastModified) {

  /** No validators: the request is unconditional. */
  public static final Validators NONE = new Validators(null, null);

  /** The validators among a response's headers; {@link #NONE} if it has neither. */
  static Validators of(HttpHeaders headers) {
    return new Validators(
        headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null));
  }

  /** True if there is nothing to send. */
  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }
}
