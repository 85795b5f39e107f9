package archive.ingest;

import archive.ingest.FetchResult.Body;
import archive.ingest.FetchResult.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Decides how much of a response body one kind of fetch downloads, and turns a successful response
 * into a result: the wanted body, or why it was refused.
 */
final class BodyReader {
  // Error and redirect bodies are read only so the connection can be reused; big ones are cut off.
  private static final int SMALL_BODY_BYTES = 64 * 1024;

  private final FetchKind kind;

  /** A reader for bodies of {@code kind}. */
  BodyReader(FetchKind kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** What this reader is for. */
  FetchKind kind() {
    return kind;
  }

  /** Decides, from status and headers alone, how much of the body is worth downloading. */
  CappedSubscriber subscriber(ResponseInfo info) {
    if (info.statusCode() / 100 != 2) {
      return new CappedSubscriber(SMALL_BODY_BYTES);
    }
    if (!kind.accepts(ContentType.of(info.headers()).mediaType())) {
      return new CappedSubscriber(0);
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    boolean tooLong = declared > kind.maxBytes() && !kind.truncates();
    return new CappedSubscriber(tooLong ? 0 : kind.maxBytes());
  }

  /** The result of a 2xx response: OK with its body, or WRONG_TYPE, TOO_LARGE or FAILED. */
  FetchResult read(URI url, HttpResponse<CappedSubscriber.Read> response) {
    int status = response.statusCode();
    ContentType type = ContentType.of(response.headers());
    if (!kind.accepts(type.mediaType())) {
      String reason = "content type '" + type.mediaType() + "' is not wanted as " + kind;
      return FetchResult.problem(Outcome.WRONG_TYPE, url, status, reason);
    }
    CappedSubscriber.Read read = response.body();
    String tooLarge = "body over " + kind.maxBytes() + " bytes";
    if (read.overflow() && !kind.truncates()) {
      return FetchResult.problem(Outcome.TOO_LARGE, url, status, tooLarge);
    }
    Optional<byte[]> bytes;
    try {
      bytes = decoded(read.bytes(), response.headers());
    } catch (IOException e) {
      return FetchResult.problem(
          Outcome.FAILED, url, status, "cannot decode body: " + e.getMessage());
    }
    if (bytes.isEmpty()) {
      return FetchResult.problem(Outcome.TOO_LARGE, url, status, tooLarge + " once decompressed");
    }
    Body body = new Body(type.mediaType(), type.charset(), bytes.get());
    HttpHeaders headers = response.headers();
    return new FetchResult(
        Outcome.OK,
        url,
        status,
        body,
        Validators.of(headers),
        headers.allValues("X-Robots-Tag"),
        "HTTP " + status + ", " + body.length() + " bytes");
  }

  /** Undoes the content encoding, capped; empty if the decoded body is over the cap. */
  private Optional<byte[]> decoded(byte[] raw, HttpHeaders headers) throws IOException {
    String encoding =
        headers.firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
    if (encoding.isEmpty() || encoding.equals("identity")) {
      return Optional.of(raw);
    }
    if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
      throw new IOException("unsupported Content-Encoding '" + encoding + "'");
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      // The cap applies to what comes out, so a small gzip bomb cannot fill the memory.
      byte[] out = in.readNBytes(kind.maxBytes() + 1);
      if (out.length <= kind.maxBytes()) {
        return Optional.of(out);
      }
      return kind.truncates() ? Optional.of(Arrays.copyOf(out, kind.maxBytes())) : Optional.empty();
    }
  }
}
