package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The search page as a reader uses it, in Chromium, on the example dev log indexed from its folder:
 * what it says when empty, while typing and when cleared, filters, paging past the end, the blog's
 * name, and the screenshots the README shows.
 */
@Timeout(120)
class SearchPageIT {

  private static final Path EXAMPLE = Path.of("examples/devlog");

  @TempDir static Path indexDir;
  private static ArchiveServer archive;
  private static String base;

  private ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    Assumptions.assumeTrue(HeadlessChrome.installed(), HeadlessChrome.MISSING);
    TestIndex.build(EXAMPLE, indexDir);
    archive = ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of()));
    base = "http://127.0.0.1:" + archive.port();
  }

  @AfterAll
  static void stop() throws IOException {
    if (archive != null) {
      archive.close();
    }
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private ChromeDriver browser(TestInfo test) throws IOException {
    driver = HeadlessChrome.start("page", test, true);
    return driver;
  }

  private <T> T waitFor(Function<WebDriver, T> condition) {
    return HeadlessChrome.waitFor(driver, condition);
  }

  private String summary() {
    return driver.findElement(By.id("summary")).getText();
  }

  private int status() {
    return HeadlessChrome.status(driver);
  }

  @Test
  void theHeaderNamesTheBlogAndThePageHasAnIcon(TestInfo test) throws IOException {
    browser(test).get(base + "/");

    WebElement home = driver.findElement(By.cssSelector("header .home"));
    assertThat(home.getText()).isEqualTo("Dev Log"); // examples/devlog/config.toml
    assertThat(driver.getTitle()).isEqualTo("Dev Log");
    String icon = driver.findElement(By.cssSelector("link[rel=icon]")).getDomProperty("href");
    Object loaded =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[1]; const img = new Image();"
                    + " img.onload = () => done(img.naturalWidth > 0); img.onerror = () => done(false);"
                    + " img.src = arguments[0];",
                icon);
    assertThat(loaded).isEqualTo(true);
  }

  @Test
  void theEmptyPageSuggestsSearchesThatFindSomething(TestInfo test) throws IOException {
    browser(test).get(base + "/");
    List<String> tips =
        driver.findElements(By.cssSelector(".welcome a[href^='/search']")).stream()
            .map(a -> a.getDomProperty("href"))
            .toList();

    assertThat(tips).hasSizeGreaterThanOrEqualTo(3);
    assertThat(tips).anyMatch(t -> t.contains("tag%3A")).anyMatch(t -> t.contains("year%3A"));
    for (String tip : tips) {
      driver.get(tip);
      assertThat(summary()).as(tip).doesNotStartWith("No results");
      assertThat(driver.findElements(By.cssSelector(".hit"))).as(tip).isNotEmpty();
    }
  }

  @Test
  void typingShowsResultsAndClearingTheBoxClearsResultsAddressAndTitle(TestInfo test)
      throws IOException {
    browser(test).get(base + "/");
    WebElement box = driver.findElement(By.id("q"));
    WebElement status = driver.findElement(By.id("status"));

    box.sendKeys("kubernetes");
    waitFor(ExpectedConditions.urlToBe(base + "/search?q=kubernetes"));
    waitFor(d -> !d.findElements(By.cssSelector(".hit")).isEmpty());
    assertThat(driver.getTitle()).isEqualTo("kubernetes — search — Dev Log");
    waitFor(d -> status.getText().equals("4 results for kubernetes"));
    HeadlessChrome.screenshot(driver, screenshots().resolve("search-page-desktop.png"));

    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    waitFor(ExpectedConditions.urlToBe(base + "/"));
    assertThat(driver.findElements(By.cssSelector(".hit"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector(".welcome"))).hasSize(1);
    assertThat(driver.getTitle()).isEqualTo("Dev Log");
    assertThat(driver.findElement(By.id("status"))).isEqualTo(status); // one node throughout
  }

  @Test
  void theLiveRegionIsOneNodeWhoseWordsChangeAsTheReaderTypes(TestInfo test) throws IOException {
    browser(test).get(base + "/");
    WebElement status = driver.findElement(By.id("status"));
    assertThat(status.getDomAttribute("role")).isEqualTo("status");
    WebElement box = driver.findElement(By.id("q"));

    box.sendKeys("rust");
    waitFor(d -> status.getText().equals("6 results for rust"));
    box.sendKeys(" wasm");
    waitFor(d -> status.getText().matches("\\d+ results? for rust wasm"));

    assertThat(driver.findElement(By.id("status"))).isEqualTo(status);
    assertThat(driver.findElements(By.cssSelector("[aria-live]"))).containsExactly(status);
  }

  @Test
  void filtersCombineStayShownWhileTypingAndComeOffWithAClick(TestInfo test) throws IOException {
    browser(test).get(base + "/search?q=work");
    int all = driver.findElements(By.cssSelector(".hit")).size();
    driver.findElement(By.cssSelector(".facets a[href*='year=2021']")).click();
    waitFor(ExpectedConditions.urlContains("year=2021"));
    String one = summary();
    driver.findElement(By.cssSelector(".facets a[href*='year=2022']")).click();
    waitFor(ExpectedConditions.urlContains("year=2022"));
    assertThat(driver.getCurrentUrl()).contains("year=2021", "year=2022");
    assertThat(number(summary())).isGreaterThan(number(one));
    assertThat(driver.findElements(By.cssSelector(".filters a")))
        .extracting(WebElement::getText)
        .containsExactly("2021 ×", "2022 ×");

    driver.findElement(By.id("q")).sendKeys(" reading");
    waitFor(d -> summary().endsWith("work reading"));
    assertThat(driver.getCurrentUrl()).contains("year=2021", "year=2022");
    assertThat(driver.findElements(By.cssSelector(".filters a")))
        .extracting(WebElement::getText)
        .containsExactly("2021 ×", "2022 ×");
    for (WebElement time : driver.findElements(By.cssSelector(".hit time"))) {
      assertThat(time.getDomAttribute("datetime")).matches("202[12]-.*");
    }

    driver.findElement(By.cssSelector(".filters a")).click(); // takes 2021 off
    waitFor(d -> !d.getCurrentUrl().contains("year=2021"));
    assertThat(driver.findElements(By.cssSelector(".filters a")))
        .extracting(WebElement::getText)
        .containsExactly("2022 ×");
    assertThat(all).isPositive();
  }

  private static int number(String summary) {
    return Integer.parseInt(summary.replaceFirst("^(\\d+).*", "$1"));
  }

  @Test
  void aPagePastTheLastSaysSoAndLeadsToTheLastPage(TestInfo test) throws IOException {
    browser(test).get(base + "/search?q=work&size=5&page=40");

    assertThat(status()).isEqualTo(404);
    assertThat(summary()).isEqualTo("There is no page 40 of these results.");
    driver.findElement(By.partialLinkText("go to page")).click();
    waitFor(ExpectedConditions.urlContains("page=5"));
    assertThat(status()).isEqualTo(200);
    assertThat(driver.findElement(By.cssSelector(".pager span")).getText())
        .isEqualTo("Page 5 of 5");
  }

  @Test
  void didYouMeanOffersASpellingThatFindsEntries(TestInfo test) throws IOException {
    browser(test).get(base + "/search?q=kubrenetes");

    WebElement offer = driver.findElement(By.cssSelector(".dym a"));
    assertThat(offer.getText()).isEqualTo("kubernetes");
    offer.click();
    waitFor(ExpectedConditions.urlContains("q=kubernetes"));
    assertThat(summary()).isEqualTo("4 results for kubernetes");
  }

  @Test
  void aSearchOfQualifiersOnlyShowsEachEntrysDescription(TestInfo test) throws IOException {
    browser(test).get(base + "/search?q=tag%3Akubernetes");

    WebElement hit = driver.findElement(By.cssSelector(".hit"));
    assertThat(hit.findElement(By.cssSelector("h2")).getText())
        .isEqualTo("Kubernetes at home: a post-mortem");
    assertThat(hit.findElement(By.cssSelector(".snippet")).getText())
        .isEqualTo("Eight months of running a cluster in a cupboard");
  }

  @Test
  void aResultShowsAtMostTwoSectionsAndMarksEveryMatchingWord(TestInfo test) throws IOException {
    browser(test).get(base + "/search?q=work");

    for (WebElement hit : driver.findElements(By.cssSelector(".hit"))) {
      assertThat(hit.findElements(By.cssSelector(".sections li"))).hasSizeLessThanOrEqualTo(2);
      for (WebElement snippet : hit.findElements(By.cssSelector(".snippet"))) {
        String unmarked =
            (String)
                driver.executeScript(
                    "const c = arguments[0].cloneNode(true);"
                        + " c.querySelectorAll('mark').forEach(m => m.remove());"
                        + " return c.textContent;",
                    snippet);
        assertThat(unmarked).as(snippet.getText()).doesNotContainPattern("(?i)\\bwork\\b");
      }
    }
  }

  @Test
  void onAPhoneThePageFitsTheScreen(TestInfo test) throws IOException {
    browser(test);
    HeadlessChrome.phone(driver, 375, 740);
    driver.get(base + "/search?q=kubernetes");
    Object wide = driver.executeScript("return document.documentElement.scrollWidth > innerWidth");
    assertThat(wide).isEqualTo(false);
    HeadlessChrome.screenshot(driver, screenshots().resolve("search-page-phone.png"));
  }

  @Test
  void aResultOpensTheEntryServedHereAtItsSection(TestInfo test) throws IOException {
    browser(test).get(base + "/search?q=%22what+went+wrong%22+kubernetes");
    WebElement section = driver.findElement(By.cssSelector(".hit .sections a"));
    assertThat(section.getText()).isEqualTo("What went wrong");
    section.click();

    waitFor(ExpectedConditions.urlContains("#what-went-wrong"));
    assertThat(status()).isEqualTo(200);
    WebElement heading = driver.findElement(By.id("what-went-wrong"));
    Object top = driver.executeScript("return arguments[0].getBoundingClientRect().top", heading);
    assertThat(((Number) top).doubleValue()).isBetween(0.0, 100.0);
    assertThat(driver.findElement(By.cssSelector(".back a")).getText())
        .isEqualTo("← Back to the results");
    HeadlessChrome.screenshot(driver, screenshots().resolve("entry-page.png"));
  }

  private static Path screenshots() {
    return HeadlessChrome.screenshots();
  }
}
