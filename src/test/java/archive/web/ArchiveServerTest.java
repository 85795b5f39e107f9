package archive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import archive.index.IndexUnavailableException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class ArchiveServerTest {

  private static final String BLOG = "https://blog.example.org";

  @TempDir Path site;
  @TempDir Path indexDir;
  private ArchiveServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    post("a.md", "Alpha", "The alpha entry is about kubernetes and rust.");
    post("b.md", "Bravo", "The bravo entry is about gardening.");
    index();
    server = ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of(BLOG)));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private void post(String name, String title, String body) throws IOException {
    Files.writeString(
        site.resolve(name),
        "---\ntitle: " + title + "\ndate: 2022-01-02\ntags: [notes]\n---\n" + body + "\n",
        StandardCharsets.UTF_8);
  }

  private void index() throws IOException {
    TestIndex.build(site, indexDir);
  }

  private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  @Test
  void healthSaysOk() throws Exception {
    HttpResponse<String> response = get("/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").getAsString()).isEqualTo("ok");
  }

  @Test
  void searchAnswersWithTheCommandLineShape() throws Exception {
    HttpResponse<String> response = get("/api/search?q=kubernetes");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = json(response);
    assertThat(body.get("total").getAsInt()).isEqualTo(1);
    assertThat(body.keySet()).contains("query", "page", "didYouMean", "note", "results", "tookMs");
    JsonObject hit = body.getAsJsonArray("results").get(0).getAsJsonObject();
    assertThat(hit.get("id").getAsString()).isEqualTo("a.md");
    assertThat(hit.get("snippet").getAsString()).contains("<mark>kubernetes</mark>");
  }

  @Test
  void suggestCompletesTitlesAndWords() throws Exception {
    JsonObject body = json(get("/api/suggest?q=alp"));
    assertThat(body.get("query").getAsString()).isEqualTo("alp");
    JsonObject first = body.getAsJsonArray("suggestions").get(0).getAsJsonObject();
    assertThat(first.get("text").getAsString()).isEqualTo("Alpha");
    assertThat(first.get("kind").getAsString()).isEqualTo("title");
    assertThat(first.get("url").getAsString()).isEqualTo("/a.html");
    assertThat(json(get("/api/suggest?q=%22")).getAsJsonArray("suggestions")).isEmpty();
    assertThat(get("/api/suggest").statusCode()).isEqualTo(400);
  }

  @Test
  void searchCarriesFacetCounts() throws Exception {
    JsonObject facets = json(get("/api/search?q=entry")).getAsJsonObject("facets");
    JsonObject year = facets.getAsJsonArray("years").get(0).getAsJsonObject();
    assertThat(year.get("year").getAsInt()).isEqualTo(2022);
    assertThat(year.get("count").getAsInt()).isEqualTo(2);
    JsonObject tag = facets.getAsJsonArray("tags").get(0).getAsJsonObject();
    assertThat(tag.get("tag").getAsString()).isEqualTo("notes");
  }

  @Test
  void countUpToSaysWhetherTheTotalIsExactAndLeavesFacetsOut() throws Exception {
    for (int i = 0; i < 10; i++) {
      post("more-" + i + ".md", "More " + i, "Another entry.");
    }
    index();
    server.close();
    server = ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of(BLOG)));
    JsonObject all = json(get("/api/search?q=entry"));
    assertThat(all.get("total").getAsInt()).isEqualTo(12);
    assertThat(all.get("totalExact").getAsBoolean()).isTrue();
    assertThat(all.get("facets").isJsonObject()).isTrue();
    JsonObject upTo = json(get("/api/search?q=entry&count=10&size=3"));
    assertThat(upTo.get("total").getAsInt()).isEqualTo(10);
    assertThat(upTo.get("totalExact").getAsBoolean()).isFalse();
    assertThat(upTo.get("facets").isJsonNull()).isTrue();
    assertThat(upTo.getAsJsonArray("results")).hasSize(3);
    JsonObject few = json(get("/api/search?q=kubernetes&count=10"));
    assertThat(few.get("total").getAsInt()).isEqualTo(1);
    assertThat(few.get("totalExact").getAsBoolean()).isTrue();
  }

  @Test
  void filterParametersNarrowTheSearch() throws Exception {
    assertThat(json(get("/api/search?q=entry&tag=notes&year=2022")).get("total").getAsInt())
        .isEqualTo(2);
    assertThat(json(get("/api/search?q=entry&before=2022-01-01")).get("total").getAsInt()).isZero();
    assertThat(json(get("/api/search?q=entry&size=1&page=2")).getAsJsonArray("results")).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/search                              | Type something to search for",
        "/api/search?q=                           | Type something to search for",
        "/api/search?q=a&size=0                   | Results per page must be a whole number from 1 to 50 (size=0).",
        "/api/search?q=a&size=51                  | Results per page must be a whole number from 1 to 50 (size=51).",
        "/api/search?q=a&page=x                   | The page number must be a whole number from 1 to 1000 (page=x).",
        "/api/search?q=a&page=30&size=50          | Only the first 1000 results can be paged through",
        "/api/search?q=a&sort=sideways            | Sort by relevance, date or -date (sort=sideways).",
        "/api/search?q=a&year=21                  | A year has four digits, such as 2021 (year=21).",
        "/api/search?q=a&count=9                  | Matches counted must be a whole number from 10 to 10000 (count=9).",
        "/api/search?q=a&after=2021-13-01         | A date is written 2021, 2021-06 or 2021-06-18 (after=2021-13-01).",
        "/api/search?q=a&before=yesterday         | A date is written 2021, 2021-06 or 2021-06-18 (before=yesterday).",
        "/api/search?q=a&tag=two%20words          | A tag is one word of at most 64 characters (tag=two words).",
        "/api/search?q=a+b+c+d+e+f+g+h+i+j+k+l+m+n+o+p+q+r+s+t+u+v+w+x+y+z+aa+bb+cc+dd+ee+ff+gg"
            + " | Your search has 33 words; at most 32 are searched"
      })
  void badInputIsA400ThatSaysWhatIsWrong(String path, String message) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject body = json(response);
    assertThat(body.get("error").getAsString()).contains(message);
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void tooLongQueryIsA400() throws Exception {
    String q = URLEncoder.encode("word ".repeat(41), StandardCharsets.UTF_8);
    HttpResponse<String> response = get("/api/search?q=" + q);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").getAsString())
        .isEqualTo("Your search is too long (200 characters at most); shorten it.");
  }

  @Test
  void hostileQueriesAreAnsweredNotFailed() throws Exception {
    for (String q : List.of("\"", "((((", "/.*/", "*ing", "a OR OR", "title:", "-", "after:9999")) {
      HttpResponse<String> response =
          get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(q).isEqualTo(200);
    }
  }

  @Test
  void unknownApiPathIsAJson404() throws Exception {
    HttpResponse<String> response = get("/api/nope");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("error").getAsString())
        .isEqualTo("There is no page at /api/nope.");
  }

  @Test
  void unknownPageIsAnHtml404() throws Exception {
    HttpResponse<String> response = get("/nope");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("role=\"alert\">There is no page at /nope.</h1>");
  }

  @Test
  void statsDescribeTheIndexWithoutServerPaths() throws Exception {
    HttpResponse<String> response = get("/api/stats");
    JsonObject body = json(response);
    assertThat(body.get("entries").getAsInt()).isEqualTo(2);
    assertThat(body.getAsJsonObject("perYear").get("2022").getAsInt()).isEqualTo(2);
    assertThat(response.body()).doesNotContain(indexDir.toString(), site.toString());
  }

  @Test
  void responsesCarrySecurityHeadersAndNoServerVersion() throws Exception {
    HttpResponse<String> response = get("/api/search?q=rust");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValue(Headers.API_POLICY);
    assertThat(response.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void allowedOriginMayReadTheApi() throws Exception {
    HttpResponse<String> response = get("/api/search?q=rust", "Origin", BLOG);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(BLOG);
    assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
  }

  @Test
  void otherOriginsMayNot() throws Exception {
    HttpResponse<String> response = get("/api/search?q=rust", "Origin", "https://evil.example");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void preflightIsAnsweredForAllowedOriginsOnly() throws Exception {
    HttpRequest.Builder base =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/search"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Access-Control-Request-Method", "GET");
    HttpResponse<String> allowed =
        http.send(base.copy().header("Origin", BLOG).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValue("GET, OPTIONS");
    HttpResponse<String> denied =
        http.send(
            base.copy().header("Origin", "https://evil.example").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(denied.statusCode()).isEqualTo(403);
  }

  @Test
  void reindexWhileServingShowsUpWithoutRestart() throws Exception {
    assertThat(json(get("/api/search?q=ocelot")).get("total").getAsInt()).isZero();
    assertThat(json(get("/api/stats")).get("entries").getAsInt()).isEqualTo(2);
    post("c.md", "Charlie", "The charlie entry is about an ocelot.");
    index();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    int total = 0;
    while (total == 0 && System.nanoTime() < deadline) {
      HttpResponse<String> response = get("/api/search?q=ocelot");
      assertThat(response.statusCode()).isEqualTo(200); // never a failed request meanwhile
      total = json(response).get("total").getAsInt();
    }
    assertThat(total).isEqualTo(1);
    assertThat(json(get("/api/stats")).get("entries").getAsInt()).isEqualTo(3);
  }

  @Test
  void portInUseIsAOneLineError() {
    ServerConfig taken = new ServerConfig("127.0.0.1", server.port(), indexDir, null, List.of());
    assertThatThrownBy(() -> ArchiveServer.start(taken))
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port())
        .hasMessageContaining("choose another with --port");
  }

  @Test
  void missingIndexIsRefusedBeforeListening(@TempDir Path empty) {
    ServerConfig none = new ServerConfig("127.0.0.1", 0, empty.resolve("none"), null, List.of());
    assertThatThrownBy(() -> ArchiveServer.start(none))
        .isInstanceOf(IndexUnavailableException.class)
        .hasMessageStartingWith("no index at");
  }

  @Test
  void aClientMayAskForSomeFieldsOfEachResultOnly() throws Exception {
    JsonObject body = json(get("/api/search?q=alpha&fields=url,title"));
    JsonObject hit = body.getAsJsonArray("results").get(0).getAsJsonObject();
    assertThat(hit.keySet()).containsExactly("url", "title");
    assertThat(body.get("total").getAsInt()).isEqualTo(1);
    HttpResponse<String> bad = get("/api/search?q=alpha&fields=url,body");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").getAsString()).contains("(not body)");
  }

  @Test
  void relatedEntriesAreFoundByTheEntrysUrlOrThePathOfAPageOfTheBlog() throws Exception {
    post("c.md", "Charlie", "The charlie entry is about kubernetes clusters and rust too.");
    index();
    server.close();
    server = ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of(BLOG)));

    JsonObject byUrl = json(get("/api/related?url=/a.html"));
    JsonObject byPage =
        json(
            get(
                "/api/related?url="
                    + URLEncoder.encode(BLOG + "/a.html?ref=x#top", StandardCharsets.UTF_8)));

    assertThat(byUrl.get("url").getAsString()).isEqualTo("/a.html");
    assertThat(byUrl.getAsJsonArray("related").get(0).getAsJsonObject().get("url").getAsString())
        .isEqualTo("/c.html");
    assertThat(byPage).isEqualTo(byUrl);
    List<String> urls = new java.util.ArrayList<>();
    byUrl
        .getAsJsonArray("related")
        .forEach(r -> urls.add(r.getAsJsonObject().get("url").getAsString()));
    assertThat(urls).doesNotContain("/a.html");
    JsonObject unknown = json(get("/api/related?url=/nowhere.html"));
    assertThat(unknown.get("url").isJsonNull()).isTrue();
    assertThat(unknown.getAsJsonArray("related")).isEmpty();
    assertThat(get("/api/related").statusCode()).isEqualTo(400);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/search?q=%FF       | json",
        "/api/search?q=%zz       | json",
        "/api/search?q=%         | json",
        "/api/search?q=%C0%AF    | json",
        "/api/search?%zz=1       | json",
        "/api/suggest?q=%FF      | json",
        "/search?q=%FF           | page",
        "/feed.xml?q=%FF         | page",
        "/archive/tag/%FF        | page"
      })
  void aMalformedEscapeIsA400NotA500(String path, String kind) throws Exception {
    String response = RawHttp.get(server.port(), path);

    assertThat(response).startsWith("HTTP/1.1 400 ");
    assertThat(response).contains("malformed %-escape").doesNotContain("Exception", "\tat ");
    assertThat(response)
        .containsIgnoringCase(
            kind.equals("json")
                ? "Content-Type: application/json"
                : "Content-Type: text/html;charset=utf-8");
  }

  /** {@code HEAD path}, as raw as {@link RawHttp#get}. */
  private String head(String path) throws IOException {
    return RawHttp.send(
        server.port(),
        "HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  private static String contentLength(String answer) {
    Matcher length = Pattern.compile("(?im)^Content-Length: *(\\d+)").matcher(answer);
    return length.find() ? length.group(1) : "none";
  }

  /**
   * Spark answered HEAD with 200 and nothing on every path, a missing one too (issue 10). The API
   * case is a suggestion, not a search: a search answer carries its {@code tookMs}, so two of them
   * may differ in length by a digit.
   */
  @ParameterizedTest
  @CsvSource({
    "/, 200",
    "/a.html, 200",
    "/api/suggest?q=alp, 200",
    "/nope, 404",
    "/api/nope, 404",
    "/api/search, 400"
  })
  void headAnswersAsGetDoesButSendsNoBody(String path, int status) throws Exception {
    String head = head(path);
    String get = RawHttp.get(server.port(), path);

    assertThat(head).startsWith("HTTP/1.1 " + status + " ").endsWith("\r\n\r\n");
    assertThat(get).startsWith("HTTP/1.1 " + status + " ");
    assertThat(contentLength(head)).isEqualTo(contentLength(get)).isNotEqualTo("0");
  }

  /**
   * The server only reads: another method is a 405 that says which are allowed, never a 500 (a
   * CONNECT was one, with a stack trace in the log), and a TRACE echoes nothing (issue 10).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POST /api/search?q=alpha HTTP/1.1 | GET, HEAD, OPTIONS",
        "DELETE /api/stats HTTP/1.1        | GET, HEAD, OPTIONS",
        "PUT /a.html HTTP/1.1              | GET, HEAD",
        "TRACE / HTTP/1.1                  | GET, HEAD",
        "CONNECT 127.0.0.1:22 HTTP/1.1     | GET, HEAD",
        "OPTIONS * HTTP/1.1                | GET, HEAD",
        "get / HTTP/1.1                    | GET, HEAD"
      })
  void otherMethodsThanReadingOnesAreA405(String requestLine, String allowed) throws Exception {
    String answer =
        RawHttp.send(
            server.port(),
            requestLine
                + "\r\nHost: 127.0.0.1\r\nX-Secret: s3cr3t\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}");

    assertThat(answer)
        .startsWith("HTTP/1.1 405 ")
        .contains("Allow: " + allowed + "\r\n", "This server only reads")
        .doesNotContain("s3cr3t", "Exception", "\tat ");
  }

  /** RFC 9112 (3.2): a request with two Host headers must be refused with a 400. */
  @Test
  void aRequestNamingTwoHostsIsA400() throws Exception {
    String answer =
        RawHttp.send(
            server.port(),
            "GET /api/search?q=alpha HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400 ").contains("more than one Host");
  }

  /** Jetty answered these with 505, a server error, though the fault is the client's (issue 10). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
        "GET / HTTP/0.9\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /\r\n\r\n"
      })
  void aVersionOfHttpTheServerDoesNotSpeakIsA400(String request) throws Exception {
    assertThat(RawHttp.send(server.port(), request)).startsWith("HTTP/1.1 400 ");
  }
}
