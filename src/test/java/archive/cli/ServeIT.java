package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs a real {@code archive serve --port 0} process and stops it as people do: Ctrl-C (SIGINT) or
 * a service manager (SIGTERM). It must go quietly, with the status a JVM gives on that signal, and
 * leave the port closed.
 */
class ServeIT {

  private static final Pattern SERVING =
      Pattern.compile("archive: serving .+ at (http://127\\.0\\.0\\.1:(\\d+)/) .*Ctrl-C stops");

  @TempDir Path indexDir;
  @TempDir Path logs;
  private @Nullable Process child;

  @BeforeEach
  void index() {
    CliRun run = CliRun.of("index", "examples/devlog", "--index", indexDir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @AfterEach
  void killLeftovers() throws InterruptedException {
    if (child != null && child.isAlive()) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest(name = "SIG{0} exits {1}")
  @CsvSource({"INT, 130", "TERM, 143"})
  @Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD) // a read can block; see @AfterEach
  void signalStopsTheServerQuietlyAndClosesThePort(String signal, int status) throws Exception {
    if (signal.equals("INT")) {
      assumeThat(sigintIgnored())
          .as("SIGINT is ignored here (a shell started the build in the background), as in a child")
          .isFalse();
    }
    Path stderr = logs.resolve("stderr.txt");
    Process serve = startServe(stderr);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    Matcher serving = awaitServing(out);
    int port = Integer.parseInt(serving.group(2));
    assertThat(port).as("the real port, not the 0 asked for").isPositive();
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(serving.group(1) + "health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);

    Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(serve.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
    assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s").isTrue();

    assertThat(serve.exitValue()).isEqualTo(status);
    assertThat(out.lines()).containsExactly("archive: stopped"); // the shutdown hook closed it
    assertThat(Files.readString(stderr)).doesNotContain("Exception", "\tat ", "ERROR");
    assertThat(refused(port)).as("port " + port + " refuses connections").isTrue();
    assertThat(CliRun.of("serve", "--help").out())
        .as("serve --help lists the status")
        .containsPattern(status + " +stopped by .*SIG" + signal);
  }

  @Test
  @Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
  void aBlogFolderThatHasMovedIsSaidOnceAtStartUp(@TempDir Path blogs) throws Exception {
    Path blog = Files.createDirectories(blogs.resolve("blog"));
    Files.writeString(blog.resolve("a.md"), "---\ntitle: Quolls\n---\nQuolls at night.\n");
    Path moved = blogs.resolve("moved-index");
    Path recorded = blog.toRealPath();
    CliRun run = CliRun.of("index", blog.toString(), "--index", moved.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Files.move(blog, blogs.resolve("elsewhere"));
    Path stderr = logs.resolve("moved-stderr.txt");
    ProcessBuilder builder =
        CliRun.childProcess("serve", "--port", "0", "--index", moved.toString());
    builder.redirectError(stderr.toFile());
    child = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    Matcher serving = awaitServing(out);
    HttpResponse<String> entry =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(serving.group(1) + "a.html")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(Files.readAllLines(stderr))
        .containsExactly(
            "archive: note: the index was built from "
                + recorded
                + ", which is not there any more: entries are shown from the text the index keeps,"
                + " and the blog's other files (images, styles) are not served; run 'archive index"
                + " FOLDER' where the blog is now");
    assertThat(entry.statusCode()).isEqualTo(200);
    assertThat(entry.body()).contains("<h1>Quolls</h1>", "Quolls at night.");
  }

  private Process startServe(Path stderr) throws IOException {
    ProcessBuilder builder =
        CliRun.childProcess("serve", "--port", "0", "--index", indexDir.toString());
    builder.redirectError(stderr.toFile());
    child = builder.start();
    return child;
  }

  /** Reads the child's output up to the line that names its address. */
  private static Matcher awaitServing(BufferedReader out) throws IOException {
    List<String> seen = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher serving = SERVING.matcher(line);
      if (serving.find()) {
        return serving;
      }
      seen.add(line);
    }
    throw new AssertionError("the child ended before serving; it printed: " + seen);
  }

  private static boolean refused(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return false;
    } catch (ConnectException e) {
      return true;
    }
  }

  /**
   * Whether this JVM, and so a child it starts, ignores SIGINT: shells do that to programs they run
   * in the background, and a JVM then installs no handler for it. Linux only; elsewhere no.
   */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
        return (mask & (1L << (2 - 1))) != 0; // bit n-1 is signal n; SIGINT is 2
      }
    }
    return false;
  }
}
