package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

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

@Timeout(60)
class SearchPagesTest {

  @TempDir Path site;
  @TempDir Path indexDir;
  private ArchiveServer server;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() throws IOException {
    Files.writeString(
        site.resolve("hostile.md"),
        "---\ntitle: \"<script>alert(1)</script> payload\"\ndate: 2022-01-02\n"
            + "tags: [\"<img src=x onerror=alert(2)>\"]\n---\n"
            + "Body with `<img src=x onerror=alert(3)>` quoll and more.\n\n"
            + "## Second\nAnother quoll lives here.\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        site.resolve("plain.md"),
        "---\ntitle: Plain entry\ndate: 2021-05-06\n---\nA quiet entry about wombats.\n",
        StandardCharsets.UTF_8);
    TestIndex.build(site, indexDir);
    server = ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of()));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void homePageHasASearchFormThatWorksWithoutScript() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html").contains("utf-8"));
    assertThat(page.body())
        .contains("<form class=\"box\" role=\"search\" action=\"/search\" method=\"get\">")
        .contains("<label for=\"q\"")
        .contains("<main id=\"main\">");
  }

  @Test
  void searchPageListsResultsWithSectionLinks() throws Exception {
    HttpResponse<String> page = get("/search?q=wombats");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("1 result for <q>wombats</q>")
        .contains("<a href=\"/plain.html\">Plain entry</a>")
        .contains("<time datetime=\"2021-05-06\">")
        .contains("<mark>wombats</mark>");
  }

  @Test
  void facetLinksTickYearsAndTagsAndKeepTheQuery() throws Exception {
    String all = get("/search?q=entry+OR+quoll").body();
    assertThat(all)
        .contains(
            "<a href=\"/search?q=entry+OR+quoll&amp;year=2021\">2021</a> <span class=\"count\">1</span>")
        .contains("<a href=\"/search?q=entry+OR+quoll&amp;year=2022\">2022</a>");
    String narrowed = get("/search?q=entry+OR+quoll&year=2021").body();
    assertThat(narrowed)
        .contains("1 result for")
        .contains("aria-current=\"true\">✓ 2021</a>")
        .contains(
            "<a href=\"/search?q=entry+OR+quoll&amp;year=2021&amp;year=2022\">2022</a>"
                + " <span class=\"count\">1</span>")
        .contains("× Clear filters");
  }

  @Test
  void severalYearsTickedFindEntriesOfAnyOfThem() throws Exception {
    String both = get("/search?q=entry+OR+quoll&year=2021&year=2022").body();
    assertThat(both)
        .contains("2 results for")
        .contains("aria-current=\"true\">✓ 2021</a>")
        .contains("aria-current=\"true\">✓ 2022</a>");
  }

  @Test
  void theFiltersOnAreShownInTheSummaryEachWithALinkThatTakesItOff() throws Exception {
    String page = get("/search?q=entry+OR+quoll&year=2021&year=2022").body();
    assertThat(page)
        .contains(
            "<ul class=\"filters\" aria-label=\"Filters\"><li><a href=\"/search?q=entry+OR+quoll"
                + "&amp;year=2022\" title=\"Remove\">2021 <span aria-label=\"remove\">×</span>"
                + "</a></li><li><a href=\"/search?q=entry+OR+quoll&amp;year=2021\" title=\"Remove\">"
                + "2022 <span aria-label=\"remove\">×</span></a></li></ul>");
  }

  @Test
  void aPagePastTheLastIsA404ThatLinksTheLastPage() throws Exception {
    HttpResponse<String> page = get("/search?q=entry+OR+quoll&size=1&page=9");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body())
        .contains("There is no page 9 of these results.")
        .contains("<a href=\"/search?q=entry+OR+quoll&amp;size=1&amp;page=2\">go to page 2</a>");
  }

  @Test
  void indexedMarkupIsShownAsTextNeverAsHtml() throws Exception {
    String body = get("/search?q=quoll").body();
    assertThat(body)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; payload")
        .contains("#&lt;img src=x onerror=alert(2)&gt;")
        .doesNotContain("<script>alert", "<img src=x");
    assertThat(body).contains("href=\"/hostile.html#second\"");
    String code = get("/search?q=onerror").body();
    assertThat(code).contains("&lt;img src=x <mark>onerror</mark>=alert(3)&gt;");
  }

  @Test
  void pagesForbidInlineScriptAndFraming() throws Exception {
    HttpResponse<String> page = get("/search?q=quoll");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline"));
    assertThat(page.body())
        .doesNotContain("<script>")
        .contains("<script src=\"/assets/search.js\"");
  }

  @Test
  void badParametersShowTheProblemOnThePage() throws Exception {
    HttpResponse<String> page = get("/search?q=quoll&sort=sideways");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("role=\"alert\">Sort by relevance, date or -date (sort=sideways).</h1>");
  }

  @Test
  void emptyQueryGoesHome() throws Exception {
    HttpResponse<String> page = get("/search?q=");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
  }

  @Test
  void theArchiveListsEveryTitleByYearAndMonth() throws Exception {
    HttpResponse<String> overview = get("/archive");
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.body())
        .contains("<p class=\"summary\">2 entries · <a href=\"/archive/tag\">1 tag</a></p>")
        .contains("<h2 id=\"y2022\"><a href=\"/archive/2022\">2022</a></h2>\n<h3 id=\"2022-01\">")
        .contains(
            "<h3 id=\"2021-05\">May</h3>\n<ol>\n<li><time datetime=\"2021-05-06\">6 May 2021</time>"
                + "<a href=\"/plain.html\">Plain entry</a></li>");
    assertThat(overview.body().indexOf("y2022")).isLessThan(overview.body().indexOf("y2021"));
  }

  @Test
  void aYearPageListsItsTitlesByMonthAndLinksTheYearsAround() throws Exception {
    HttpResponse<String> year = get("/archive/2021");
    assertThat(year.body())
        .contains("<h2 id=\"2021-05\">May 2021</h2>")
        .contains(
            "<time datetime=\"2021-05-06\">6 May 2021</time><a href=\"/plain.html\">Plain entry</a>")
        .contains("<a rel=\"next\" href=\"/archive/2022\">")
        .doesNotContain("rel=\"prev\"")
        .doesNotContain("hostile.html");
    assertThat(get("/archive/2022").body())
        .contains("<a rel=\"prev\" href=\"/archive/2021\">")
        .doesNotContain("rel=\"next\"");
    assertThat(get("/archive/1999").statusCode()).isEqualTo(404);
    assertThat(get("/archive/20x1").statusCode()).isEqualTo(400);
  }

  @Test
  void theTagPagesListEveryTagWithItsCountAndEachTagsEntries() throws Exception {
    HttpResponse<String> tags = get("/archive/tag");
    assertThat(tags.statusCode()).isEqualTo(200);
    assertThat(tags.body())
        .contains(
            "<li><a href=\"/archive/tag/%3Cimg%20src%3Dx%20onerror%3Dalert%282%29%3E\">"
                + "#&lt;img src=x onerror=alert(2)&gt;</a> <span class=\"count\">1</span></li>")
        .doesNotContain("<img src=x");
    HttpResponse<String> tag = get("/archive/tag/" + "%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E");
    assertThat(tag.statusCode()).isEqualTo(200);
    assertThat(tag.body()).contains("/hostile.html").doesNotContain("<img src=x");
    assertThat(get("/archive/tag/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void openSearchDescriptionPointsAtTheSearchPage() throws Exception {
    HttpResponse<String> xml = get("/opensearch.xml");
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.body()).contains("template=\"/search?q={searchTerms}\"");
    assertThat(get("/").body())
        .contains("rel=\"search\" type=\"application/opensearchdescription+xml\"");
  }

  @Test
  void feedOfASearchListsItsEntriesNewestFirstAsAtom() throws Exception {
    HttpResponse<String> feed = get("/feed.xml?q=entry+OR+quoll");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/atom+xml"));
    String xml = feed.body();
    assertThat(xml).startsWith("<?xml").contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
    int hostile = xml.indexOf("<link href=\"/hostile.html\"/>");
    int plain = xml.indexOf("<link href=\"/plain.html\"/>");
    assertThat(hostile).isPositive().isLessThan(plain);
    assertThat(xml)
        .contains("<updated>2022-01-02T00:00:00Z</updated>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; payload")
        .doesNotContain("<script>");
    assertThat(get("/feed.xml").statusCode()).isEqualTo(400);
  }

  @Test
  void feedsAreWellFormedXmlWhateverTheQueryHolds() throws Exception {
    // Control characters passed through the hand-written escaper into <title>: feed readers
    // reject such a feed whole. The feed is now written by an XMLStreamWriter and cleaned.
    HttpResponse<String> feed = get("/feed.xml?q=entry%01%1B%EF%BF%BF+OR+quoll");
    assertThat(feed.statusCode()).isEqualTo(200);

    org.w3c.dom.Document xml =
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new org.xml.sax.InputSource(new java.io.StringReader(feed.body())));

    assertThat(xml.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Archive: entry OR quoll");
    assertThat(xml.getElementsByTagName("entry").getLength()).isPositive();
    javax.xml.parsers.DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(
            new org.xml.sax.InputSource(new java.io.StringReader(get("/opensearch.xml").body())));
  }

  @Test
  void assetsComeFromTheBundleOnly() throws Exception {
    HttpResponse<String> css = get("/assets/archive.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    assertThat(css.body()).contains("prefers-color-scheme: dark");
    assertThat(get("/assets/search.js").body()).contains("AbortController");
    assertThat(get("/assets/pom.xml").statusCode()).isEqualTo(404);
    assertThat(get("/assets/..%2F..%2Fpom.xml").statusCode()).isIn(400, 404);
  }

  @Test
  void embedScriptIsSmallLoadableFromOtherSitesAndNeverParsesHtml() throws Exception {
    HttpResponse<byte[]> script =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/embed.js"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(script.headers().firstValue("Cross-Origin-Resource-Policy"))
        .hasValue("cross-origin");
    // Both elements, unminified and commented; served gzipped to browsers (below) at about a third.
    assertThat(script.body().length).as("embed.js bytes, unminified").isLessThan(20_000);
    assertThat(new String(script.body(), StandardCharsets.UTF_8))
        .contains("customElements.define")
        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "new Function");
  }

  @Test
  void embedScriptIsServedCompressedAndRevalidatedWithItsEntityTag() throws Exception {
    URI embed = URI.create("http://127.0.0.1:" + server.port() + "/embed.js");
    HttpResponse<byte[]> gzipped =
        http.send(
            HttpRequest.newBuilder(embed).header("Accept-Encoding", "gzip").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    byte[] plain;
    try (var in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
      plain = in.readAllBytes();
    }
    assertThat(new String(plain, StandardCharsets.UTF_8)).contains("customElements.define");
    assertThat(gzipped.body().length).as("embed.js gzipped").isLessThan(plain.length / 2);
    String etag = gzipped.headers().firstValue("ETag").orElseThrow();
    assertThat(gzipped.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");

    HttpResponse<byte[]> again =
        http.send(
            HttpRequest.newBuilder(embed)
                .header("Accept-Encoding", "gzip")
                .header("If-None-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void pagesAndTheApiAreCompressedForClientsThatAcceptIt() throws Exception {
    for (String path : List.of("/search?q=wombats", "/api/search?q=wombats", "/archive")) {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                  .header("Accept-Encoding", "gzip")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
    }
    assertThat(get("/search?q=wombats").headers().firstValue("Content-Encoding")).isEmpty();
  }
}
