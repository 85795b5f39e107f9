package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import archive.testing.Figures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed HTTP, sent as raw bytes to the real server over the example blog (issue 10,
 * reliability): bad %-escapes on every route, huge headers and addresses, garbage request lines,
 * odd bodies, HEAD, and clients that send or read slowly. Every request is answered with a status
 * below 500 and, when refused, a short body, or (only for bytes that are not HTTP at all) its
 * connection is closed; no answer shows a stack trace or a Java class name; {@code /health} answers
 * 200 after every case; the server's log has at most one line per bad request, and no stack trace.
 * The idle timeout is two seconds, so that clients that stop are cut off quickly.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedHttpIT {

  private static final Duration IDLE = Duration.ofSeconds(2);
  private static final String BLOG_PAGE = "/posts/2022/dev-log-24.html";
  private static final List<String> ROUTES =
      List.of(
          "/",
          "/search",
          "/search/results",
          "/api/search",
          "/api/suggest",
          "/api/related",
          "/api/stats",
          "/feed.xml",
          "/opensearch.xml",
          "/archive",
          "/archive/2021",
          "/archive/tag/x",
          "/embed.js",
          "/assets/archive.css",
          "/health",
          BLOG_PAGE);
  private static final List<String> ESCAPES =
      List.of("%FF", "%zz", "%", "%C0%AF", "%00", "%E0%80%AF", "%F0%80%80%AF", "%ED%A0%80");
  private static final List<String> LEAKS = List.of("\tat ", "Exception", "java.", "org.eclipse");
  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");
  private static final Pattern LOG_LINE =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d \\[[^\\]]+\\] (WARN|INFO) .*");
  private static final String CLOSE = "Host: 127.0.0.1\r\nConnection: close\r\n";

  @TempDir static Path indexDir;
  private static ArchiveServer server;
  private static PrintStream stderr;
  private static final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private static final AtomicInteger malformed = new AtomicInteger();
  private static final AtomicInteger closedUnanswered = new AtomicInteger();
  private static final AtomicInteger healthChecks = new AtomicInteger();
  private static final Map<Integer, Integer> statuses = new TreeMap<>();
  private static final List<String> slowFigures = new ArrayList<>();
  private static final AtomicInteger scenariosPassed = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    TestIndex.build(Path.of("examples/devlog"), indexDir);
    server = start(IDLE);
    assertThat(RawHttp.get(server.port(), BLOG_PAGE)).startsWith("HTTP/1.1 200 ");
    stderr = System.err; // the server logs there (slf4j-simple): keep a copy of what it writes
    System.setErr(new PrintStream(new Tee(stderr, log), true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() throws IOException {
    System.setErr(stderr);
    server.close();
  }

  private static ArchiveServer start(Duration idle) throws IOException {
    return ArchiveServer.start(
        new ServerConfig("127.0.0.1", 0, indexDir, null, List.of()),
        Duration.ofSeconds(1),
        new ArchiveServer.Limits(idle, 1000),
        service -> {});
  }

  @Test
  @Order(1)
  void badEscapesInPathsQueryValuesAndNamesOfEveryRouteAreAnsweredBelow500() throws Exception {
    for (String route : ROUTES) {
      for (String escape : ESCAPES) {
        refusedOrAnswered(request("GET", route + escape), false);
        refusedOrAnswered(request("GET", route + "?q=a" + escape + "&url=" + escape), false);
        refusedOrAnswered(request("GET", route + "?" + escape + "=1"), false);
      }
    }
    scenariosPassed.incrementAndGet();
  }

  @Test
  @Order(2)
  void hugeHeadersAddressesAndCookiesAreRefused() throws Exception {
    String search = "GET /api/search?q=dev HTTP/1.1\r\n" + CLOSE;
    List<String> huge =
        List.of(
            search + "X-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n",
            search + "X-Big: " + "a".repeat(1024 * 1024) + "\r\n\r\n",
            search
                + IntStream.range(0, 10_000)
                    .mapToObj(i -> "X-H" + i + ": v\r\n")
                    .collect(Collectors.joining())
                + "\r\n",
            request("GET", "/api/search?q=" + "a".repeat(100 * 1024)),
            request("GET", "/search?q=" + "a".repeat(1024 * 1024)),
            search + "Cookie: c=" + "x".repeat(100 * 1024) + "\r\n\r\n",
            search
                + "Cookie: "
                + IntStream.range(0, 5000)
                    .mapToObj(i -> "c" + i + "=v")
                    .collect(Collectors.joining("; "))
                + "\r\n\r\n");
    for (String request : huge) {
      assertThat(status(refusedOrAnswered(request, false))).isBetween(400, 499);
    }
    // A flood of them: Jetty's parser warned once per request; the server logs a line an interval.
    long linesBefore = logLines();
    String tooLong = request("GET", "/api/search?q=" + "a".repeat(9000));
    for (int i = 0; i < 300; i++) {
      assertThat(status(RawHttp.send(server.port(), tooLong))).isEqualTo(414);
      malformed.incrementAndGet();
      count(414);
    }
    assertThat(logLines() - linesBefore).as("log lines for 300 refused requests").isLessThan(3);
    scenariosPassed.incrementAndGet();
  }

  @Test
  @Order(3)
  void garbageRequestLinesAreRefused() throws Exception {
    refusedOrAnswered("\0\0\0\0GET / HTTP/1.1\r\n\r\n", true);
    refusedOrAnswered("GET /\0 HTTP/1.1\r\n" + CLOSE + "\r\n", true);
    refusedOrAnswered(binary(), true);
    refusedOrAnswered("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003", true);
    for (String line : List.of("GET", "GET /", "GET / HTTP/9.9", "GET / HTTP/0.9")) {
      assertThat(status(refusedOrAnswered(line + "\r\n" + CLOSE + "\r\n", false))).isEqualTo(400);
    }
    for (String method : List.of("get", "FOO", "CONNECT", "TRACE")) {
      String target = method.equals("CONNECT") ? "127.0.0.1:22" : "/";
      String request = method + " " + target + " HTTP/1.1\r\n" + CLOSE + "X-Secret: s3cr3t\r\n\r\n";
      String answer = refusedOrAnswered(request, false);
      assertThat(status(answer)).isEqualTo(405);
      assertThat(answer).doesNotContain("s3cr3t");
    }
    assertThat(status(refusedOrAnswered("OPTIONS * HTTP/1.1\r\n" + CLOSE + "\r\n", false)))
        .isEqualTo(405);
    for (String absolute : List.of("http://evil.example/", "http://evil.example/search?q=dev")) {
      String answer = refusedOrAnswered(request("GET", absolute), false);
      assertThat(status(answer)).isEqualTo(200);
      assertThat(answer).doesNotContain("evil");
    }
    String noHost = "GET / HTTP/1.1\r\nConnection: close\r\n\r\n";
    assertThat(status(refusedOrAnswered(noHost, false))).isEqualTo(400);
    String twoHosts = "GET / HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n" + CLOSE + "\r\n";
    assertThat(status(refusedOrAnswered(twoHosts, false))).isEqualTo(400);
    scenariosPassed.incrementAndGet();
  }

  @Test
  @Order(4)
  void oddBodiesAreRefusedAndWritesToTheApiAreNotAllowed() throws Exception {
    String get = "GET /api/search?q=dev HTTP/1.1\r\n" + CLOSE;
    String post = "POST /api/search?q=dev HTTP/1.1\r\n" + CLOSE;
    List<String> bad =
        List.of(
            get + "Content-Length: -1\r\n\r\n",
            get + "Content-Length: abc\r\n\r\n",
            get + "Content-Length: 3\r\nContent-Length: 5\r\n\r\nabcde",
            get + "Content-Length: 99999999999999999999999\r\n\r\n",
            get + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n",
            post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
            post + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
            post + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n",
            post + "Transfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n",
            post + "Content-Length: 1048576\r\n\r\n" + "b".repeat(1024 * 1024));
    for (String request : bad) {
      assertThat(status(refusedOrAnswered(request, false))).isBetween(400, 499);
    }
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      for (String route : ROUTES.stream().filter(r -> r.startsWith("/api/")).toList()) {
        String request =
            method + " " + route + " HTTP/1.1\r\n" + CLOSE + "Content-Length: 2\r\n\r\n{}";
        assertThat(status(refusedOrAnswered(request, false))).isEqualTo(405);
      }
    }
    scenariosPassed.incrementAndGet();
  }

  @Test
  @Order(5)
  void headIsAnsweredAsGetIsWithoutABody() throws Exception {
    List<String> paths = new ArrayList<>(ROUTES);
    paths.addAll(List.of("/nope", "/api/nope", "/assets/nope.css", "/api/search?q=%FF"));
    for (String path : paths) {
      int get = status(RawHttp.get(server.port(), path));
      String head = refusedOrAnswered(request("HEAD", path), false);
      assertThat(status(head)).as(path).isEqualTo(get);
      assertThat(head).as(path).endsWith("\r\n\r\n"); // the headers, and nothing after them
    }
    scenariosPassed.incrementAndGet();
  }

  /**
   * (a) Slowloris: clients that send their headers a byte every 200 ms are held (none is dropped,
   * and each is answered once its headers are done) while every other request is answered. Jetty
   * 9.4's idle timeout is one of silence, not a deadline for the headers: every byte it reads
   * restarts it ({@code IdleTimeout.notIdle()} on each fill), so a client that sends a byte every
   * 200 ms is never timed out by a 2 s one, and an answer to each is the whole contract. One that
   * falls silent for 2 s is closed without an answer: that is (b).
   */
  @Test
  @Order(6)
  void clientsThatSendHeadersSlowlyDoNotStarveOthers() throws Exception {
    List<Socket> slow = new ArrayList<>();
    AtomicInteger rounds = new AtomicInteger();
    Thread trickle = null;
    try {
      // A burst of connections: the first clients send nothing more until the last is connected.
      // With the JDK's backlog of 50 the kernel dropped a SYN or two, each retried a second later,
      // and the first clients sat silent past the timeout (ArchiveServer.BACKLOG).
      for (int i = 0; i < 120; i++) {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        socket
            .getOutputStream()
            .write(
                "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                    .getBytes(StandardCharsets.ISO_8859_1));
        slow.add(socket);
      }
      trickle = new Thread(() -> trickle(slow, rounds));
      trickle.start();
      int normal = normalRequestsAllAnswered(100);
      while (rounds.get() >= 0 && rounds.get() < 15) { // 3 s of trickling: past the idle timeout
        Thread.sleep(50);
      }
      trickle.interrupt();
      trickle.join();
      assertThat(rounds.get())
          .as("rounds of a byte to every slow client")
          .isGreaterThanOrEqualTo(15);
      // Every client ends its headers first, then the answers are read: ending and reading one
      // by one let the last clients sit idle past the 2 s timeout on a slow machine.
      for (Socket socket : slow) {
        socket
            .getOutputStream()
            .write("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      for (int i = 0; i < slow.size(); i++) {
        assertThat(RawHttp.answers(slow.get(i).getInputStream(), 1))
            .as("answers to slow client %d of %d", i, slow.size())
            .isEqualTo(1);
      }
      slowFigures.add(
          slow.size()
              + " clients sending a header byte every 200 ms held for "
              + rounds.get()
              + " bytes each (each answered once its headers were done) while "
              + normal
              + " other requests all answered 200");
    } finally {
      if (trickle != null) {
        trickle.interrupt();
      }
      for (Socket socket : slow) {
        socket.close();
      }
    }
    scenariosPassed.incrementAndGet();
  }

  private static void trickle(List<Socket> slow, AtomicInteger rounds) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (Socket socket : slow) {
          socket.getOutputStream().write('a');
        }
        rounds.incrementAndGet();
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      // done
    } catch (IOException e) {
      rounds.set(-1_000_000); // a slow client was dropped: the answers below will say so
    }
  }

  /**
   * (b) A client that stops in the middle of its headers is closed after the idle timeout, without
   * an answer: no 408. That is what Jetty 9.4 does when the timeout finds its parser mid-request
   * ({@code HttpConnection.onFillInterestedFailed} closes the parser, {@code
   * HttpChannelOverHttp.onIdleTimeout} leaves the close to the connection, which shuts its output
   * and then closes; 9.4.58), and the server adds nothing to it. Should an upgrade of Jetty start
   * to answer 408, this says so.
   */
  @Test
  @Order(7)
  void aClientThatStopsMidHeadersIsClosed() throws Exception {
    for (String part :
        List.of("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ab", "GET /he")) {
      String answer = RawHttp.send(server.port(), part); // returns once the server closed
      malformed.incrementAndGet();
      assertThat(answer).as("the answer to %s", part.replace("\r\n", " ")).isEmpty();
      assertHealthy();
    }
    scenariosPassed.incrementAndGet();
  }

  /**
   * (c) Clients that ask for more than the kernel will buffer for them (a page of results, the
   * archive, and about 5 MB of {@code embed.js}, pipelined) and read none of it: other readers are
   * all answered while they wait, and they get every answer once they read. This server's idle
   * timeout is a minute, so that their being cut off cannot pass for their being held.
   */
  @Test
  @Order(8)
  void clientsThatReadNothingDoNotStarveOthers() throws Exception {
    String requests =
        "GET /api/search?q=dev&size=50 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            + "GET /archive HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            + "GET /embed.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(300);
    int pipelined = 302;
    ArchiveServer patient = start(Duration.ofMinutes(1));
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 24; i++) {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress("127.0.0.1", patient.port()));
        socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
        stalled.add(socket);
      }
      int normal = 0;
      for (int i = 0; i < 100; i++, normal++) {
        assertThat(
                status(RawHttp.get(patient.port(), i % 2 == 0 ? "/health" : "/api/search?q=dev")))
            .isEqualTo(200);
      }
      for (Socket socket : stalled) {
        assertThat(RawHttp.answers(socket.getInputStream(), pipelined)).isEqualTo(pipelined);
      }
      slowFigures.add(
          stalled.size()
              + " clients that read nothing of "
              + pipelined
              + " pipelined answers (about 5.6 MB) held while "
              + normal
              + " other requests all answered 200; each then got all "
              + pipelined);
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
      patient.close();
    }
    scenariosPassed.incrementAndGet();
  }

  /** (d) A body sent a byte a second is not waited for: a POST is refused at once. */
  @Test
  @Order(9)
  void aBodySentAByteASecondIsNotWaitedFor() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/search?q=dev HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      Thread body =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 10; i++) {
                    out.write('x');
                    Thread.sleep(1000);
                  }
                } catch (IOException | InterruptedException e) {
                  // closed by the server, or the test is done
                }
              });
      body.start();
      String answer = new String(RawHttp.readAll(socket.getInputStream()), StandardCharsets.UTF_8);
      body.interrupt();
      body.join();
      malformed.incrementAndGet();
      assertThat(status(answer)).isEqualTo(405);
      count(405);
    }
    assertHealthy();
    scenariosPassed.incrementAndGet();
  }

  @Test
  @Order(10)
  void theServerLoggedAtMostOneLinePerBadRequestAndStillAnswers() throws Exception {
    assertThat(scenariosPassed.get()).as("every scenario above passed").isEqualTo(9);
    assertHealthy();
    List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).allMatch(line -> LOG_LINE.matcher(line).matches());
    assertThat(lines.size()).isLessThanOrEqualTo(malformed.get());
    List<String> figures = new ArrayList<>();
    figures.add(
        malformed.get()
            + " malformed requests over "
            + malformed.get()
            + " connections: 0 answers >= 500, 0 stack traces or class names; /health answered"
            + " 200 after each ("
            + healthChecks.get()
            + " checks)");
    figures.add(
        "answers by status: "
            + statuses.entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "))
            + "; closed without an answer (bytes that are not HTTP): "
            + closedUnanswered.get());
    figures.addAll(slowFigures);
    figures.add("server log: " + lines.size() + " lines, none of them part of a stack trace");
    Figures.record("malformed-http", figures);
  }

  // --- helpers

  private static String request(String method, String target) {
    return method + " " + target + " HTTP/1.1\r\n" + CLOSE + "\r\n";
  }

  /** Every byte value but CR, LF and NUL, as a "request". */
  private static String binary() {
    StringBuilder bytes = new StringBuilder();
    for (char c = 1; c < 256; c++) {
      if (c != '\r' && c != '\n') {
        bytes.append(c);
      }
    }
    return bytes + "\r\n\r\n";
  }

  private static int status(String answer) {
    Matcher status = STATUS.matcher(answer);
    return status.lookingAt() ? Integer.parseInt(status.group(1)) : -1;
  }

  /**
   * Sends one malformed request on a connection of its own and checks the answer: a status below
   * 500 with a short body when refused, no stack trace or class name; or, only when {@code
   * mayClose}, no answer at all. Then checks that the server still answers {@code /health}.
   *
   * @return the answer, "" for none
   */
  private static String refusedOrAnswered(String request, boolean mayClose) throws IOException {
    String answer = RawHttp.send(server.port(), request);
    String what = request.substring(0, Math.min(80, request.length())).replace("\r\n", " ");
    malformed.incrementAndGet();
    int status = status(answer);
    assertThat(answer).as(what).doesNotContain(LEAKS);
    if (status < 0) {
      assertThat(mayClose).as(what + ": closed without an answer: " + answer).isTrue();
      closedUnanswered.incrementAndGet();
    } else {
      assertThat(status).as(what).isLessThan(500);
      if (status >= 400) {
        assertThat(answer.length() - answer.indexOf("\r\n\r\n")).as(what).isLessThan(4096);
      }
      count(status);
    }
    assertHealthy();
    return answer;
  }

  private static long logLines() {
    return log.toString(StandardCharsets.UTF_8).lines().count();
  }

  private static synchronized void count(int status) {
    statuses.merge(status, 1, Integer::sum);
  }

  private static void assertHealthy() throws IOException {
    assertThat(RawHttp.get(server.port(), "/health")).startsWith("HTTP/1.1 200 ");
    healthChecks.incrementAndGet();
  }

  /** Sends {@code count} ordinary requests, one connection each; all must be answered 200. */
  private static int normalRequestsAllAnswered(int count) throws IOException {
    List<String> paths = List.of("/health", "/api/search?q=dev", "/archive", "/");
    for (int i = 0; i < count; i++) {
      String path = paths.get(i % paths.size());
      assertThat(status(RawHttp.get(server.port(), path))).as(path).isEqualTo(200);
    }
    return count;
  }

  /** Writes to two streams: the real standard error, and a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
    }
  }
}
