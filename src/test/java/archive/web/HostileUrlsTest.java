package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entry whose front matter gives it a script or data URL never gets a link that runs or loads
 * anything, on the page, in the JSON or in a feed, and does not break any of them (issue 10,
 * defects 3 and 4). Such a {@code url:} is read as a path of the site ({@code /data:…}), which is
 * harmless as long as nothing resolves it as a URL of its own.
 */
@Timeout(60)
class HostileUrlsTest {

  private static final List<String> HOSTILE =
      List.of(
          "java\\tscript:alert(24)",
          "JaVaScRiPt:alert(1)",
          "data:text/html,wombat",
          "//evil.example/x");

  @TempDir Path site;
  @TempDir Path indexDir;
  private ArchiveServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    for (int i = 0; i < HOSTILE.size(); i++) {
      Files.writeString(
          site.resolve("bad" + i + ".md"),
          "---\ntitle: Bad wombat "
              + i
              + "\ndate: 2022-01-0"
              + (i + 1)
              + "\nurl: \""
              + HOSTILE.get(i)
              + "\"\n---\nA wombat entry with a hostile address.\n",
          StandardCharsets.UTF_8);
    }
    Files.writeString(
        site.resolve("good.md"),
        "---\ntitle: Good wombat\ndate: 2021-01-01\n---\nA wombat entry with a plain address.\n",
        StandardCharsets.UTF_8);
    TestIndex.build(site, indexDir);
    server = ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of()));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Every link target in a text: href attributes, and the feed's ids. */
  private static List<String> targets(String text) {
    List<String> found = new java.util.ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?:href=\"|<id>)([^\"<]*)").matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void theFeedAnswersAndLinksEveryEntryWithinTheSite() throws Exception {
    HttpResponse<String> feed = get("/feed.xml?q=wombat");

    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.body()).contains("<title>Good wombat</title>", "href=\"/good.html\"");
    assertThat(targets(feed.body()))
        .hasSize(3 + 2 * 5)
        .allMatch(t -> t.startsWith("/") && !t.startsWith("//") || t.startsWith("urn:archive:/"));
  }

  @Test
  void theJsonGivesOnlyUrlsOfTheSite() throws Exception {
    HttpResponse<String> answer = get("/api/search?q=wombat&size=10");

    assertThat(answer.statusCode()).isEqualTo(200);
    var results = JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonArray("results");
    assertThat(results).hasSize(5);
    for (JsonElement hit : results) {
      JsonElement url = hit.getAsJsonObject().get("url");
      assertThat(url.getAsString()).startsWith("/").doesNotStartWith("//");
    }
  }

  @Test
  void thePageLinksEveryEntryWithinTheSite() throws Exception {
    String page = get("/search?q=wombat").body();

    assertThat(page).contains("<a href=\"/good.html\">Good wombat</a>");
    assertThat(targets(page))
        .isNotEmpty()
        .allMatch(t -> t.startsWith("/") && !t.startsWith("//") || t.startsWith("#"));
  }

  @Test
  void oneRuleReadsUrlsAsBrowsersDo() {
    assertThat(SafeUrl.of("java\tscript:alert(1)")).isNull();
    assertThat(SafeUrl.of(" JAVASCRIPT:alert(1)")).isNull();
    assertThat(SafeUrl.of("data:text/html,x")).isNull();
    assertThat(SafeUrl.of("//evil.example/")).isNull();
    assertThat(SafeUrl.of("/\\evil.example/")).isNull();
    assertThat(SafeUrl.of("/a\u0000b")).isNull();
    assertThat(SafeUrl.of("https://blog.example.org/a")).isEqualTo("https://blog.example.org/a");
    assertThat(SafeUrl.of(" /posts/a.html ")).isEqualTo("/posts/a.html");
  }
}
