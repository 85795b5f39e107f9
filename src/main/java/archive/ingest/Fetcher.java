package archive.ingest;

import archive.ingest.FetchResult.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches pages, robots.txt, sitemaps and feeds from a live site, politely: one request at a time
 * per host, a pause between them, redirects followed one counted hop at a time, {@code Retry-After}
 * honoured, bodies streamed with a cap. Every HTTP-level problem comes back as a {@link
 * FetchResult}; only interruption is thrown. Safe to share between threads.
 */
final class Fetcher {
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  // When a busy server does not say how long to wait.
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private final FetchPolicy policy;
  private final Predicate<URI> scope;
  private final Clock clock;
  private final HttpClient client;
  private volatile Predicate<URI> allowed = url -> true;
  private volatile Predicate<URI> known = url -> false;
  private volatile Function<URI, @Nullable Validators> validatorsFor = url -> null;
  private final ConcurrentMap<String, HostGate> gates = new ConcurrentHashMap<>();

  /**
   * A fetcher following only redirects whose target {@code scope} accepts.
   *
   * @param clock gives the time against which a {@code Retry-After} date is read
   */
  Fetcher(FetchPolicy policy, Predicate<URI> scope, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.clock = Objects.requireNonNull(clock, "clock");
    // HTTP/1.1 so that "one request at a time per host" also means one connection per host.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(policy.connectTimeout())
            .build();
  }

  /** A fetcher on the system clock. */
  Fetcher(FetchPolicy policy, Predicate<URI> scope) {
    this(policy, scope, Clock.systemUTC());
  }

  /**
   * From now on, a redirect to a URL that {@code allowed} refuses (the site's robots.txt, say) is
   * reported as {@link Outcome#DISALLOWED} and not followed. The URL asked for is the caller's to
   * check.
   */
  void obey(Predicate<URI> allowed) {
    this.allowed = Objects.requireNonNull(allowed, "allowed");
  }

  /**
   * From now on, a redirect to a URL that {@code known} accepts (one the caller has fetched or will
   * fetch on its own) is reported as {@link Outcome#KNOWN_TARGET} and not followed, so that no page
   * is downloaded twice.
   */
  void stopAt(Predicate<URI> known) {
    this.known = Objects.requireNonNull(known, "known");
  }

  /**
   * From now on, a URL reached by a redirect is asked with the validators {@code lookup} gives for
   * it (the caller's from its last crawl; null for none), not with those of the URL asked for.
   */
  void validatorsFrom(Function<URI, @Nullable Validators> lookup) {
    this.validatorsFor = Objects.requireNonNull(lookup, "lookup");
  }

  /** Applies a host's robots.txt {@code Crawl-delay} (capped at 10 s) to later requests to it. */
  void crawlDelay(URI site, Duration delay) {
    gate(site).interval(policy.intervalWith(delay));
  }

  /** Fetches an HTML page; see {@link #fetch(URI, Validators, FetchKind)}. */
  FetchResult fetch(URI url, @Nullable Validators previous) throws InterruptedException {
    return fetch(url, previous, FetchKind.PAGE);
  }

