package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import archive.testing.Figures;
import archive.web.ArchiveServer;
import archive.web.ServerConfig;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server answers readers without a pause while {@code archive index} runs again and again in
 * processes of its own, as a publishing hook or a cron job would run it: entries added, rewritten
 * and removed each time, and one run {@code --full}. Every request must answer 200, and a word in
 * entries that never change must be found in all of them in every answer: a reader never sees a
 * half-written index, nor an empty one.
 */
class ServingWhileReindexingIT {

  private static final int STABLE = 300;
  private static final int RUNS = 5;
  private static final int READERS = 4;

  @TempDir Path site;
  @TempDir Path indexDir;

  @Test
  @Timeout(600)
  void readersGetEveryAnswerWhileTheIndexIsRebuiltUnderThem() throws Exception {
    GeneratedBlog blog = new GeneratedBlog(site, 17);
    for (int n = 0; n < 1000; n++) {
      blog.write(n, n < STABLE ? "qqstable" : "qqround", 150);
    }
    CliRun first = CliRun.of("index", site.toString(), "--index", indexDir.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();

    List<String> failures = new CopyOnWriteArrayList<>();
    Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger(1000);
    AtomicBoolean reindexing = new AtomicBoolean(true);
    List<Long> runMillis = new ArrayList<>();
    try (ArchiveServer server =
        ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of()))) {
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        int reader = r;
        Thread thread =
            new Thread(() -> read(server.url(), reader, reindexing, requests, failures));
        thread.start();
        readers.add(thread);
      }
      for (int run = 1; run <= RUNS; run++) {
        for (int i = 0; i < 50; i++) {
          blog.write(next.getAndIncrement(), "qqround", 150); // new
        }
        for (int n = STABLE + run * 60; n < STABLE + run * 60 + 40; n++) {
          blog.write(n, "qqround", 160); // rewritten
        }
        for (int n = STABLE + run * 60 + 40; n < STABLE + run * 60 + 60; n++) {
          Files.delete(site.resolve(GeneratedBlog.fileName(n))); // removed
        }
        long started = System.nanoTime();
        ProcessBuilder index =
            CliRun.childProcess("index", site.toString(), "--index", indexDir.toString());
        if (run == 3) {
          index.command().add("--full");
        }
        Process child =
            index
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("index run %d", run).isZero();
        runMillis.add((System.nanoTime() - started) / 1_000_000);
        assertThat(entriesServed(server.url(), 1000 + 30 * run))
            .as("the server serves what run %d committed", run)
            .isEqualTo(1000 + 30 * run);
      }
      reindexing.set(false);
      for (Thread thread : readers) {
        thread.join(60_000);
      }
      assertThat(readers).noneMatch(Thread::isAlive);
    }

    assertThat(failures).isEmpty();
    int total = requests.values().stream().mapToInt(AtomicInteger::get).sum();
    assertThat(total).isGreaterThan(RUNS * 10);
    Figures.record(
        "serving-while-reindexing",
        List.of(
            String.format(
                "%d requests from %d readers during %d re-index runs in their own process (one"
                    + " --full; %s ms each): 0 not 200; all %d entries that stay were found in"
                    + " every one of %d searches for them",
                total,
                READERS,
                RUNS,
                runMillis,
                STABLE,
                requests.get("/api/search?q=qqstable").get())));
  }

  /** The entries {@code /api/stats} counts once it says {@code expected}, or after 15 s. */
  private static int entriesServed(URI base, int expected) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    int entries = -1;
    for (int tries = 0; tries < 150 && entries != expected; tries++) {
      Thread.sleep(100);
      String stats =
          http.send(
                  HttpRequest.newBuilder(base.resolve("/api/stats")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      entries = JsonParser.parseString(stats).getAsJsonObject().get("entries").getAsInt();
    }
    return entries;
  }

  /** One reader: asks in turn for the pages and answers a blog's readers ask for, until told. */
  private static void read(
      URI base,
      int reader,
      AtomicBoolean going,
      Map<String, AtomicInteger> requests,
      List<String> failures) {
    List<String> paths =
        List.of(
            "/api/search?q=qqstable",
            "/api/search?q=qqround&sort=date&size=20",
            "/search?q=qqstable",
            "/archive",
            "/archive/2019",
            "/archive/tag/java",
            "/feed.xml?q=qqround",
            "/api/suggest?q=qqst",
            "/api/stats");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (int i = reader; going.get() && failures.size() < 20; i++) {
      String path = paths.get(i % paths.size());
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (response.statusCode() != 200) {
          failures.add(path + " → " + response.statusCode());
        } else if (path.equals("/api/search?q=qqstable")) {
          int total =
              JsonParser.parseString(response.body()).getAsJsonObject().get("total").getAsInt();
          if (total != STABLE) {
            failures.add(path + " found " + total + " entries, not " + STABLE);
          }
        }
      } catch (Exception e) {
        failures.add(path + " → " + e);
      }
    }
  }
}
