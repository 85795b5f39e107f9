package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import archive.search.Searcher;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchShadowRootException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page and the embeddable box in a real browser (headless Chromium): typing, keys,
 * cross-origin use, the no-script fallbacks, and indexed markup that must stay text.
 *
 * <p>Every wait is for one specific thing on the page. Query words are chosen so that no shorter
 * prefix typed on the way matches an entry: the results a test waits for can only come from the
 * last request, so nothing re-renders under the keys it presses next.
 */
class BrowserIT {

  private static final String HOSTILE_TITLE = "<script>document.title='PWNED'</script> numbat";
  private static final String HOSTILE_CODE = "<img src=x onerror=document.title='PWNED'>";
  private static final String BLOG_TITLE = "A blog about marsupials";

  @TempDir static Path site;
  @TempDir static Path indexDir;
  private static HttpServer blog;
  private static ArchiveServer archive;
  private static String blogUrl;
  private static String archiveUrl;

  private ChromeDriver driver;

  @BeforeAll
  @Timeout(60)
  static void startServers() throws IOException {
    Assumptions.assumeTrue(HeadlessChrome.installed(), HeadlessChrome.MISSING);
    writeSite();
    TestIndex.build(site, indexDir);
    // The blog's port goes into the archive's allowed origins, so the blog starts first and
    // learns the archive's address when its page is asked for.
    blog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    blog.createContext("/", BrowserIT::blogPage);
    blog.start();
    blogUrl = "http://127.0.0.1:" + blog.getAddress().getPort();
    archive =
        ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of(blogUrl)));
    archiveUrl = "http://127.0.0.1:" + archive.port();
  }

  @AfterAll
  static void stopServers() throws IOException {
    if (blog != null) {
      blog.stop(0);
    }
    if (archive != null) {
      archive.close();
    }
  }

  @AfterEach
  void quitBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static void writeSite() throws IOException {
    write(
        "burrows.md",
        "---\ntitle: Quoll burrows\ndate: 2021-05-06\n---\n"
            + "An evening spent watching a quoll near the shed.\n\n"
            + "## Tunnels\nThe quoll digs tunnels under the shed.\n\n"
            + "## Food\nBeetles, mostly.\n");
    write(
        "wombats.md", "---\ntitle: Wombat notes\ndate: 2020-03-04\n---\nWombats sleep all day.\n");
    write(
        "hostile.md",
        "---\ntitle: \""
            + HOSTILE_TITLE
            + "\"\ndate: 2022-01-02\ntags: [\""
            + HOSTILE_CODE
            + "\"]\n---\n"
            + "A `"
            + HOSTILE_CODE
            + "` numbat sleeps.\n");
  }

  private static void write(String name, String text) throws IOException {
    Files.writeString(site.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** A blogger's page on another origin: the box, its no-script fallback form, nothing else. */
  private static void blogPage(HttpExchange exchange) throws IOException {
    boolean home = exchange.getRequestURI().getPath().equals("/");
    String page =
        home
            ? """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>%s</title>
            <script src="%s/embed.js" defer></script></head>
            <body><h1>Marsupials</h1>
            <archive-search><form action="%s/search" method="get" role="search">
            <input type="search" name="q" aria-label="Search"> <button>Search</button>
            </form></archive-search>
            <p>Posts about quolls and numbats.</p></body></html>
            """
                .formatted(BLOG_TITLE, archiveUrl, archiveUrl)
            : "<!doctype html><title>Blog entry</title><h1>Blog entry</h1>";
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(home ? 200 : 404, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Starts this test's browser. Its profile and driver log live in {@code browser/<test>} under the
   * build folder, wiped at the start rather than the end: after a failure the log is there to read,
   * and by the next run the old browser has surely exited.
   */
  private ChromeDriver browser(TestInfo test, boolean javascript) throws IOException {
    Path workDir =
        HeadlessChrome.buildDir()
            .resolve("browser")
            .resolve(test.getTestMethod().orElseThrow().getName());
    HeadlessChrome.wipe(workDir);
    driver = HeadlessChrome.start(workDir, javascript);
    return driver;
  }

  private <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, HeadlessChrome.PATIENCE)
        .withMessage(() -> "on " + driver.getCurrentUrl() + " titled " + driver.getTitle())
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchShadowRootException.class)
        .until(condition);
  }

  /**
   * Presses a key in whatever has focus, as a person would. {@code element.sendKeys} would first
   * move focus to the element, and for an input in a shadow root that blurs the box (closing its
   * list) and focuses it again.
   */
  private void press(Keys key) {
    new Actions(driver).sendKeys(key).perform();
  }

  /** The element matching {@code css} in {@code in} whose text is exactly {@code text}. */
  private static ExpectedCondition<WebElement> linkTitled(
      SearchContext in, String css, String text) {
    return new ExpectedCondition<>() {
      @Override
      public @Nullable WebElement apply(WebDriver d) {
        return in.findElements(By.cssSelector(css)).stream()
            .filter(a -> a.getText().equals(text))
            .findFirst()
            .orElse(null);
      }

      @Override
      public String toString() {
        return "'" + text + "' in " + css;
      }
    };
  }

  @Test
  @Timeout(90)
  void searchPageShowsResultsAsYouTypeAndArrowKeysWalkThem(TestInfo test) throws IOException {
    browser(test, true).get(archiveUrl + "/");
    WebElement box = driver.findElement(By.id("q"));
    new Actions(driver).sendKeys("/").perform();
    waitFor(d -> box.equals(d.switchTo().activeElement()));
    assertThat(box.getDomProperty("value")).isEmpty();

    box.sendKeys("quoll");
    WebElement title = waitFor(linkTitled(driver, ".hit h2 a", "Quoll burrows"));
    waitFor(ExpectedConditions.urlToBe(archiveUrl + "/search?q=quoll"));
    List<WebElement> links = driver.findElements(By.cssSelector(".hit h2 a, .hit .sections a"));
    assertThat(links.get(0)).isEqualTo(title);
    assertThat(links).hasSize(2);
    WebElement section = links.get(1);
    assertThat(section.getDomProperty("href")).isEqualTo(archiveUrl + "/burrows.html#tunnels");

    press(Keys.ARROW_DOWN);
    waitFor(d -> title.equals(d.switchTo().activeElement()));
    press(Keys.ARROW_DOWN);
    waitFor(d -> section.equals(d.switchTo().activeElement()));
    HeadlessChrome.screenshot(driver, screenshots().resolve("search-page.png"));
    press(Keys.ARROW_UP);
    waitFor(d -> title.equals(d.switchTo().activeElement()));
    press(Keys.ARROW_UP);
    waitFor(d -> box.equals(d.switchTo().activeElement()));
  }

  @Test
  @Timeout(90)
  void resultsShownWhileTypingKeepSortSizeAndPagerLikeTheServersPage(TestInfo test)
      throws IOException {
    browser(test, true).get(archiveUrl + FULL_RESULTS); // sorted newest first, 2 a page
    assertThat(driver.findElement(By.cssSelector(".pager span")).getText())
        .isEqualTo("Page 1 of 2");
    driver.findElement(By.id("q")).sendKeys(" OR quolls");
    waitFor(d -> d.findElement(By.id("summary")).getText().contains("quolls"));
    assertThat(driver.findElement(By.cssSelector("nav.sort strong")).getText()).isEqualTo("newest");
    assertThat(driver.findElement(By.cssSelector(".pager span")).getText())
        .isEqualTo("Page 1 of 2");
    assertThat(driver.findElement(By.cssSelector(".pager a[rel=next]")).getDomAttribute("href"))
        .contains("quolls", "size=2", "sort=-date", "page=2");
    driver.findElement(By.linkText("oldest")).click();
    waitFor(ExpectedConditions.urlContains("sort=date"));
    assertThat(driver.getCurrentUrl()).contains("quolls", "size=2");
    assertThat(driver.findElement(By.cssSelector("nav.sort strong")).getText()).isEqualTo("oldest");
  }

  @Test
  @Timeout(90)
  void searchPageFormWorksWithJavaScriptOff(TestInfo test) throws IOException {
    browser(test, false).get(archiveUrl + "/");
    driver.findElement(By.id("q")).sendKeys("quoll", Keys.ENTER);
    waitFor(ExpectedConditions.urlToBe(archiveUrl + "/search?q=quoll"));
    WebElement title = waitFor(linkTitled(driver, ".hit h2 a", "Quoll burrows"));
    assertThat(title.getDomProperty("href")).isEqualTo(archiveUrl + "/burrows.html");
    assertThat(driver.findElement(By.id("summary")).getText()).isEqualTo("1 result for quoll");
  }

  @Test
  @Timeout(90)
  void embedFallbackFormSearchesTheArchiveWithJavaScriptOff(TestInfo test) throws IOException {
    browser(test, false).get(blogUrl + "/");
    // The box hides this form once its script runs: seeing it shows the script did not.
    WebElement fallback = driver.findElement(By.cssSelector("archive-search form input[name=q]"));
    assertThat(fallback.isDisplayed()).isTrue();
    fallback.sendKeys("quoll", Keys.ENTER);
    waitFor(ExpectedConditions.urlToBe(archiveUrl + "/search?q=quoll"));
    waitFor(linkTitled(driver, ".hit h2 a", "Quoll burrows"));
  }

  @Test
  @Timeout(90)
  void embedBoxOnAnotherOriginListsResultsAndWalksToASectionByKeys(TestInfo test)
      throws IOException {
    browser(test, true).get(blogUrl + "/");
    SearchContext box = shadowRoot();
    WebElement input = box.findElement(By.cssSelector("input[role=combobox]"));
    assertThat(driver.findElement(By.cssSelector("archive-search form")).isDisplayed()).isFalse();

    input.sendKeys("quoll");
    waitFor(linkTitled(box, "[role=option] .title", "Quoll burrows"));
    assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("true");
    List<WebElement> options = box.findElements(By.cssSelector("[role=option][id]"));
    assertThat(options).hasSize(2);
    WebElement section = options.get(1);
    assertThat(section.getDomAttribute("class")).isEqualTo("sec");
    assertThat(section.getDomProperty("href")).isEqualTo(blogUrl + "/burrows.html#tunnels");

    for (WebElement option : options) {
      press(Keys.ARROW_DOWN);
      String id = option.getDomAttribute("id");
      waitFor(d -> id.equals(input.getDomAttribute("aria-activedescendant")));
      assertThat(option.getDomAttribute("aria-selected")).isEqualTo("true");
    }
    HeadlessChrome.screenshot(driver, screenshots().resolve("embed-box.png"));
    press(Keys.ENTER);
    waitFor(ExpectedConditions.urlToBe(blogUrl + "/burrows.html#tunnels"));
  }

  @Test
  @Timeout(90)
  void embedBoxTakesTheColourSchemeTheBlogDeclaresNotTheVisitorsAlone(TestInfo test)
      throws IOException {
    browser(test, true).get(blogUrl + "/"); // declares no color-scheme: a light page
    HeadlessChrome.colourScheme(driver, "dark");
    assertThat(boxBackground()).as("on a light-only blog").isEqualTo("rgb(255, 255, 255)");
    driver.get(archiveUrl + "/assets/embed-demo.html"); // color-scheme: light dark
    HeadlessChrome.colourScheme(driver, "dark");
    assertThat(boxBackground()).as("on a blog with a dark scheme").isEqualTo("rgb(28, 28, 33)");
    HeadlessChrome.colourScheme(driver, "light");
    assertThat(boxBackground()).as("same blog, light").isEqualTo("rgb(255, 255, 255)");
  }

  /** The computed background of the first box's input. */
  private Object boxBackground() {
    WebElement input = shadowRoot().findElement(By.cssSelector("input[role=combobox]"));
    return driver.executeScript("return getComputedStyle(arguments[0]).backgroundColor", input);
  }

  @Test
  @Timeout(90)
  void embedBoxShowsWhyTheServerRefusedAQuery(TestInfo test) throws IOException {
    browser(test, true).get(blogUrl + "/");
    SearchContext box = shadowRoot();
    String tooMany = "w ".repeat(Searcher.MAX_WORDS) + "more";
    box.findElement(By.cssSelector("input[role=combobox]")).sendKeys(tooMany);
    By messages = By.cssSelector("[role=option][aria-disabled=true]");
    String limit = "at most " + Searcher.MAX_WORDS;
    waitFor(d -> box.findElements(messages).stream().anyMatch(m -> m.getText().contains(limit)));
    assertThat(box.findElements(messages))
        .extracting(WebElement::getText)
        .containsExactly(
            "Your search has "
                + (Searcher.MAX_WORDS + 1)
                + " words; "
                + limit
                + " are searched, so shorten it.");
    WebElement live = box.findElement(By.cssSelector("[aria-live=polite]"));
    waitFor(d -> live.getDomProperty("textContent").endsWith("are searched, so shorten it."));
  }

  @Test
  @Timeout(90)
  void embedBoxEscapeClosesTheListAndEnterOpensTheFullResults(TestInfo test) throws IOException {
    browser(test, true).get(blogUrl + "/");
    SearchContext box = shadowRoot();
    WebElement input = box.findElement(By.cssSelector("input[role=combobox]"));
    input.sendKeys("quoll");
    waitFor(linkTitled(box, "[role=option] .title", "Quoll burrows"));
    String first = box.findElement(By.cssSelector("[role=option][id]")).getDomAttribute("id");
    press(Keys.ARROW_DOWN);
    waitFor(d -> first.equals(input.getDomAttribute("aria-activedescendant")));

    press(Keys.ESCAPE);
    waitFor(d -> "false".equals(input.getDomAttribute("aria-expanded")));
    assertThat(box.findElement(By.cssSelector("[role=listbox]")).isDisplayed()).isFalse();
    assertThat(input.getDomAttribute("aria-activedescendant")).isNull();
    assertThat(input.getDomProperty("value")).isEqualTo("quoll");
    press(Keys.ENTER);
    waitFor(ExpectedConditions.urlToBe(archiveUrl + "/search?q=quoll"));
    waitFor(linkTitled(driver, ".hit h2 a", "Quoll burrows"));
  }

  @Test
  @Timeout(90)
  void indexedMarkupStaysTextOnTheSearchPage(TestInfo test) throws IOException {
    browser(test, true).get(archiveUrl + "/");
    driver.findElement(By.id("q")).sendKeys("numbat");
    waitFor(linkTitled(driver, ".hit h2 a", HOSTILE_TITLE)); // built by search.js
    waitFor(ExpectedConditions.titleContains("numbat — search — "));
    assertMarkupIsText(driver.findElement(By.id("main")));

    driver.get(archiveUrl + "/search?q=numbat"); // built by the server
    waitFor(linkTitled(driver, ".hit h2 a", HOSTILE_TITLE));
    assertMarkupIsText(driver.findElement(By.id("main")));
    assertThat(driver.getTitle()).doesNotContain("PWNED");
  }

  private static void assertMarkupIsText(WebElement main) {
    assertThat(main.findElements(By.cssSelector("img, script"))).isEmpty();
    assertThat(main.findElement(By.cssSelector(".hit .snippet")).getText()).contains(HOSTILE_CODE);
    assertThat(main.findElement(By.cssSelector(".hit a.tag")).getText())
        .isEqualTo("#" + HOSTILE_CODE);
  }

  @Test
  @Timeout(90)
  void indexedMarkupStaysTextInTheEmbedBox(TestInfo test) throws IOException {
    browser(test, true).get(blogUrl + "/");
    SearchContext box = shadowRoot();
    box.findElement(By.cssSelector("input[role=combobox]")).sendKeys("numbat");
    WebElement title = waitFor(linkTitled(box, "[role=option] .title", HOSTILE_TITLE));
    // The blog page has no CSP: an <img> made from the payload would run its onerror here.
    assertThat(box.findElements(By.cssSelector("img, script"))).isEmpty();
    WebElement option = box.findElement(By.cssSelector("[role=option][id]"));
    assertThat(option).isNotEqualTo(title);
    assertThat(option.findElement(By.cssSelector(".snip")).getText()).contains(HOSTILE_CODE);
    assertThat(driver.getTitle()).isEqualTo(BLOG_TITLE);
  }

  /**
   * A results page with most of what a search can show: highlighted words, dates, tags, a section
   * link, sort links, year and tag counts and a pager (three entries match, two to a page).
   */
  private static final String FULL_RESULTS =
      "/search?q=quoll+OR+numbat+OR+wombats&size=2&sort=-date";

  /**
   * Pages whose text must be readable in either colour scheme, each with what it must show for the
   * check to cover it.
   */
  private static final Map<String, String> READ_PAGES =
      Map.ofEntries(
          Map.entry("/", "h1, code, kbd, #q:placeholder-shown"),
          Map.entry(
              FULL_RESULTS,
              "mark, .meta time, .tag, .sections a, .sort strong, .facets .count, .pager span"),
          Map.entry("/search?q=quoll+evenign", ".note, .dym a, .sections .snippet mark"),
          Map.entry("/search?q=quoll&size=0", ".error"),
          Map.entry("/archive", ".archive h3, .archive time, .summary a"),
          Map.entry("/archive/2021", ".archive time, .neighbours span"),
          Map.entry("/archive/tag", ".tags a, .tags .count"),
          Map.entry("/burrows.html", ".back a, .entry .meta time, .entry h2, .neighbours span"));

  @Test
  @Timeout(90)
  void pageTextHasEnoughContrastInLight(TestInfo test) throws IOException {
    assertPageTextReadable(test, "light");
  }

  @Test
  @Timeout(90)
  void pageTextHasEnoughContrastInDark(TestInfo test) throws IOException {
    assertPageTextReadable(test, "dark");
  }

  private void assertPageTextReadable(TestInfo test, String scheme) throws IOException {
    browser(test, true);
    HeadlessChrome.colourScheme(driver, scheme);
    SoftAssertions softly = new SoftAssertions();
    READ_PAGES.forEach(
        (page, parts) -> {
          driver.get(archiveUrl + page);
          for (String part : parts.split(", ")) {
            softly.assertThat(count(part)).as("%s shows %s", page, part).isPositive();
          }
          softly
              .assertThat(Colours.text(driver, null))
              .as("%s text on %s", scheme, page)
              .isNotEmpty()
              .filteredOn(text -> !text.readable())
              .isEmpty();
        });
    softly.assertAll();
  }

  private int count(String css) {
    return driver.findElements(By.cssSelector(css)).size();
  }

  @Test
  @Timeout(90)
  void embedBoxListsHaveEnoughContrastInLightAndDark(TestInfo test) throws IOException {
    browser(test, true).get(archiveUrl + "/assets/embed-demo.html");
    List<WebElement> hosts = driver.findElements(By.tagName("archive-search"));
    assertThat(hosts).hasSize(2); // the plain box and the themed one
    SoftAssertions softly = new SoftAssertions();
    for (WebElement host : hosts) {
      openList(host, "quoll");
      String box = "themed".equals(host.getDomAttribute("class")) ? "themed" : "plain";
      for (String scheme : List.of("light", "dark")) {
        HeadlessChrome.colourScheme(driver, scheme);
        List<Colours.Text> texts = Colours.text(driver, host);
        softly
            .assertThat(texts)
            .as("%s: the %s box's list", scheme, box)
            .extracting(Colours.Text::text)
            .contains("Quoll burrows");
        softly
            .assertThat(texts)
            .as("%s: the %s box's highlights", scheme, box)
            .extracting(Colours.Text::element)
            .anyMatch(element -> element.endsWith("> mark"));
        softly
            .assertThat(texts)
            .as("%s text in the %s box", scheme, box)
            .filteredOn(text -> !text.readable())
            .isEmpty();
        HeadlessChrome.screenshot(
            driver, screenshots().resolve("embed-demo-" + box + "-" + scheme + ".png"));
      }
    }
    softly.assertAll();
  }

  /**
   * Types {@code query} into a box and waits for its list, with the first result selected: a
   * selected option has a background of its own.
   */
  private SearchContext openList(WebElement host, String query) {
    SearchContext box = shadowRoot(host);
    WebElement input = box.findElement(By.cssSelector("input[role=combobox]"));
    input.click();
    input.sendKeys(query);
    waitFor(linkTitled(box, "[role=option] .title", "Quoll burrows"));
    String first = box.findElement(By.cssSelector("[role=option][id]")).getDomAttribute("id");
    press(Keys.ARROW_DOWN);
    waitFor(d -> first.equals(input.getDomAttribute("aria-activedescendant")));
    return box;
  }

  @Test
  @Timeout(90)
  void focusedSearchBoxesShowARingThatStandsOut(TestInfo test) throws IOException {
    SoftAssertions softly = new SoftAssertions();
    browser(test, true).get(archiveUrl + "/");
    assertRingWhenFocused(softly, "search page", driver.findElement(By.id("q")));
    driver.get(archiveUrl + "/assets/embed-demo.html");
    WebElement host = driver.findElement(By.tagName("archive-search"));
    WebElement input = shadowRoot(host).findElement(By.cssSelector("input[role=combobox]"));
    assertRingWhenFocused(softly, "embed box", input);
    softly.assertAll();
  }

  /**
   * Focusing the box draws a ring it did not have before, at least 2px thick and with 3:1 against
   * the background it covers (as WCAG 2.2's criterion 2.4.13 asks), in either colour scheme.
   */
  private void assertRingWhenFocused(SoftAssertions softly, String where, WebElement input) {
    HeadlessChrome.colourScheme(driver, "light");
    Colours.Ring before = Colours.ring(driver, input);
    input.click();
    waitFor(
        d ->
            Boolean.TRUE.equals(
                driver.executeScript("return arguments[0].matches(':focus-visible')", input)));
    for (String scheme : List.of("light", "dark")) {
      HeadlessChrome.colourScheme(driver, scheme);
      Colours.Ring ring = Colours.ring(driver, input);
      softly.assertThat(ring).as("%s, %s: focus ring", where, scheme).isNotNull();
      if (ring != null) {
        softly.assertThat(ring).as("%s, %s: unfocused", where, scheme).isNotEqualTo(before);
        softly
            .assertThat(ring.width())
            .as("%s, %s: %s", where, scheme, ring)
            .isGreaterThanOrEqualTo(2);
        softly
            .assertThat(ring.ratio())
            .as("%s, %s: %s", where, scheme, ring)
            .isGreaterThanOrEqualTo(3);
      }
    }
  }

  private static final int PHONE_WIDTH = 375;
  private static final int PHONE_HEIGHT = 740;

  @Test
  @Timeout(90)
  void pagesFitAPhoneWithReadableTextAndATappableBox(TestInfo test) throws IOException {
    browser(test, true);
    HeadlessChrome.phone(driver, PHONE_WIDTH, PHONE_HEIGHT);
    SoftAssertions softly = new SoftAssertions();
    driver.get(archiveUrl + FULL_RESULTS);
    assertFitsPhone(softly, "search-page", driver.findElement(By.id("q")));
    driver.get(archiveUrl + "/archive");
    assertFitsPhone(softly, "archive", driver.findElement(By.id("q")));
    driver.get(archiveUrl + "/assets/embed-demo.html");
    SearchContext box = openList(driver.findElement(By.tagName("archive-search")), "quoll");
    assertFitsPhone(softly, "embed-demo", box.findElement(By.cssSelector("input[role=combobox]")));
    softly.assertAll();
  }

  /**
   * The page is laid out as wide as the phone and no wider, its text is 12px or more, its search
   * box is 44px tall (a fingertip); screenshots in light and dark for people to look at.
   */
  private void assertFitsPhone(SoftAssertions softly, String page, WebElement searchBox)
      throws IOException {
    List<Long> widths =
        numbers("const d = document.documentElement; return [d.clientWidth, d.scrollWidth]");
    // clientWidth is the layout viewport: 980px on a page without a viewport meta tag. (innerWidth
    // is no measure: it grows with content that sticks out, as the phone zooms out to show it.)
    softly.assertThat(widths.get(0)).as("%s: layout width", page).isEqualTo((long) PHONE_WIDTH);
    softly.assertThat(widths.get(1)).as("%s: content width", page).isEqualTo((long) PHONE_WIDTH);
    softly
        .assertThat(Colours.text(driver, null))
        .as("%s: text under 12px", page)
        .filteredOn(text -> text.size() < 12)
        .isEmpty();
    softly
        .assertThat(searchBox.getRect().getHeight())
        .as("%s: box height", page)
        .isGreaterThanOrEqualTo(44);
    for (String scheme : List.of("light", "dark")) {
      HeadlessChrome.colourScheme(driver, scheme);
      HeadlessChrome.screenshot(
          driver, screenshots().resolve("phone-" + page + "-" + scheme + ".png"));
    }
  }

  /** The whole numbers a script returns. */
  private List<Long> numbers(String script) {
    List<?> numbers = (List<?>) Objects.requireNonNull(driver.executeScript(script), script);
    return numbers.stream().map(n -> ((Number) n).longValue()).toList();
  }

  @Test
  @Timeout(90)
  void pagesHaveLandmarksNamedControlsAndHeadingsInOrder(TestInfo test) throws IOException {
    browser(test, true);
    SoftAssertions softly = new SoftAssertions();
    for (String page :
        List.of("/", FULL_RESULTS, "/archive/2021", "/search?q=quoll&size=0", "/no-such-page")) {
      driver.get(archiveUrl + page);
      assertLandmarks(softly, page);
    }
    driver.get(archiveUrl + "/");
    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("quoll");
    waitFor(linkTitled(driver, ".hit h2 a", "Quoll burrows"));
    assertLandmarks(softly, "results shown while typing");
    box.sendKeys(" w".repeat(Searcher.MAX_WORDS));
    waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1.error")));
    assertLandmarks(softly, "a refusal shown while typing");
    softly.assertAll();
  }

  /**
   * One banner, one main (the skip link's target), one search form, navigation regions told apart
   * by name, a name for every control, and headings from one h1 down that skip no level.
   */
  private void assertLandmarks(SoftAssertions softly, String page) {
    softly.assertThat(count("body > header")).as("%s: banners", page).isOne();
    softly.assertThat(count("main")).as("%s: mains", page).isOne();
    softly.assertThat(count("a.skip[href='#main'] ~ main#main")).as("%s: skip link", page).isOne();
    softly.assertThat(count("form[role=search]")).as("%s: search forms", page).isOne();
    List<String> navs =
        driver.findElements(By.tagName("nav")).stream().map(WebElement::getAccessibleName).toList();
    softly
        .assertThat(navs)
        .as("%s: navigation names", page)
        .isNotEmpty()
        .doesNotContain("")
        .doesNotHaveDuplicates();
    for (WebElement control : driver.findElements(By.cssSelector("input, button, select"))) {
      softly
          .assertThat(control.getAccessibleName())
          .as("%s: name of %s", page, control.getDomProperty("outerHTML"))
          .isNotBlank();
    }
    List<Long> levels =
        numbers(
            "return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]"
                + ".map((h) => +h.localName[1])");
    softly.assertThat(levels).as("%s: heading levels", page).startsWith(1L).containsOnlyOnce(1L);
    List<String> skips = new ArrayList<>();
    for (int i = 1; i < levels.size(); i++) {
      if (levels.get(i) > levels.get(i - 1) + 1) {
        skips.add("h" + levels.get(i - 1) + " then h" + levels.get(i));
      }
    }
    softly.assertThat(skips).as("%s: heading levels %s", page, levels).isEmpty();
  }

  /** The first box's shadow root, once the element is defined and has built its input. */
  private SearchContext shadowRoot() {
    return shadowRoot(driver.findElement(By.tagName("archive-search")));
  }

  /** A box's shadow root, once the element is defined and has built its input. */
  private SearchContext shadowRoot(WebElement host) {
    return waitFor(
        d -> {
          SearchContext root = host.getShadowRoot();
          return root.findElements(By.cssSelector("input[role=combobox]")).isEmpty() ? null : root;
        });
  }

  private static Path screenshots() {
    return HeadlessChrome.buildDir().resolve("screenshots");
  }
}