  /**
   * Fetches {@code url}, following in-scope redirects.
   *
   * @param url an absolute http or https URL
   * @param previous the validators from the last crawl, sent as conditional headers to {@code url}
   *     (see {@link #validatorsFrom} for the URLs it redirects to); null if none
   * @param kind what the body is for: decides accepted types and the size cap
   * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
   * @throws InterruptedException if interrupted while waiting for a turn or a response
   */
  FetchResult fetch(URI url, @Nullable Validators previous, FetchKind kind)
      throws InterruptedException {
    if (!isHttp(url)) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
    }
    Validators validators = previous == null ? Validators.NONE : previous;
    BodyReader reader = new BodyReader(kind);
    Set<URI> seen = new HashSet<>();
    URI current = url;
    int status = 0; // of the redirect that led to current, if any
    for (int redirects = 0; ; redirects++) {
      if (!scope.test(current)) {
        String from = current.equals(url) ? "out of scope" : "redirected off scope from " + url;
        return FetchResult.problem(Outcome.OFF_SCOPE, current, status, from);
      }
      if (!current.equals(url) && !allowed.test(current)) {
        String reason = "redirected from " + url + " to a page robots.txt disallows";
        return FetchResult.problem(Outcome.DISALLOWED, current, status, reason);
      }
      if (!current.equals(url) && known.test(current)) {
        return FetchResult.problem(
            Outcome.KNOWN_TARGET, current, status, "redirected from " + url + " to a known page");
      }
      if (!seen.add(current)) {
        return FetchResult.problem(Outcome.REDIRECT_LOOP, current, status, "redirects in a loop");
      }
      Validators sent = current.equals(url) ? validators : validatorsFor.apply(current);
      Hop hop = hop(current, sent == null ? Validators.NONE : sent, reader);
      if (hop.result() != null) {
        return hop.result();
      }
      status = hop.status();
      if (redirects == policy.maxRedirects()) {
        String reason = "more than " + policy.maxRedirects() + " redirects from " + url;
        return FetchResult.problem(Outcome.TOO_MANY_REDIRECTS, current, status, reason);
      }
      current = Objects.requireNonNull(hop.location());
    }
  }

  /** One step of a fetch: a final result, or where a redirect points. */
  private record Hop(@Nullable FetchResult result, @Nullable URI location, int status) {
    static Hop done(FetchResult result) {
      return new Hop(result, null, result.status());
    }
  }

  /** One URL, retried while the server is busy, in the host's turn. */
  private Hop hop(URI url, Validators validators, BodyReader reader) throws InterruptedException {
    HostGate gate = gate(url);
    for (int attempt = 0; ; attempt++) {
      gate.enter();
      Duration pause = Duration.ZERO;
      try {
        HttpResponse<CappedSubscriber.Read> response = send(url, validators, reader);
        int status = response.statusCode();
        if (status != 429 && status != 503) {
          return interpret(url, response, reader);
        }
        pause = busyPause(response.headers());
        if (attempt == policy.maxRetries() || pause.compareTo(policy.maxRetryAfter()) > 0) {
          String reason = "HTTP " + status + " (retry after " + pause.toSeconds() + " s)";
          return Hop.done(
              FetchResult.problem(
                  Outcome.FAILED, url, status, reason + " after " + attempt + " retries"));
        }
      } catch (IOException e) {
        return Hop.done(FetchResult.problem(Outcome.FAILED, url, 0, describe(e)));
      } finally {
        gate.leave(pause);
      }
    }
  }

  private Duration busyPause(HttpHeaders headers) {
    return headers
        .firstValue("Retry-After")
        .flatMap(value -> RetryAfter.parse(value, clock.instant()))
        .orElse(DEFAULT_RETRY_AFTER);
  }

  private HttpResponse<CappedSubscriber.Read> send(
      URI url, Validators validators, BodyReader reader) throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<CappedSubscriber.Read>> future =
        client.sendAsync(request(url, validators, reader.kind()), reader::subscriber);
    try {
      // The request timeout only covers the headers; this bounds the body too.
      return future.get(policy.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new HttpTimeoutException(
          "timed out after " + policy.requestTimeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException(cause);
    }
  }

  private HttpRequest request(URI url, Validators validators, FetchKind kind) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .GET()
            .timeout(policy.requestTimeout())
            .header("User-Agent", policy.userAgent())
            .header("Accept", kind.accept());
    if (!kind.truncates()) {
      // A gzip stream cut at the cap cannot be decoded, so kinds that cut ask for plain bytes.
      request.header("Accept-Encoding", "gzip");
    }
    if (validators.etag() != null) {
      request.header("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      request.header("If-Modified-Since", validators.lastModified());
    }
    return request.build();
  }

  private Hop interpret(URI url, HttpResponse<CappedSubscriber.Read> response, BodyReader reader) {
    int status = response.statusCode();
    HttpHeaders headers = response.headers();
    if (status == 304) {
      return Hop.done(
          new FetchResult(
              Outcome.NOT_MODIFIED,
              url,
              status,
              null,
              Validators.of(headers),
              headers.allValues("X-Robots-Tag"),
              "not modified"));
    }
    if (status == 404 || status == 410) {
      return Hop.done(FetchResult.problem(Outcome.GONE, url, status, "HTTP " + status));
    }
    if (REDIRECTS.contains(status)) {
      return redirect(url, status, headers);
    }
    if (status / 100 != 2) {
      return Hop.done(FetchResult.problem(Outcome.FAILED, url, status, "HTTP " + status));
    }
    return Hop.done(reader.read(url, response));
  }

  private Hop redirect(URI url, int status, HttpHeaders headers) {
    Optional<String> location = headers.firstValue("Location");
    if (location.isEmpty()) {
      return Hop.done(
          FetchResult.problem(Outcome.FAILED, url, status, "HTTP " + status + " without Location"));
    }
    try {
      URI target = url.resolve(location.get().trim());
      if (isHttp(target)) {
        return new Hop(null, target, status);
      }
    } catch (IllegalArgumentException e) {
      // reported below: a Location that is not a URI is the server's fault, not ours
    }
    String reason = "HTTP " + status + " to unusable Location '" + location.get() + "'";
    return Hop.done(FetchResult.problem(Outcome.FAILED, url, status, reason));
  }

  private HostGate gate(URI url) {
    String host = Objects.requireNonNull(url.getHost(), "host").toLowerCase(Locale.ROOT);
    return gates.computeIfAbsent(host, h -> new HostGate(policy.interval()));
  }

  private static boolean isHttp(URI url) {
    String scheme = url.getScheme();
    return url.isAbsolute()
        && url.getHost() != null
        && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
  }

  private static String describe(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timed out";
    }
    if (e instanceof HttpTimeoutException) {
      return oneLine(e);
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
        return "unknown host: the DNS lookup failed";
      }
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        // The JDK's client gives a refused connection no message; other failures say what.
        return cause.getMessage() == null
            ? "could not connect (connection refused)"
            : "could not connect: " + oneLine(cause);
      }
      if (cause instanceof SSLException) {
        return "TLS failed: " + oneLine(cause);
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + " " + oneLine(root);
  }

  private static String oneLine(Throwable e) {
    return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
  }
}
