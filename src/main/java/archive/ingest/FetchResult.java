package archive.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one fetch ended, as data: HTTP-level trouble is an outcome here, never an exception.
 *
 * @param outcome what happened
 * @param url the last URL asked for: the final one after redirects, or the off-scope target
 * @param status the last HTTP status seen, or 0 if no response came
 * @param body the response body, present only for {@link Outcome#OK}
 * @param validators the {@code ETag}/{@code Last-Modified} to send next time; may be empty
 * @param robotsTags the {@code X-Robots-Tag} header values, in order
 * @param reason one line saying what happened, without the URL ({@link #description()} has both)
 */
record FetchResult(
    Outcome outcome,
    URI url,
    int status,
    @Nullable Body body,
    Validators validators,
    List<String> robotsTags,
    String reason) {

  /** The ways a fetch can end. */
  enum Outcome {
    /** A wanted body, read in full (or cut, for robots.txt). */
    OK,
    /** 304: the copy from the last crawl is current. */
    NOT_MODIFIED,
    /** 404 or 410: the page is no longer there. */
    GONE,
    /** A redirect led back to a URL already visited in this fetch. */
    REDIRECT_LOOP,
    /** More redirects than the policy allows. */
    TOO_MANY_REDIRECTS,
    /** A redirect left the crawl's scope; {@link #url()} is the target, which was not fetched. */
    OFF_SCOPE,
    /**
     * A redirect led to a URL the site's robots.txt disallows ({@link Fetcher#obey}); {@link
     * #url()} is the target, which was not fetched.
     */
    DISALLOWED,
    /**
     * A redirect led to a URL the caller fetches on its own ({@link Fetcher#stopAt}); {@link
     * #url()} is the target, which was not fetched.
     */
    KNOWN_TARGET,
    /** The content type is not one this kind of fetch accepts; the body was not read. */
    WRONG_TYPE,
    /** The body is longer than this kind of fetch accepts; reading stopped at the cap. */
    TOO_LARGE,
    /** Anything else: 5xx, other 4xx, DNS, connect or read timeout, I/O errors. */
    FAILED
  }

  /** Checks the parts; only {@link Outcome#OK} carries a body. */
  FetchResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(validators, "validators");
    robotsTags = List.copyOf(robotsTags);
    Objects.requireNonNull(reason, "reason");
    if ((body != null) != (outcome == Outcome.OK)) {
      throw new IllegalArgumentException("body present must mean OK: " + outcome);
    }
  }

  /** A fetch that ended without a body, and why. */
  static FetchResult problem(Outcome outcome, URI url, int status, String reason) {
    return new FetchResult(outcome, url, status, null, Validators.NONE, List.of(), reason);
  }

  /** What happened and to which URL, for logs and reports. */
  String description() {
    return reason + ": " + url;
  }

  /**
   * A response body and how the server described it.
   *
   * @param mediaType the content type without parameters, lowercase; empty if none was sent
   * @param charset the {@code charset} parameter of the content type, unquoted; null if none
   * @param bytes the body after any {@code Content-Encoding} is undone
   */
  // equals, hashCode and toString below are written for the array; it is copied in and out.
  @SuppressWarnings("ArrayRecordComponent")
  record Body(String mediaType, @Nullable String charset, byte[] bytes) {

    /** Copies the bytes so the body cannot change afterwards. */
    Body {
      Objects.requireNonNull(mediaType, "mediaType");
      bytes = bytes.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** The bytes as a stream, without copying them. */
    InputStream stream() {
      return new ByteArrayInputStream(bytes);
    }

    /** How many bytes there are. */
    int length() {
      return bytes.length;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Body that
          && mediaType.equals(that.mediaType)
          && Objects.equals(charset, that.charset)
          && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(mediaType, charset, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
      return "Body[" + mediaType + ", charset=" + charset + ", " + bytes.length + " bytes]";
    }
  }
}
