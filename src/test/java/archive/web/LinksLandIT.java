package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import archive.index.EntryIndexer;
import archive.index.SolrCollection;
import archive.ingest.SiteWalker;
import archive.parse.MarkdownHtml;
import archive.parse.ParseOptions;
import archive.parse.UrlStyle;
import archive.search.Searcher;
import archive.testing.LocalSolrCloud;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every link a reader can click on the search page and the archive pages lands, in a real browser,
 * on the example blog as a new user indexes it: the whole folder (Markdown and built pages), its
 * Markdown alone, and its built HTML alone. A link "lands" when the page it opens answers 200 and a
 * deep link's section is on screen.
 */
@Timeout(300)
class LinksLandIT {

  private static final Path EXAMPLE = Path.of("examples/devlog");
  private static final List<String> QUERIES =
      List.of("kubernetes", "work", "rust", "nixos", "dev log", "reading");

  /** Every link a reader sees; the skip link is off screen until focused, and lands in-page. */
  private static final String ARCHIVE_LINKS = "a[href]:not(.skip)";

  @TempDir static Path indexes;
  private ChromeDriver driver;
  private ArchiveServer server;

  @BeforeAll
  static void needsABrowser() {
    Assumptions.assumeTrue(HeadlessChrome.installed(), HeadlessChrome.MISSING);
  }

