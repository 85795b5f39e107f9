package archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crawls of sites of a few pages, each built for one case {@link TestBlog} does not have. Pages
 * carry an ETag and answer 304 when asked with it; robots.txt and sitemaps are 404s.
 */
@Timeout(30)
class SmallSiteCrawlTest {

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private String sitemapType = "application/xml";

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Serves {@code pages} (path to HTML) and {@code redirects} (path to path) on 127.0.0.1. */
  private URI serve(Map<String, String> pages, Map<String, String> redirects) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> answer(exchange, pages, redirects));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void answer(
      HttpExchange exchange, Map<String, String> pages, Map<String, String> redirects)
      throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
      requests.add(path + (asked == null ? "" : " if-none-match"));
      if (redirects.containsKey(path)) {
        exchange.getResponseHeaders().set("Location", redirects.get(path));
        exchange.sendResponseHeaders(301, -1);
        return;
      }
      String html = pages.get(path);
      if (html == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String etag = "\"" + Integer.toHexString(html.hashCode()) + "\"";
      exchange.getResponseHeaders().set("ETag", etag);
      if (etag.equals(asked)) {
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      byte[] body = html.getBytes(StandardCharsets.UTF_8);
      String type =
          html.startsWith("<?xml")
              ? "application/rss+xml"
              : path.equals("/sitemap.xml") ? sitemapType : "text/html; charset=utf-8";
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static CollectedCrawl crawl(URI root, Map<URI, Revisit> previous) throws Exception {
    return CollectedCrawl.of(
        root, previous, FetchPolicy.defaults().requestTimeout(), Crawler.MAX_DEPTH);
  }

  private static String page(String canonical, String title) {
    return "<!doctype html><html><head>"
        + (canonical == null ? "" : "<link rel=\"canonical\" href=\"" + canonical + "\">")
        + "<title>"
        + title
        + "</title></head><body><article><h1>"
        + title
        + "</h1><p>"
        + title
        + " has words of its own.</p></article></body></html>";
  }

  @Test
  void pagesNamingEachOtherCanonicalAreNotBothSkipped() throws Exception {
    URI root =
        serve(
            Map.of(
                "/", "<a href=\"/a/\">a</a> <a href=\"/b/\">b</a>",
                "/a/", page("/b/", "Page A"),
                "/b/", page("/a/", "Page B")),
            Map.of());

    CollectedCrawl crawl = crawl(root, Map.of());

    assertThat(crawl.skipped)
        .singleElement()
        .satisfies(skip -> assertThat(skip.reason()).startsWith("a copy of"));
    assertThat(crawl.pages)
        .extracting(CrawledPage::path)
        .hasSize(2)
        .contains("/")
        .containsAnyOf("/a/", "/b/");
    assertThat(crawl.pages).allSatisfy(p -> assertThat(p.canonical()).isEqualTo(p.url()));
  }

  @Test
  void pageReachedOnlyThroughARedirectIsAskedWhetherItChanged() throws Exception {
    // A link without its trailing slash, as people write them; the server adds it.
    URI root =
        serve(
            Map.of("/", "<a href=\"/moved\">moved</a>", "/moved/", page(null, "Moved")),
            Map.of("/moved", "/moved/"));
    CollectedCrawl first = crawl(root, Map.of());
    assertThat(first.pages).extracting(CrawledPage::path).containsExactly("/", "/moved/");
    requests.clear();

    CollectedCrawl second = crawl(root, first.revisits);

    assertThat(requests).contains("/moved", "/moved/ if-none-match");
    assertThat(second.unchanged).containsExactlyInAnyOrder(root, root.resolve("/moved/"));
    assertThat(second.pages).isEmpty();
    assertThat(second.totals.notModified()).isEqualTo(2);
  }

  @Test
  void feedThatRedirectsToAFeedAlreadyReadLeavesTheCrawlComplete() throws Exception {
    String rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<item><link>/post/</link></item></channel></rss>";
    URI root =
        serve(
            Map.of(
                "/",
                "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/index.xml\">"
                    + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed/\">",
                "/index.xml",
                rss,
                "/post/",
                page(null, "Post")),
            Map.of("/feed/", "/index.xml"));

    CollectedCrawl crawl = crawl(root, Map.of());

    assertThat(crawl.totals.incomplete()).isEmpty();
    assertThat(crawl.pages).extracting(CrawledPage::path).containsExactly("/", "/post/");
    assertThat(requests).containsOnlyOnce("/index.xml");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/html", "text/plain"})
  void htmlAnsweringAtSitemapXmlIsNoSitemapNotAnIncompleteCrawl(String type) throws Exception {
    // Many hosts answer any path, /sitemap.xml too, with a "not found" page and a 200.
    String notFound = "<!doctype html><title>Not found</title><p>Nothing here.";
    sitemapType = type;
    URI root =
        serve(
            Map.of(
                "/",
                "<a href=\"/post/\">post</a>",
                "/sitemap.xml",
                notFound,
                "/post/",
                page(null, "Post")),
            Map.of());

    CollectedCrawl crawl = crawl(root, Map.of());

    assertThat(requests).contains("/sitemap.xml");
    assertThat(crawl.totals.incomplete()).isEmpty();
    assertThat(crawl.pages).extracting(CrawledPage::path).containsExactly("/", "/post/");
  }

  @Test
  void feedThatIsAnHtmlPageIsNoFeedNotAnIncompleteCrawl() throws Exception {
    URI root =
        serve(
            Map.of(
                "/",
                "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed/\">",
                "/feed/",
                page(null, "Not a feed")),
            Map.of());

    assertThat(crawl(root, Map.of()).totals.incomplete()).isEmpty();
  }

  @Test
  void feedThatCannotBeReadMakesTheCrawlIncomplete() throws Exception {
    URI root =
        serve(
            Map.of("/", "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed/\">"),
            Map.of("/feed/", "/feed-2/", "/feed-2/", "/feed/"));

    assertThat(crawl(root, Map.of()).totals.incomplete())
        .singleElement()
        .asString()
        .startsWith("feed redirects in a loop");
  }
}
