package archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import archive.parse.HtmlLinks;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two pages that each name the other as their canonical address: one of them is indexed. */
@Timeout(30)
class CanonicalPairTest {

  private static String page(String canonical, String body) {
    return "<!doctype html><html><head><link rel=\"canonical\" href=\""
        + canonical
        + "\"><title>"
        + body
        + "</title></head><body><article><h1>"
        + body
        + "</h1><p>"
        + body
        + " has words of its own.</p></article></body></html>";
  }

  @Test
  void pagesNamingEachOtherCanonicalAreNotBothSkipped() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    Map<String, String> pages =
        Map.of(
            "/", "<a href=\"/a/\">a</a> <a href=\"/b/\">b</a>",
            "/a/", page("/b/", "Page A"),
            "/b/", page("/a/", "Page B"));
    server.createContext(
        "/",
        exchange -> {
          String html = pages.get(exchange.getRequestURI().getPath());
          byte[] body = (html == null ? "gone" : html).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      URI root = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      CrawlScope scope = new CrawlScope(root.toString(), List.of());
      FetchPolicy policy = FetchPolicy.defaults().withRequestsPerSecond(0);
      CollectedCrawl crawl = new CollectedCrawl();
      new Crawler(scope, new Fetcher(policy, scope::inScope), new HtmlLinks(), Map.of(), crawl)
          .crawl();

      assertThat(crawl.skipped)
          .singleElement()
          .satisfies(skip -> assertThat(skip.reason()).startsWith("a copy of"));
      assertThat(crawl.pages)
          .extracting(CrawledPage::path)
          .hasSize(2)
          .contains("/")
          .containsAnyOf("/a/", "/b/");
      assertThat(crawl.pages).allSatisfy(p -> assertThat(p.canonical()).isEqualTo(p.url()));
    } finally {
      server.stop(0);
    }
  }
}