  @AfterEach
  void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private String start(String folder, ParseOptions options) throws IOException {
    String name = (folder.isEmpty() ? "all" : folder) + (options.baseUrl() == null ? "" : "-base");
    Path indexDir = indexes.resolve(name);
    TestIndex.build(EXAMPLE.resolve(folder), indexDir, options);
    server = ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of()));
    return startBrowser(name);
  }

  private String startBrowser(String name) throws IOException {
    Path workDir = HeadlessChrome.buildDir().resolve("browser").resolve("links-" + name);
    HeadlessChrome.wipe(workDir);
    driver = HeadlessChrome.start(workDir, true);
    // A short window: a deep link that opened its page at the top would leave most sections of the
    // example's posts below the fold, where the check sees it failed.
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 1000, "height", 240, "deviceScaleFactor", 1, "mobile", false));
    return "http://127.0.0.1:" + server.port();
  }

  @ParameterizedTest(name = "examples/devlog/{0}")
  @ValueSource(strings = {"", "posts", "site"})
  void everyResultLinkLandsAndDeepLinksLandOnTheirSection(String folder) throws IOException {
    everyResultLinkLands(start(folder, ParseOptions.DEFAULTS), QUERIES);
  }

  /**
   * The example blog in a 2-shard, 2-replica SolrCloud collection, served from it: results, deep
   * links and the archive pages land as from the index folder.
   */
  @Test
  void throughSolrCloudEveryResultAndArchiveLinkLands() throws Exception {
    LocalSolrCloud cloud = LocalSolrCloud.shared();
    SolrCollection collection = cloud.createCollection("links");
    try (EntryIndexer indexer = EntryIndexer.open(collection, "devlog")) {
      indexer.index(
          SiteWalker.walk(EXAMPLE), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
    server =
        ArchiveServer.start(
            new ServerConfig("127.0.0.1", 0, indexes.resolve("none"), null, List.of()),
            Searcher.open(collection, "devlog"));
    String base = startBrowser("solr");
    everyResultLinkLands(base, QUERIES.subList(0, 3)); // the rest find the same entries again
    // The archive's years and tags list what the folder's do (SolrSearchIT); its own page's links
    // are enough to see them served from Solr.
    everyArchiveLinkLands(base, "", false);
  }

  private void everyResultLinkLands(String base, List<String> queries) {
    Set<Link> checked = new LinkedHashSet<>();
    int results = 0;
    for (String query : queries) {
      String page = base + "/search?q=" + Html.param(query);
      List<Link> hrefs = links(page, ".hit h2 a, .hit .sections a");
      results += hrefs.size();
      clickEach(page, ".hit h2 a, .hit .sections a", hrefs, checked);
    }
    assertThat(results).as("results with links to click").isGreaterThan(10);
    assertThat(checked).anyMatch(link -> link.href().contains("#"));
  }

  @ParameterizedTest(name = "examples/devlog/{0}")
  @ValueSource(strings = {"", "posts", "site"})
  void everyLinkOfTheArchivePagesLands(String folder) throws IOException {
    everyArchiveLinkLands(start(folder, ParseOptions.DEFAULTS), folder, true);
  }

  private void everyArchiveLinkLands(String base, String folder, boolean everyPage) {
    Set<Link> checked = new LinkedHashSet<>();
    List<String> pages = new ArrayList<>(List.of(base + "/archive"));
    for (int i = 0; i < pages.size(); i++) {
      String page = pages.get(i);
      List<Link> hrefs = links(page, ARCHIVE_LINKS);
      for (Link link : hrefs) {
        String href = link.href();
        boolean archivePage = href.startsWith(base + "/archive/") && !href.contains("#");
        if (everyPage && archivePage && !pages.contains(href)) {
          pages.add(href); // years and tags: their links are checked in turn
        }
      }
      clickEach(page, ARCHIVE_LINKS, hrefs, checked);
    }
    if (!everyPage) {
      assertThat(checked).anyMatch(link -> link.href().matches(".*/archive/\\d{4}"));
      return;
    }
    assertThat(pages).anyMatch(p -> p.matches(".*/archive/\\d{4}"));
    if (!folder.equals("site")) { // the example's built pages carry no tags, its Markdown does
      assertThat(pages).anyMatch(p -> p.contains("/archive/tag/"));
    }
  }

  /**
   * The example's Markdown indexed with {@code --base-url} of a site generator's output: headings
   * there have ids (the generator's slugs, GitHub's rules), bold run-in paragraphs have none, and
   * straight apostrophes were made typographic. Section links into it must land all the same.
   */
  @Test
  void deepLinksIntoAGeneratedSiteLandOnTheirSection() throws IOException {
    HttpServer generated = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    generated.createContext("/", LinksLandIT::generatedPage);
    generated.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + generated.getAddress().getPort() + "/");
      String archive = start("posts", new ParseOptions(base, UrlStyle.HTML, false));
      Set<Link> checked = new LinkedHashSet<>();
      for (String query : QUERIES) {
        String page = archive + "/search?q=" + Html.param(query);
        clickEach(page, ".hit .sections a", links(page, ".hit .sections a"), checked);
      }
      assertThat(checked).anyMatch(link -> link.href().contains("#:~:text="));
      assertThat(checked).anyMatch(link -> link.href().matches(".*#[a-z].*"));
    } finally {
      generated.stop(0);
    }
  }

  /** A page as a site generator would publish a post of the example: see above. */
  private static void generatedPage(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Path source = EXAMPLE.resolve("posts" + path.replaceFirst("\\.html$", ".md"));
    byte[] body;
    int status = 200;
    if (path.endsWith(".html") && Files.isRegularFile(source)) {
      Document page = Jsoup.parse(MarkdownHtml.render(Files.readAllBytes(source), path));
      page.select("p[id]").removeAttr("id");
      for (Element element : page.body().select("*")) {
        for (TextNode text : element.textNodes()) {
          text.text(text.text().replace('\'', '\u2019'));
        }
      }
      // A tall banner, as many themes have: a link that opened the page at the top would show
      // none of the post, so only one that scrolled to its section passes.
      page.body()
          .prepend(
              "<nav><a href=\"/\">Home</a> <a href=\"/work/\">Work</a></nav>"
                  + "<div class=\"banner\" style=\"height: 1200px\"></div>");
      body = page.outerHtml().getBytes(StandardCharsets.UTF_8);
    } else {
      status = 404;
      body = "not found".getBytes(StandardCharsets.UTF_8);
    }
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** A link as a reader sees it: where it goes and what it says. */
  private record Link(String href, String text) {}

  private List<Link> links(String page, String selector) {
    driver.get(page);
    return driver.findElements(By.cssSelector(selector)).stream()
        .map(a -> new Link(a.getDomProperty("href"), a.getText()))
        .toList();
  }

  /**
   * Opens the page, clicks its {@code i}th link for each link not checked yet, checks it landed.
   */
  private void clickEach(String page, String selector, List<Link> links, Set<Link> checked) {
    for (int i = 0; i < links.size(); i++) {
      String href = links.get(i).href();
      String text = links.get(i).text();
      if (!checked.add(links.get(i)) || href.startsWith("mailto:")) {
        continue;
      }
      driver.get(page);
      WebElement link = driver.findElements(By.cssSelector(selector)).get(i);
      assertThat(link.getDomProperty("href")).isEqualTo(href);
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", link);
      link.click();
      new WebDriverWait(driver, HeadlessChrome.PATIENCE)
          .withMessage(() -> "clicking " + href + " on " + page)
          .until(d -> landedOn(href));
      assertLanded(href, text, page);
    }
  }

  private boolean landedOn(String href) {
    String now = driver.getCurrentUrl();
    Object state = driver.executeScript("return document.readyState");
    return "complete".equals(state) && (now.equals(href) || now.equals(withoutFragment(href)));
  }

  private void assertLanded(String href, String text, String from) {
    Object status =
        driver.executeScript("return performance.getEntriesByType('navigation')[0].responseStatus");
    assertThat(((Number) status).intValue())
        .as("status of %s, clicked on %s", href, from)
        .isEqualTo(200);
    if (href.contains("#") && !href.startsWith(from + "#")) {
      assertThat(sectionOnScreen(text)).as("%s at %s, clicked on %s", text, href, from).isTrue();
    }
  }

  /**
   * Whether a heading, or the bold words opening a paragraph, with this text is on screen once the
   * browser is done scrolling (to an id, or to a text fragment's words).
   */
  private boolean sectionOnScreen(String heading) {
    Object seen =
        driver.executeAsyncScript(
            """
            const [heading, done] = arguments;
            const want = heading.trim().toLowerCase();
            const look = () => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6,p,strong,b,dt')]
              .filter(e => e.textContent.trim().toLowerCase().startsWith(want))
              .some(e => { const r = e.getBoundingClientRect();
                           return r.bottom > 0 && r.top < innerHeight; });
            requestAnimationFrame(() => requestAnimationFrame(() => done(look())));
            """,
            heading);
    return Boolean.TRUE.equals(seen);
  }

  private static String withoutFragment(String href) {
    int hash = href.indexOf('#');
    return hash < 0 ? href : href.substring(0, hash);
  }
}
