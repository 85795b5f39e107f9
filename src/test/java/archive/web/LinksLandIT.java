package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import archive.index.EntryIndexer;
import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
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

  private String start(String folder, TestInfo test) throws IOException {
    Path indexDir = indexes.resolve(folder.isEmpty() ? "all" : folder);
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      indexer.index(
          SiteWalker.walk(EXAMPLE.resolve(folder)),
          ParseOptions.DEFAULTS,
          false,
          EntryIndexer.Progress.NONE);
    }
    server = ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of()));
    Path workDir =
        HeadlessChrome.buildDir()
            .resolve("browser")
            .resolve("links-" + (folder.isEmpty() ? "all" : folder));
    HeadlessChrome.wipe(workDir);
    driver = HeadlessChrome.start(workDir, true);
    return "http://127.0.0.1:" + server.port();
  }

  @ParameterizedTest(name = "examples/devlog/{0}")
  @ValueSource(strings = {"", "posts", "site"})
  void everyResultLinkLandsAndDeepLinksLandOnTheirSection(String folder, TestInfo test)
      throws IOException {
    String base = start(folder, test);
    Set<String> checked = new LinkedHashSet<>();
    int results = 0;
    for (String query : QUERIES) {
      String page = base + "/search?q=" + Html.param(query);
      List<String> hrefs = hrefs(page, ".hit h2 a, .hit .sections a");
      results += hrefs.size();
      clickEach(page, ".hit h2 a, .hit .sections a", hrefs, checked);
    }
    assertThat(results).as("results with links to click").isGreaterThan(10);
    assertThat(checked).anyMatch(href -> href.contains("#"));
  }

  @ParameterizedTest(name = "examples/devlog/{0}")
  @ValueSource(strings = {"", "posts", "site"})
  void everyLinkOfTheArchivePagesLands(String folder, TestInfo test) throws IOException {
    String base = start(folder, test);
    Set<String> checked = new LinkedHashSet<>();
    List<String> pages = new ArrayList<>(List.of(base + "/archive"));
    for (int i = 0; i < pages.size(); i++) {
      String page = pages.get(i);
      List<String> hrefs = hrefs(page, ARCHIVE_LINKS);
      for (String href : hrefs) {
        boolean archivePage = href.startsWith(base + "/archive/") && !href.contains("#");
        if (archivePage && !pages.contains(href)) {
          pages.add(href); // years and tags: their links are checked in turn
        }
      }
      clickEach(page, ARCHIVE_LINKS, hrefs, checked);
    }
    assertThat(pages).anyMatch(p -> p.matches(".*/archive/\\d{4}"));
    if (!folder.equals("site")) { // the example's built pages carry no tags, its Markdown does
      assertThat(pages).anyMatch(p -> p.contains("/archive/tag/"));
    }
  }

  private List<String> hrefs(String page, String selector) {
    driver.get(page);
    return driver.findElements(By.cssSelector(selector)).stream()
        .map(a -> a.getDomProperty("href"))
        .toList();
  }

  /**
   * Opens the page, clicks its {@code i}th link for each link not checked yet, checks it landed.
   */
  private void clickEach(String page, String selector, List<String> hrefs, Set<String> checked) {
    for (int i = 0; i < hrefs.size(); i++) {
      String href = hrefs.get(i);
      if (!checked.add(href) || href.startsWith("mailto:")) {
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
      assertLanded(href, page);
    }
  }

  private boolean landedOn(String href) {
    String now = driver.getCurrentUrl();
    Object state = driver.executeScript("return document.readyState");
    return "complete".equals(state) && (now.equals(href) || now.equals(withoutFragment(href)));
  }

  private void assertLanded(String href, String from) {
    Object status =
        driver.executeScript("return performance.getEntriesByType('navigation')[0].responseStatus");
    assertThat(((Number) status).intValue())
        .as("status of %s, clicked on %s", href, from)
        .isEqualTo(200);
    int hash = href.indexOf('#');
    if (hash < 0 || href.startsWith(":~:", hash + 1)) {
      return;
    }
    String id =
        java.net.URLDecoder.decode(
            href.substring(hash + 1), java.nio.charset.StandardCharsets.UTF_8);
    Object onScreen =
        driver.executeScript(
            "const e = document.getElementById(arguments[0]);"
                + " if (!e) return 'missing';"
                + " const r = e.getBoundingClientRect();"
                + " return r.top >= 0 && r.top < innerHeight ? 'visible' : 'off screen at ' + r.top;",
            id);
    assertThat(onScreen).as("#%s of %s, clicked on %s", id, href, from).isEqualTo("visible");
  }

  private static String withoutFragment(String href) {
    int hash = href.indexOf('#');
    return hash < 0 ? href : href.substring(0, hash);
  }
}
