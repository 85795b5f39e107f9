package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import archive.parse.ParseOptions;
import archive.parse.UrlStyle;
import archive.search.Hit;
import archive.search.SearchRequest;
import archive.search.SearchResult;
import archive.search.Searcher;
import archive.search.SectionHit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code archive serve} over an index of a folder serves the blog itself, so that every result link
 * lands: built pages as they are with their files, Markdown entries rendered with their sections'
 * anchors, and nothing outside the folder.
 */
@Timeout(60)
class BlogServingTest {

  @TempDir Path root;
  private Path site;
  private Path indexDir;
  private ArchiveServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private void writeBlog() throws IOException {
    site = Files.createDirectories(root.resolve("blog"));
    indexDir = root.resolve("index");
    write(
        "posts/quolls.md",
        """
        ---
        title: Quoll burrows
        subtitle: An evening by the shed
        date: 2021-05-06
        tags: [marsupials, night walks]
        ---
        An evening spent watching a quoll near the shed. ![a quoll](quoll.png)

        ## Tunnels
        The quoll digs tunnels under the shed.

        **Food:** Beetles, mostly, and the odd moth.

        ## Tunnels
        A second tunnels section, to need a unique anchor.

        ## Custom {#own-id}
        With an id given by the author.

        <script>document.title = 'PWNED'</script><p onclick="alert(1)">Raw HTML stays text-safe.</p>
        """);
    Files.write(site.resolve("posts/quoll.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2});
    write(
        "posts/wombats.md",
        "---\ntitle: Wombat notes\ndate: 2020-03-04\n---\nWombats dig burrows and sleep all day.\n");
    write(
        "posts/echidnas.md",
        "---\ntitle: Echidna spines\ndate: 2021-05-06\n---\nEchidnas dig too, for ants.\n");
    write(
        "posts/bilbies.md",
        "---\ntitle: Bilby ears\ndate: 2022-08-09\n---\nBilbies dig burrows in the desert.\n");
    write(
        "site/2023/possums/index.html",
        """
        <!doctype html><html><head><title>Possums</title>
        <link rel="stylesheet" href="/site/css/site.css"></head>
        <body><main><article><h1>Possums at night</h1>
        <p>A possum on the fence, eating a rose.</p></article></main></body></html>
        """);
    write("site/css/site.css", "body { color: #333; }\n");
    write("site/empty/readme.txt", "a folder without an index page\n");
    write(".git/config", "[core]\n");
    write("posts/draft.md", "---\ntitle: Secret draft\ndraft: true\n---\nNot for readers.\n");
  }

  private void write(String path, String text) throws IOException {
    Path file = site.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private void indexAndServe(ParseOptions options) throws IOException {
    TestIndex.build(site, indexDir, options);
    server = ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of()));
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<Hit> search(String query) throws IOException {
    try (Searcher searcher = Searcher.open(indexDir)) {
      SearchResult result = searcher.search(SearchRequest.of(query));
      return result.hits();
    }
  }

  @Test
  void aMarkdownEntryIsRenderedAtItsResultUrlWithTheIndexsAnchors() throws Exception {
    writeBlog();
    indexAndServe(ParseOptions.DEFAULTS);
    Hit hit = search("quoll tunnels").get(0);
    assertThat(hit.url()).isEqualTo("/posts/quolls.html");

    HttpResponse<String> response = get(hit.url());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    Document page = Jsoup.parse(response.body());
    assertThat(page.select("main h1").text()).isEqualTo("Quoll burrows");
    assertThat(page.select("main .subtitle").text()).isEqualTo("An evening by the shed");
    assertThat(page.select("main .meta time").attr("datetime")).isEqualTo("2021-05-06");
    assertThat(page.select("main .meta .tag").eachAttr("href"))
        .containsExactly("/archive/tag/marsupials", "/archive/tag/night%20walks");
    HttpResponse<String> tagPage = get("/archive/tag/night%20walks");
    assertThat(tagPage.statusCode()).isEqualTo(200);
    assertThat(tagPage.body()).contains("<a href=\"/posts/quolls.html\">Quoll burrows</a>");
    for (SectionHit section : hit.sections()) {
      assertThat(section.url()).startsWith(hit.url() + "#");
      assertThat(page.getElementById(section.anchor()))
          .as("the element a deep link lands on: %s", section.url())
          .isNotNull()
          .extracting(Element::text)
          .asString()
          .contains(section.heading());
    }
    assertThat(page.getElementById("tunnels").tagName()).isEqualTo("h2");
    assertThat(page.getElementById("tunnels-1").tagName()).isEqualTo("h2");
    assertThat(page.getElementById("food").tagName()).isEqualTo("p");
    assertThat(page.getElementById("own-id").text()).isEqualTo("Custom");
    assertThat(page.select("main img").attr("src")).isEqualTo("quoll.png");
  }

  @Test
  void aRenderedEntryKeepsNoScriptOrHandlerFromItsSource() throws Exception {
    writeBlog();
    indexAndServe(ParseOptions.DEFAULTS);

    Document page = Jsoup.parse(get("/posts/quolls.html").body());

    assertThat(page.select("main script")).isEmpty();
    assertThat(page.select("main [onclick]")).isEmpty();
    assertThat(page.select("main .body").text()).contains("Raw HTML stays text-safe.");
  }

  @Test
  void aRenderedEntryLinksToItsNeighboursInTimeAndToRelatedEntries() throws Exception {
    writeBlog();
    indexAndServe(ParseOptions.DEFAULTS);

    Document page = Jsoup.parse(get("/posts/quolls.html").body());

    // Echidnas and quolls share 2021-05-06: same-day entries are ordered by id.
    assertThat(page.select(".neighbours a[rel=prev]").attr("href"))
        .isEqualTo("/posts/echidnas.html");
    assertThat(page.select(".neighbours a[rel=next]").attr("href"))
        .isEqualTo("/posts/bilbies.html");
    List<String> related = page.select(".related a").eachAttr("href");
    assertThat(related).contains("/posts/wombats.html", "/posts/bilbies.html");
    assertThat(related).doesNotContain("/posts/quolls.html");
    assertThat(page.select(".back a").attr("href")).isEqualTo("/");
  }

  @Test
  void aReaderWhoCameFromASearchIsLedBackToIt() throws Exception {
    writeBlog();
    indexAndServe(ParseOptions.DEFAULTS);
    String from = "http://127.0.0.1:" + server.port() + "/search?q=quoll&sort=-date";

    Document page = Jsoup.parse(get("/posts/quolls.html", "Referer", from).body());

    assertThat(page.select(".back a").attr("href")).isEqualTo("/search?q=quoll&sort=-date");
    assertThat(page.select(".back a").text()).contains("Back to the results");
  }

  @Test
  void aBuiltPageIsServedAsItIsWithItsStylesheet() throws Exception {
    writeBlog();
    indexAndServe(ParseOptions.DEFAULTS);
    Hit hit = search("possum fence").get(0);
    assertThat(hit.url()).isEqualTo("/site/2023/possums/");

    HttpResponse<String> page = get(hit.url());
    HttpResponse<String> css = get("/site/css/site.css");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .isEqualTo(Files.readString(site.resolve("site/2023/possums/index.html")));
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    assertThat(css.body()).isEqualTo("body { color: #333; }\n");
    assertThat(get("/posts/quoll.png").headers().firstValue("Content-Type")).hasValue("image/png");
  }

  @Test
  void aFolderWithoutItsSlashIsRedirectedAndOneWithoutAnIndexPageIsNotListed() throws Exception {
    writeBlog();
    indexAndServe(ParseOptions.DEFAULTS);

    HttpResponse<String> bare = get("/site/2023/possums");

    assertThat(bare.statusCode()).isEqualTo(301);
    assertThat(bare.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/site/2023/possums/"));
    assertThat(get("/site/empty/").statusCode()).isEqualTo(404);
    assertThat(get("/site/").statusCode()).isEqualTo(404);
    assertThat(get("/site/empty/readme.txt").statusCode()).isEqualTo(200);
  }

  @Test
  void anUnchangedFileIsAnsweredNotModified() throws Exception {
    writeBlog();
    indexAndServe(ParseOptions.DEFAULTS);
    HttpResponse<String> first = get("/site/css/site.css");
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

    HttpResponse<String> again = get("/site/css/site.css", "If-Modified-Since", lastModified);

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(get("/site/css/site.css", "If-Modified-Since", "yesterday").statusCode())
        .isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/site/../../outside.txt",
        "/site/%2e%2e/%2e%2e/outside.txt",
        "/%2E%2E/outside.txt",
        "/site/..%2F..%2Foutside.txt",
        "/site/..%5C..%5Coutside.txt",
        "/.git/config",
        "/%2egit/config",
        "/posts/draft.md",
        "/posts/quolls.md",
        "/index/segments_1",
        "/link-out/outside.txt",
        "/site//css/site.css",
        "/site/css/site.css%00.png",
        "/site/%ZZ"
      })
  void nothingOutsideTheFolderNorHiddenNorASourceIsServed(String path) throws Exception {
    writeBlog();
    Files.writeString(root.resolve("outside.txt"), "secret", StandardCharsets.UTF_8);
    Files.createSymbolicLink(site.resolve("link-out"), root);
    indexAndServe(ParseOptions.DEFAULTS);

    String response = rawGet(path);

    assertThat(response).doesNotContain("secret").doesNotContain("[core]");
    assertThat(response).doesNotContain("Not for readers").doesNotContain("title: Quoll");
    assertThat(response).startsWith("HTTP/1.1 4");
  }

  @Test
  void theIndexFolderIsNotServedWhenItLiesInsideTheBlog() throws Exception {
    writeBlog();
    indexDir = site.resolve("index");
    indexAndServe(ParseOptions.DEFAULTS);
    String segments;
    try (var files = Files.list(indexDir)) {
      segments =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.startsWith("segments"))
              .findFirst()
              .orElseThrow();
    }

    assertThat(get("/index/" + segments).statusCode()).isEqualTo(404);
  }

  private String rawGet(String path) throws IOException {
    return RawHttp.get(server.port(), path);
  }

  @Test
  void whenTheFolderHasMovedEntriesAreShownFromTheIndexAndTheServerSaysSo() throws Exception {
    writeBlog();
    TestIndex.build(site, indexDir);
    Path moved = Files.move(site, root.resolve("moved"));
    server = ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of()));

