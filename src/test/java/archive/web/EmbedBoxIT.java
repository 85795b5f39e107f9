package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The embeddable box and the related-entries element on a blog page of another origin, in Chromium:
 * keys and focus, a slow answer, what it asks for, how compact and consistent it is, and where its
 * links land. The blog is the example dev log, indexed from its folder and served by the archive;
 * the blog's own origin passes every path it does not own on to the archive (as the blog's web
 * server would serve those pages), and its {@code /slow/} prefix does too, after a delay, recording
 * what the box asked.
 */
@Timeout(120)
class EmbedBoxIT {

  private static final Path EXAMPLE = Path.of("examples/devlog");
  private static final long SLOW_MILLIS = 1500;

  @TempDir static Path indexDir;
  private static ArchiveServer archive;
  private static HttpServer blog;
  private static String archiveUrl;
  private static String blogUrl;
  private static final List<String> asked = new CopyOnWriteArrayList<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ChromeDriver driver;

  /** An archive of more entries than the box counts, started by the test that needs it. */
  private static String bigUrl;

  @BeforeAll
  static void start() throws IOException {
    Assumptions.assumeTrue(HeadlessChrome.installed(), HeadlessChrome.MISSING);
    TestIndex.build(EXAMPLE, indexDir);
    blog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    blog.createContext("/", EmbedBoxIT::blogPage);
    blog.start();
    blogUrl = "http://127.0.0.1:" + blog.getAddress().getPort();
    archive =
        ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of(blogUrl)));
    archiveUrl = "http://127.0.0.1:" + archive.port();
  }

  @AfterAll
  static void stop() throws IOException {
    if (blog != null) {
      blog.stop(0);
    }
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

  /** The blog's pages: {@code /box} with the elements, the rest passed on to the archive. */
  private static void blogPage(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    if (path.equals("/box")) {
      Map<String, String> params = query == null ? Map.of() : params(query);
      String page =
          """
          <!doctype html><html lang="en"><head><meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>A dev log post</title>
          <style>:root { color-scheme: %s; } body { font: 16px/1.5 sans-serif; margin: 2rem;
          background: Canvas; color: CanvasText; } main { max-width: 40rem; }</style>
          <script src="%s/embed.js" defer></script></head>
          <body><main><h1>Kubernetes at home</h1>
          <archive-search data-endpoint="%s" results="%s"></archive-search>
          <p><a id="after" href="/posts/2022/kubernetes-at-home.html">A link after the box</a></p>
          <archive-related url="/posts/2022/kubernetes-at-home.html"></archive-related>
          </main></body></html>
          """
              .formatted(
                  params.getOrDefault("scheme", "light"),
                  archiveUrl,
                  params.containsKey("slow")
                      ? blogUrl + "/slow"
                      : params.containsKey("big") ? bigUrl : archiveUrl,
                  params.getOrDefault("results", "8"));
      send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
      return;
    }
    String target = path;
    if (path.startsWith("/slow/")) {
      asked.add(path + "?" + query);
      target = path.substring("/slow".length());
      pause();
    }
    forward(exchange, target + (query == null ? "" : "?" + query));
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new java.util.HashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    return params;
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(SLOW_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void forward(HttpExchange exchange, String pathAndQuery) throws IOException {
    try {
      HttpResponse<byte[]> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(archiveUrl + pathAndQuery)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      send(
          exchange,
          answer.statusCode(),
          answer.headers().firstValue("Content-Type").orElse("application/octet-stream"),
          answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private ChromeDriver browser(TestInfo test) throws IOException {
    driver = HeadlessChrome.start("embed", test, true);
    return driver;
  }

  private <T> T waitFor(Function<WebDriver, T> condition) {
    return HeadlessChrome.waitFor(driver, condition);
  }

  private SearchContext box() {
    return waitFor(d -> d.findElement(By.cssSelector("archive-search")).getShadowRoot());
  }

  private WebElement input(SearchContext box) {
    return box.findElement(By.cssSelector("input[role=combobox]"));
  }

  private List<WebElement> titles(SearchContext box) {
    return box.findElements(By.cssSelector("[role=option]:not(.sec) .title"));
  }

  private void typeAndWait(SearchContext box, String text) {
    input(box).sendKeys(text);
    waitFor(d -> !titles(box).isEmpty());
  }

  private static JsonObject api(String pathAndQuery) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(archiveUrl + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString());
    return JsonParser.parseString(answer.body()).getAsJsonObject();
  }

  @Test
  void tabFromTheInputLeavesTheBox(TestInfo test) throws IOException {
    browser(test).get(blogUrl + "/box?results=20");
    SearchContext box = box();
    typeAndWait(box, "work");
    WebElement list = box.findElement(By.cssSelector("[role=listbox]"));
    assertThat(
            (Boolean)
                ((JavascriptExecutor) driver)
                    .executeScript(
                        "return arguments[0].scrollHeight > arguments[0].clientHeight", list))
        .as("a list long enough to scroll, which Chromium would make a Tab stop")
        .isTrue();

    new Actions(driver).sendKeys(Keys.TAB).perform();

    waitFor(d -> "after".equals(d.switchTo().activeElement().getDomAttribute("id")));
  }

  @Test
  void theFocusRingIsVisibleInTheHostsLightAndDarkScheme(TestInfo test) throws IOException {
    browser(test);
    for (String scheme : List.of("light", "dark")) {
      driver.get(blogUrl + "/box?scheme=" + scheme);
      SearchContext box = box();
      new Actions(driver).sendKeys("/").perform();
      WebElement input = input(box);
      waitFor(
          d ->
              Boolean.TRUE.equals(
                  ((JavascriptExecutor) d)
                      .executeScript("return arguments[0].matches(':focus-visible')", input)));
      Colours.Ring ring = Colours.ring(driver, input);
      assertThat(ring).as("the focus ring in a %s page", scheme).isNotNull();
      assertThat(ring.ratio()).as("%s: %s", scheme, ring).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aSlowAnswerShowsSearchingAndDimsTheResultsItWillReplace(TestInfo test) throws Exception {
    List<String> before = titles("kubernetes");
    List<String> after = titles("kubernetes cupboard");
    assertThat(after).isNotEqualTo(before);
    browser(test).get(blogUrl + "/box?slow");
    SearchContext box = box();
    typeAndWait(box, "kubernetes");
    waitFor(d -> titles(box).stream().map(WebElement::getText).toList().equals(before));
    assertThat(box.findElements(By.cssSelector(".busy"))).isEmpty();

    input(box).sendKeys(" cupboard");

    WebElement busy = waitFor(d -> box.findElement(By.cssSelector(".busy")));
    assertThat(busy.getText()).isEqualTo("Searching…");
    assertThat(box.findElement(By.cssSelector("[role=listbox]")).getDomAttribute("class"))
        .contains("stale");
    assertThat(titles(box)).extracting(WebElement::getText).isEqualTo(before);
    waitFor(d -> titles(box).stream().map(WebElement::getText).toList().equals(after));
    assertThat(box.findElements(By.cssSelector(".busy"))).isEmpty();
    assertThat(box.findElement(By.cssSelector("[role=listbox]")).getDomAttribute("class"))
        .doesNotContain("stale");
  }

  /** The titles the API gives for a query. */
  private static List<String> titles(String query) throws Exception {
    List<String> titles = new java.util.ArrayList<>();
    api("/api/search?size=8&q=" + Html.param(query))
        .getAsJsonArray("results")
        .forEach(r -> titles.add(r.getAsJsonObject().get("title").getAsString()));
    return titles;
  }

  @Test
  void theBoxAsksOnlyForTheFieldsItShows(TestInfo test) throws IOException {
    asked.clear();
    browser(test).get(blogUrl + "/box?slow");
    typeAndWait(box(), "nixos");

    assertThat(asked).isNotEmpty();
    assertThat(asked)
        .allSatisfy(
            url ->
                assertThat(url)
                    .contains("count=1000")
                    .contains("fields=url,title,path,date,snippetText,snippetMatches,sections"));
  }

  @Test
  void allResultsIsALinkToTheFullResults(TestInfo test) throws Exception {
    int total = api("/api/search?q=work").get("total").getAsInt();
    browser(test).get(blogUrl + "/box?results=3");
    SearchContext box = box();
    typeAndWait(box, "work");

    WebElement all = waitFor(d -> box.findElement(By.cssSelector("a[part~=all]")));
    assertThat(all.getText()).isEqualTo("All " + total + " results for “work”");
    assertThat(all.getDomProperty("href")).isEqualTo(archiveUrl + "/search?q=work");
    all.click();

    waitFor(ExpectedConditions.urlToBe(archiveUrl + "/search?q=work"));
    assertThat(driver.findElement(By.id("summary")).getText())
        .isEqualTo(total + " results for work"); // the quotes are the q element's, drawn by CSS
  }

  @Test
  void beyondAThousandMatchesTheBoxSaysMoreThanAThousand(
      TestInfo test, @TempDir Path bigSite, @TempDir Path bigIndex) throws Exception {
    for (int i = 0; i < 1005; i++) {
      Files.writeString(
          bigSite.resolve("crab-" + i + ".md"),
          "---\ntitle: Crab " + i + "\ndate: 2021-01-01\n---\nA crab walks sideways.\n");
    }
    TestIndex.build(bigSite, bigIndex);
    try (ArchiveServer big =
        ArchiveServer.start(new ServerConfig("127.0.0.1", 0, bigIndex, null, List.of(blogUrl)))) {
      bigUrl = "http://127.0.0.1:" + big.port();
      browser(test).get(blogUrl + "/box?big&results=3");
      SearchContext box = box();
      typeAndWait(box, "crab");

      WebElement all = waitFor(d -> box.findElement(By.cssSelector("a[part~=all]")));
      assertThat(all.getText()).isEqualTo("All 1000+ results for “crab”");
      String heard =
          waitFor(
              d -> {
                String said =
                    box.findElement(By.cssSelector("[aria-live]")).getDomProperty("textContent");
                return said == null || said.isEmpty() ? null : said;
              });
      assertThat(heard).isEqualTo("More than 1000 results");
      all.click();
      waitFor(ExpectedConditions.urlToBe(bigUrl + "/search?q=crab"));
      assertThat(driver.findElement(By.id("summary")).getText())
          .isEqualTo("1005 results for crab"); // the page counts every match
    }
  }

  @Test
  void atPhoneWidthThePanelShowsFourResultsWithoutScrolling(TestInfo test) throws IOException {
    browser(test);
    HeadlessChrome.phone(driver, 400, 800);
    driver.get(blogUrl + "/box");
    SearchContext box = box();
    typeAndWait(box, "dev log");

    WebElement list = box.findElement(By.cssSelector("[role=listbox]"));
    Object whole =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const list = arguments[0].getBoundingClientRect();"
                    + " return [...arguments[1]].filter(t => {"
                    + "   const r = t.getBoundingClientRect();"
                    + "   return r.top >= list.top && r.bottom <= list.bottom"
                    + "     && r.bottom <= innerHeight; }).length;",
                list,
                titles(box));
    assertThat(((Number) whole).intValue()).isGreaterThanOrEqualTo(4);
    HeadlessChrome.screenshot(driver, screenshots().resolve("embed-box-phone.png"));
  }

  @Test
  void theBoxShowsEachSnippetsTextWithItsMatchesMarked(TestInfo test) throws Exception {
    JsonObject first =
        api("/api/search?q=kubernetes").getAsJsonArray("results").get(0).getAsJsonObject();
    browser(test).get(blogUrl + "/box");
    SearchContext box = box();
    typeAndWait(box, "kubernetes");

    WebElement snip = box.findElement(By.cssSelector("[role=option] .snip"));
    assertThat(snip.getDomProperty("textContent"))
        .isEqualTo(first.get("snippetText").getAsString());
    List<WebElement> marks = box.findElements(By.cssSelector(".snip mark"));
    assertThat(marks)
        .isNotEmpty()
        .allSatisfy(
            m -> assertThat(m.getDomProperty("textContent")).startsWithIgnoringCase("kubernet"));
  }

  @Test
  void aSectionThatWouldRepeatItsResultsSnippetShowsItsHeadingAlone(TestInfo test)
      throws Exception {
    JsonObject answer = api("/api/search?q=kubernetes");
    String repeated = null;
    for (JsonElement r : answer.getAsJsonArray("results")) {
      for (JsonElement s : r.getAsJsonObject().getAsJsonArray("sections")) {
        if (s.getAsJsonObject().get("snippet").equals(r.getAsJsonObject().get("snippet"))) {
          repeated = s.getAsJsonObject().get("url").getAsString();
        }
      }
    }
    assertThat(repeated).as("a section of the example whose snippet is its result's").isNotNull();
    browser(test).get(blogUrl + "/box");
    SearchContext box = box();
    typeAndWait(box, "kubernetes");

    String href = blogUrl + repeated; // site-relative: the blog serves it
    WebElement section =
        waitFor(
            d ->
                box.findElements(By.cssSelector("a.sec")).stream()
                    .filter(a -> href.equals(a.getDomProperty("href")))
                    .findFirst()
                    .orElse(null));
    assertThat(section.findElements(By.cssSelector(".snip"))).isEmpty();
    assertThat(box.findElements(By.cssSelector("a.sec .snip"))).isNotEmpty();
  }

  @Test
  void theBoxWritesDatesAsTheSearchPageDoes(TestInfo test) throws IOException {
    browser(test).get(archiveUrl + "/search?q=nixos");
    String onPage = driver.findElement(By.cssSelector(".hit .meta time")).getText();
    driver.get(blogUrl + "/box");
    SearchContext box = box();
    typeAndWait(box, "nixos");

    String inBox = box.findElement(By.cssSelector("[role=option] time")).getText();
    assertThat(inBox).isEqualTo(onPage).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}");
  }

  @Test
  void relatedEntriesAreListedOnThePageAndTheirLinksLand(TestInfo test) throws Exception {
    browser(test).get(blogUrl + "/box");
    SearchContext related =
        waitFor(d -> d.findElement(By.cssSelector("archive-related")).getShadowRoot());
    List<WebElement> links =
        waitFor(
            d -> {
              List<WebElement> found = related.findElements(By.cssSelector("nav li a"));
              return found.isEmpty() ? null : found;
            });
    JsonObject expected = api("/api/related?url=/posts/2022/kubernetes-at-home.html");

    assertThat(related.findElement(By.cssSelector("h2")).getText()).isEqualTo("Related entries");
    assertThat(links).hasSize(expected.getAsJsonArray("related").size());
    assertThat(links.get(0).getDomProperty("href"))
        .isEqualTo(
            blogUrl
                + expected
                    .getAsJsonArray("related")
                    .get(0)
                    .getAsJsonObject()
                    .get("url")
                    .getAsString());
    links.get(0).click();
    waitFor(d -> !d.getCurrentUrl().endsWith("/box"));
    assertThat(HeadlessChrome.status(driver)).isEqualTo(200);
  }

  @Test
  void theBoxOnABlogPage(TestInfo test) throws IOException {
    browser(test).get(blogUrl + "/box");
    SearchContext box = box();
    typeAndWait(box, "kubernetes");
    new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
    HeadlessChrome.screenshot(driver, screenshots().resolve("embed-box-on-a-blog.png"));
    assertThat(input(box).getDomAttribute("aria-activedescendant")).isNotNull();
  }

  private static Path screenshots() {
    return HeadlessChrome.screenshots();
  }
}
