package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import archive.index.EntryIndexer;
import archive.parse.ParseOptions;
import archive.web.ArchiveServer;
import archive.web.ServerConfig;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SiteWatcherTest {

  @TempDir Path site;
  @TempDir Path indexDir;

  @Test
  @Timeout(60)
  void entrySavedWhileServingBecomesSearchable() throws Exception {
    Files.writeString(
        site.resolve("first.md"),
        "---\ntitle: First\n---\nAbout otters.\n",
        StandardCharsets.UTF_8);
    StringWriter log = new StringWriter();
    HttpClient http = HttpClient.newHttpClient();
    try (SiteWatcher watcher =
            SiteWatcher.start(
                site,
                () -> EntryIndexer.open(indexDir),
                ParseOptions.DEFAULTS,
                new PrintWriter(log, true));
        ArchiveServer server =
            ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of()))) {
      assertThat(log.toString()).startsWith("1 entry: 1 new");
      Files.writeString(
          site.resolve("second.md"),
          "---\ntitle: Second\n---\nAbout capybaras.\n",
          StandardCharsets.UTF_8);
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=capybaras");
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int total = 0;
      while (total == 0 && System.nanoTime() < deadline) {
        HttpResponse<String> response =
            http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        total = JsonParser.parseString(response.body()).getAsJsonObject().get("total").getAsInt();
      }
      assertThat(total).isEqualTo(1);
      assertThat(log.toString()).contains("re-indexed").contains("1 new");
    }
  }

  @Test
  @Timeout(60)
  void aFolderEmptiedWhileWatchedIsWaitedForNotCommitted() throws Exception {
    Files.writeString(site.resolve("a.md"), "---\ntitle: A\n---\nAbout otters.\n");
    Files.writeString(site.resolve("b.md"), "---\ntitle: B\n---\nAbout voles.\n");
    StringWriter log = new StringWriter();
    try (SiteWatcher watcher =
        SiteWatcher.start(
            site,
            () -> EntryIndexer.open(indexDir),
            ParseOptions.DEFAULTS,
            new PrintWriter(log, true))) {
      Files.delete(site.resolve("a.md"));
      Files.delete(site.resolve("b.md")); // a static site's clean rebuild, say
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!log.toString().contains("waiting") && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Thread.sleep(4500); // two more ticks, which must not say it again
      assertThat(archive.index.IndexStats.read(indexDir).entries()).isEqualTo(2);

      Files.writeString(site.resolve("a.md"), "---\ntitle: A\n---\nAbout otters.\n");
      Files.writeString(site.resolve("b.md"), "---\ntitle: B\n---\nAbout voles, again.\n");
      while (!log.toString().contains("1 updated") && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }
    assertThat(log.toString().lines().filter(l -> l.contains("waiting for it to settle")))
        .singleElement()
        .asString()
        .contains("now holds 0 of 2 entries", "--allow-mass-delete");
    assertThat(log.toString()).contains("1 updated");
    assertThat(archive.index.IndexStats.read(indexDir).entries()).isEqualTo(2);
  }
}
