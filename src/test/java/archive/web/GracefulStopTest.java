package archive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the server ({@link ArchiveServer#close}, what Ctrl-C runs) refuses new connections at
 * once but lets a request already in flight finish with its whole response, and returns only then;
 * a request that outlasts the stop timeout is cut off. A test route holds requests on a latch.
 */
@Timeout(60)
class GracefulStopTest {

  /** Larger than socket buffers, so a cut-off response could not hide in them. */
  private static final String BODY = "finished ".repeat(200_000);

  @TempDir Path indexDir;
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final HttpClient http = HttpClient.newHttpClient();
  private ArchiveServer server;
  private int port; // ArchiveServer.port() is Spark's, which throws once stopped

  @BeforeEach
  void index() throws IOException {
    TestIndex.build(Path.of("examples/devlog"), indexDir);
  }

  /** Starts the server with a route, {@code /held}, that answers only once released. */
  private void start(Duration stopTimeout) throws IOException {
    ServerConfig config = new ServerConfig("127.0.0.1", 0, indexDir, null, List.of());
    server =
        ArchiveServer.start(
            config,
            stopTimeout,
            service ->
                service.get(
                    "/held",
                    (req, res) -> {
                      arrived.countDown();
                      release.await();
                      return BODY;
                    }));
    port = server.port();
  }

  @AfterEach
  void stop() throws IOException {
    release.countDown();
    if (server != null) {
      server.close();
    }
  }

  private CompletableFuture<HttpResponse<String>> getAsync(String path) {
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    return http.sendAsync(
        HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<Void> closeInBackground() {
    return CompletableFuture.runAsync(
        () -> {
          try {
            server.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * Whether a new TCP connection to the server's port is refused, or reset: a connection that was
   * in the listening socket's backlog as it closed is reset instead of refused.
   */
  private boolean refused() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return false;
    } catch (SocketTimeoutException e) {
      return false; // unanswered: the backlog is full while the stop begins; not refused yet
    } catch (SocketException e) { // ConnectException is one
      return true;
    }
  }

  private void awaitRefused() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!refused()) {
      assertThat(System.nanoTime()).as("connections refused within 10 s").isLessThan(deadline);
      Thread.sleep(10); // each connection made waits in the backlog: do not fill it
    }
  }

  @Test
  void requestInFlightGetsItsWholeResponseAndCloseWaitsForIt() throws Exception {
    start(Duration.ofSeconds(30));
    CompletableFuture<HttpResponse<String>> held = getAsync("/held");
    assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> closing = closeInBackground();
    awaitRefused(); // the stop has begun: the listening socket is closed
    assertThat(closing).as("close() while a request is held").isNotDone();
    assertThat(held).isNotDone();

    release.countDown();
    HttpResponse<String> response = held.get(20, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(BODY);
    closing.get(20, TimeUnit.SECONDS);
  }

  @Test
  void newConnectionsAreRefusedOnceStopped() throws Exception {
    start(Duration.ofSeconds(30));
    assertThat(refused()).isFalse();
    server.close();
    assertThat(refused()).isTrue();
    assertThatThrownBy(() -> getAsync("/health").get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void requestOutlastingTheStopTimeoutIsCutOffAndCloseStillReturns() throws Exception {
    start(Duration.ofMillis(200));
    CompletableFuture<HttpResponse<String>> held = getAsync("/held");
    assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

    server.close(); // Spark used to answer the overrun with System.exit(100), ending this JVM
    assertThat(refused()).isTrue();
    assertThat(held)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(IOException.class);
  }
}
