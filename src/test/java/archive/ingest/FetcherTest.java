package archive.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.FetchResult.Outcome;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class FetcherTest {
  private static final int TWENTY_MB = 20 * 1024 * 1024;
  // Quick tests: no pause between requests unless a test asks for one; a timeout that a cold JVM
  // reading 5 MB still meets.
  private static final FetchPolicy FAST =
      FetchPolicy.defaults().withRequestsPerSecond(0).withRequestTimeout(Duration.ofSeconds(5));

  /** A request as the server saw it. */
  record Seen(String path, Headers headers, long nanos) {}

  /** Answers one request; may throw to drop the connection. */
  interface Route {
    void answer(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::dispatch);
    server.setExecutor(threads);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    seen.add(new Seen(path, exchange.getRequestHeaders(), System.nanoTime()));
    try (exchange) {
      Route route = routes.get(path);
      if (route == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        route.answer(exchange);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static Fetcher fetcher(FetchPolicy policy) {
    return new Fetcher(policy, url -> url.getHost().equals("127.0.0.1"));
  }

  private static Route page(int status, String type, byte[] body, String... headers) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", type);
      for (int i = 0; i < headers.length; i += 2) {
        exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    };
  }

  private static Route html(String text) {
    return page(200, "text/html; charset=utf-8", text.getBytes(UTF_8));
  }

  private static Route redirect(int status, String location) {
    return exchange -> {
      exchange.getResponseHeaders().set("Location", location);
      exchange.sendResponseHeaders(status, -1);
    };
  }

  private List<String> paths() {
    return seen.stream().map(Seen::path).toList();
  }

  @Test
  void fetchesHtmlWithCharsetValidatorsAndRobotsTags() throws Exception {
    byte[] latin = "<p>café</p>".getBytes(ISO_8859_1);
    routes.put(
        "/post",
        page(
            200,
            "text/html; charset=\"ISO-8859-1\"",
            latin,
            "ETag",
            "\"v1\"",
            "Last-Modified",
            "Tue, 03 Jun 2025 10:00:00 GMT",
            "X-Robots-Tag",
            "noindex",
            "X-Robots-Tag",
            "nofollow"));

    FetchResult result = fetcher(FAST).fetch(url("/post"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.url()).isEqualTo(url("/post"));
    assertThat(result.body()).isEqualTo(new FetchResult.Body("text/html", "ISO-8859-1", latin));
    assertThat(result.validators())
        .isEqualTo(new Validators("\"v1\"", "Tue, 03 Jun 2025 10:00:00 GMT"));
    assertThat(result.robotsTags()).containsExactly("noindex", "nofollow");
    assertThat(seen.get(0).headers().getFirst("If-None-Match")).isNull();
  }

  @Test
  void sendsValidatorsAndReportsNotModified() throws Exception {
    routes.put(
        "/post",
        exchange -> {
          boolean same = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
          page(same ? 304 : 200, "text/html", same ? new byte[0] : new byte[] {'x'})
              .answer(exchange);
        });
    Validators previous = new Validators("\"v1\"", "Tue, 03 Jun 2025 10:00:00 GMT");

    FetchResult result = fetcher(FAST).fetch(url("/post"), previous);

    assertThat(result.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
    assertThat(result.status()).isEqualTo(304);
    assertThat(result.body()).isNull();
    Headers sent = seen.get(0).headers();
    assertThat(sent.getFirst("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(sent.getFirst("If-Modified-Since")).isEqualTo("Tue, 03 Jun 2025 10:00:00 GMT");
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 410})
  void missingPagesAreGone(int status) throws Exception {
    routes.put("/old", page(status, "text/html", "<p>gone</p>".getBytes(UTF_8)));

    FetchResult result = fetcher(FAST).fetch(url("/old"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.GONE);
    assertThat(result.status()).isEqualTo(status);
    assertThat(result.description()).contains(url("/old").toString());
  }

  @ParameterizedTest
  @CsvSource({"3, OK", "5, OK", "6, TOO_MANY_REDIRECTS"})
  void followsUpToFiveRedirects(int hops, Outcome expected) throws Exception {
    for (int i = 0; i < hops; i++) {
      routes.put("/r" + i, redirect(i % 2 == 0 ? 301 : 307, "/r" + (i + 1)));
    }
    routes.put("/r" + hops, html("<p>end</p>"));

    FetchResult result = fetcher(FAST).fetch(url("/r0"), null);

    assertThat(result.outcome()).isEqualTo(expected);
    int requests = expected == Outcome.OK ? hops + 1 : FetchPolicy.defaults().maxRedirects() + 1;
    assertThat(seen).hasSize(requests);
    if (expected == Outcome.OK) {
      assertThat(result.url()).isEqualTo(url("/r" + hops));
      assertThat(new String(result.body().bytes(), UTF_8)).isEqualTo("<p>end</p>");
    }
  }

  @Test
  void reportsARedirectLoop() throws Exception {
    routes.put("/a", redirect(302, "/b"));
    routes.put("/b", redirect(302, url("/a").toString()));

    FetchResult result = fetcher(FAST).fetch(url("/a"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.REDIRECT_LOOP);
    assertThat(result.url()).isEqualTo(url("/a"));
    assertThat(result.status()).isEqualTo(302);
    assertThat(paths()).containsExactly("/a", "/b");
  }

  @Test
  void reportsAnOffScopeRedirectWithoutFollowingIt() throws Exception {
    String elsewhere = "http://localhost:" + server.getAddress().getPort() + "/elsewhere";
    routes.put("/moved", redirect(301, elsewhere));
    routes.put("/elsewhere", html("<p>not ours</p>"));

    FetchResult result = fetcher(FAST).fetch(url("/moved"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.OFF_SCOPE);
    assertThat(result.url()).isEqualTo(URI.create(elsewhere));
    assertThat(result.status()).isEqualTo(301);
    assertThat(result.description()).contains(url("/moved").toString());
    assertThat(paths()).containsExactly("/moved");
  }

  @Test
  void redirectToAPageTheCallerFetchesOnItsOwnStopsThere() throws Exception {
    routes.put("/old", redirect(301, "/new"));
    routes.put("/new", html("<p>fetched once, on its own</p>"));
    Fetcher fetcher = fetcher(FAST);
    fetcher.stopAt(url("/new")::equals);

    FetchResult result = fetcher.fetch(url("/old"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.KNOWN_TARGET);
    assertThat(result.url()).isEqualTo(url("/new"));
    assertThat(paths()).containsExactly("/old");
    assertThat(fetcher.fetch(url("/new"), null).outcome()).isEqualTo(Outcome.OK); // asked itself
  }

  @Test
  void pageReachedByARedirectIsAskedWithItsOwnValidators() throws Exception {
    routes.put("/old", redirect(301, "/new"));
    routes.put("/new", html("<p>new</p>"));
    Fetcher fetcher = fetcher(FAST);
    fetcher.validatorsFrom(u -> u.equals(url("/new")) ? new Validators("\"n1\"", null) : null);

    fetcher.fetch(url("/old"), new Validators("\"o1\"", "Tue, 15 Nov 2022 12:45:26 GMT"));

    assertThat(paths()).containsExactly("/old", "/new");
    assertThat(seen.get(0).headers().getFirst("If-None-Match")).isEqualTo("\"o1\"");
    assertThat(seen.get(1).headers().getFirst("If-None-Match")).isEqualTo("\"n1\"");
    assertThat(seen.get(1).headers().getFirst("If-Modified-Since")).isNull(); // not /old's date
  }

  @Test
  void redirectToADisallowedPageIsReportedWithoutFollowingIt() throws Exception {
    routes.put("/moved", redirect(301, "/private/notes"));
    routes.put("/private/notes", html("<p>private</p>"));
    Fetcher fetcher = fetcher(FAST);
    fetcher.obey(url -> !url.getPath().startsWith("/private/"));

    FetchResult result = fetcher.fetch(url("/moved"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.DISALLOWED);
    assertThat(result.url()).isEqualTo(url("/private/notes"));
    assertThat(paths()).containsExactly("/moved");
    assertThat(fetcher.fetch(url("/private/notes"), null).outcome())
        .as("the URL asked for is the caller's to check")
        .isEqualTo(Outcome.OK);
  }

  @Test
  void aServerErrorFailsWithAReasonNamingTheUrl() throws Exception {
    routes.put("/broken", page(500, "text/html", "oops".getBytes(UTF_8)));

    FetchResult result = fetcher(FAST).fetch(url("/broken"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.status()).isEqualTo(500);
    assertThat(result.description())
        .contains("500")
        .contains(url("/broken").toString())
        .doesNotContain("\n");
  }

  @Test
  void anUnreachableHostFails() throws Exception {
    URI closed = url("/post");
    server.stop(0);

    FetchResult result = fetcher(FAST).fetch(closed, null);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.status()).isZero();
    assertThat(result.description()).contains(closed.toString());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aSlowPageTimesOut(boolean headersFirst) throws Exception {
    routes.put(
        "/slow",
        exchange -> {
          if (headersFirst) {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("<p>start".getBytes(UTF_8));
            exchange.getResponseBody().flush();
          }
          Thread.sleep(3000);
        });

    FetchPolicy impatient = FAST.withRequestTimeout(Duration.ofMillis(500));

    FetchResult result = fetcher(impatient).fetch(url("/slow"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.description()).contains("timed out").contains(url("/slow").toString());
  }

  /** Writes 20 MB in chunks, counting what got out before the client hung up. */
  private Route endless(
      String type, boolean declareLength, AtomicLong written, CountDownLatch done) {
    return exchange -> {
      try {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, declareLength ? TWENTY_MB : 0);
        byte[] chunk = new byte[64 * 1024];
        OutputStream out = exchange.getResponseBody();
        while (written.get() < TWENTY_MB) {
          out.write(chunk);
          written.addAndGet(chunk.length);
        }
      } finally {
        done.countDown();
      }
    };
  }

  @ParameterizedTest
  @CsvSource({
    "text/html, false, TOO_LARGE",
    "text/html, true, TOO_LARGE",
    "application/pdf, true, WRONG_TYPE"
  })
  void stopsDownloadingAHugeOrUnwantedBody(String type, boolean declareLength, Outcome expected)
      throws Exception {
    AtomicLong written = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);
    routes.put("/big", endless(type, declareLength, written, done));

    FetchResult result = fetcher(FAST).fetch(url("/big"), null);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(expected);
    assertThat(result.body()).isNull();
    assertThat(done.await(5, TimeUnit.SECONDS)).as("server saw the client hang up").isTrue();
    assertThat(written.get()).isLessThan(TWENTY_MB);
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  @Test
  void aTimedOutDownloadIsHungUp() throws Exception {
    CountDownLatch hungUp = new CountDownLatch(1);
    routes.put(
        "/trickle",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, 0);
          try {
            for (int i = 0; i < 50; i++) {
              exchange.getResponseBody().write('x');
              exchange.getResponseBody().flush();
              Thread.sleep(100);
            }
          } catch (IOException e) {
            hungUp.countDown();
          }
        });

    FetchResult result =
        fetcher(FAST.withRequestTimeout(Duration.ofMillis(500))).fetch(url("/trickle"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(hungUp.await(3, TimeUnit.SECONDS)).as("server saw the client hang up").isTrue();
  }

  @Test
  void asksForGzipAndDecodesIt() throws Exception {
    byte[] plain = "<p>squeezed</p>".repeat(100).getBytes(UTF_8);
    routes.put("/z", page(200, "text/html", gzip(plain), "Content-Encoding", "gzip"));

    FetchResult result = fetcher(FAST).fetch(url("/z"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.body().bytes()).isEqualTo(plain);
    assertThat(seen.get(0).headers().getFirst("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void capsTheDecompressedSizeOfAGzipBody() throws Exception {
    byte[] bomb = gzip(new byte[TWENTY_MB]); // about 20 KB on the wire
    routes.put("/bomb", page(200, "text/html", bomb, "Content-Encoding", "gzip"));

    FetchResult result = fetcher(FAST).fetch(url("/bomb"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.TOO_LARGE);
    assertThat(result.reason()).contains("decompressed");
  }

  @Test
  void retriesATooManyRequestsAfterTheTimeItAsks() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    routes.put(
        "/busy",
        exchange -> {
          if (calls.getAndIncrement() == 0) {
            page(429, "text/plain", new byte[0], "Retry-After", "1").answer(exchange);
          } else {
            html("<p>now</p>").answer(exchange);
          }
        });

    FetchResult result = fetcher(FAST).fetch(url("/busy"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(seen).hasSize(2);
    assertThat(gapMillis(0, 1)).isGreaterThanOrEqualTo(1000 - 20);
  }

  @Test
  void failsAfterTwoRetriesOfAnUnavailableServer() throws Exception {
    routes.put("/down", page(503, "text/plain", new byte[0], "Retry-After", "0"));

    FetchResult result = fetcher(FAST).fetch(url("/down"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.status()).isEqualTo(503);
    assertThat(seen).hasSize(1 + FetchPolicy.defaults().maxRetries());
  }

  @Test
  void doesNotWaitLongerThanTheRetryAfterCap() throws Exception {
    routes.put("/later", page(503, "text/plain", new byte[0], "Retry-After", "3600"));

    FetchResult result = fetcher(FAST).fetch(url("/later"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).contains("3600");
    assertThat(seen).hasSize(1);
  }

  private long gapMillis(int first, int second) {
    return TimeUnit.NANOSECONDS.toMillis(seen.get(second).nanos() - seen.get(first).nanos());
  }

  @Test
  void waitsTheRateIntervalBetweenRequestsAndRedirectHops() throws Exception {
    routes.put("/a", redirect(301, "/b"));
    routes.put("/b", html("<p>b</p>"));
    routes.put("/c", html("<p>c</p>"));
    Fetcher fetcher = fetcher(FAST.withRequestsPerSecond(5)); // 200 ms apart

    fetcher.fetch(url("/a"), null);
    fetcher.fetch(url("/c"), null);

    assertThat(paths()).containsExactly("/a", "/b", "/c");
    assertThat(gapMillis(0, 1)).isGreaterThanOrEqualTo(200 - 20);
    assertThat(gapMillis(1, 2)).isGreaterThanOrEqualTo(200 - 20);
  }

  @Test
  void aLongerCrawlDelayWins() throws Exception {
    routes.put("/a", html("<p>a</p>"));
    Fetcher fetcher = fetcher(FAST.withRequestsPerSecond(10)); // 100 ms apart
    fetcher.crawlDelay(url("/"), Duration.ofMillis(400));

    fetcher.fetch(url("/a"), null);
    fetcher.fetch(url("/a"), null);

    assertThat(gapMillis(0, 1)).isGreaterThanOrEqualTo(400 - 20);
  }

  @Test
  void sendsOneRequestAtATimeToAHost() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    routes.put(
        "/p",
        exchange -> {
          most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          Thread.sleep(100);
          inFlight.decrementAndGet();
          html("<p>p</p>").answer(exchange);
        });
    Fetcher fetcher = fetcher(FAST);
    Callable<FetchResult> call = () -> fetcher.fetch(url("/p"), null);
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      for (Future<FetchResult> result : callers.invokeAll(List.of(call, call, call))) {
        assertThat(result.get().outcome()).isEqualTo(Outcome.OK);
      }
    } finally {
      callers.shutdownNow();
    }

    assertThat(seen).hasSize(3);
    assertThat(most.get()).isEqualTo(1);
  }

  @Test
  void identifiesItselfWithItsUserAgent() throws Exception {
    routes.put("/a", html("<p>a</p>"));

    fetcher(FAST).fetch(url("/a"), null);

    assertThat(seen.get(0).headers().getFirst("User-Agent"))
        .isEqualTo(FetchPolicy.USER_AGENT)
        .startsWith("archive-indexer/" + Product.version() + " ("); // the robots.txt token
  }

  @Test
  void robotsTxtOfAnyTypeIsCutAtItsCapRatherThanRefused() throws Exception {
    byte[] text = new byte[FetchKind.ROBOTS.maxBytes() + 10_000];
    routes.put("/robots.txt", page(200, "application/octet-stream", text));

    FetchResult result = fetcher(FAST).fetch(url("/robots.txt"), null, FetchKind.ROBOTS);

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.body().length()).isEqualTo(FetchKind.ROBOTS.maxBytes());
    assertThat(seen.get(0).headers().getFirst("Accept-Encoding")).isNull();
  }
}
