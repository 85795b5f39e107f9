package archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.SiteCrawl;
import archive.parse.ParseOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawled blog whose pages put the site's name before their own title, with no heading to say
 * which part is which ({@code <title>Lyceum &#151 dev log 55</title>}, as a home-made generator
 * publishes them): the crawl learns the name from the pages' titles, as indexing the folder does.
 */
class CrawledSiteNameTest {

  @TempDir Path indexDir;
  private HttpServer server;
  private final Map<String, String> pages = new HashMap<>();

  @BeforeEach
  void serve() throws IOException {
    StringBuilder home = new StringBuilder("<html><head><title>Lyceum</title></head><body>");
    for (int n = 50; n < 56; n++) {
      String path = "/devlog" + n + ".html";
      home.append("<p><a href=\"").append(path).append("\">dev log ").append(n).append("</a></p>");
      pages.put(
          path,
          "<html><head><title>Lyceum &#151 dev log "
              + n
              + "</title></head><body><p><b>Work</b> Spent the week "
              + "on the parser for entry "
              + n
              + ", which now reads every odd date the old posts use.</p>"
              + "<p>More words about the week, so that the page has prose of its own.</p>"
              + "</body></html>");
    }
    pages.put("/", home.append("</body></html>").toString());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String page = pages.get(exchange.getRequestURI().getPath());
      byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Map<String, String> crawlTitles() throws IOException {
    String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    SiteCrawl crawl = new SiteCrawl(root, List.of(), 0, Duration.ofSeconds(5));
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      indexer.crawl(crawl, ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
    Map<String, String> titles = new TreeMap<>();
    try (FSDirectory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      StoredFields stored = reader.storedFields();
      for (int i = 0; i < reader.maxDoc(); i++) {
        String path = stored.document(i).get(Fields.PATH);
        String title = stored.document(i).get(Fields.TITLE);
        if (path != null && title != null) {
          titles.put(path, title);
        }
      }
    }
    return titles;
  }

  @Test
  void theSiteNameBeforeEveryTitleIsLearnedAndTakenOut() throws IOException {
    Map<String, String> titles = crawlTitles();

    assertThat(titles)
        .containsEntry("/devlog50.html", "dev log 50")
        .containsEntry("/devlog55.html", "dev log 55");
  }

  @Test
  void aSecondCrawlKeepsTheNameTheFirstLearned() throws IOException {
    Map<String, String> first = crawlTitles();
    Map<String, String> second = crawlTitles();

    assertThat(second).isEqualTo(first).containsEntry("/devlog52.html", "dev log 52");
  }
}