    assertThat(server.notices())
        .singleElement()
        .asString()
        .contains("blog, which is not there any more")
        .contains("run 'archive index FOLDER'");
    Document markdown = Jsoup.parse(get("/posts/quolls.html").body());
    assertThat(markdown.select("main h1").text()).isEqualTo("Quoll burrows");
    assertThat(markdown.getElementById("tunnels").text()).isEqualTo("Tunnels");
    assertThat(markdown.getElementById("food").text()).startsWith("Food");
    assertThat(markdown.select(".body").text()).contains("The quoll digs tunnels under the shed.");
    HttpResponse<String> built = get("/site/2023/possums/");
    assertThat(built.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(built.body()).select("main h1").text()).isEqualTo("Possums at night");
    assertThat(get("/site/css/site.css").statusCode()).isEqualTo(404);
    assertThat(moved).isDirectory();
  }

  @Test
  void anIndexWithAbsoluteUrlsLeavesTheBlogToItsOwnServer() throws Exception {
    writeBlog();
    indexAndServe(new ParseOptions(URI.create("https://blog.example.org/"), UrlStyle.HTML, false));

    assertThat(search("quoll tunnels").get(0).url())
        .isEqualTo("https://blog.example.org/posts/quolls.html");
    assertThat(server.notices()).isEmpty();
    assertThat(get("/posts/quolls.html").statusCode()).isEqualTo(404);
    assertThat(get("/site/css/site.css").statusCode()).isEqualTo(404);
  }
}
