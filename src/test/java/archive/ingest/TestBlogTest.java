package archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.TestBlog.Request;
import archive.parse.HtmlLinks;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The crawler tests' blog serves what they count on: its entries, discovery files and traps. */
@Timeout(30)
class TestBlogTest {

  private static TestBlog blog;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    blog = TestBlog.start();
  }

  @AfterAll
  static void stop() {
    blog.close();
  }

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(blog.root().resolve(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void homePageLinksEveryEntryEveryTrapAndTheFeed() throws Exception {
    HttpResponse<byte[]> home = get("/");
    PageLinks links = new HtmlLinks().find(home.body(), "utf-8");
    assertThat(links.links()).containsAll(blog.entryPaths());
    assertThat(links.links())
        .contains(TestBlog.DISALLOWED, TestBlog.NOINDEX, TestBlog.HUGE, TestBlog.OFF_SITE);
    assertThat(links.feeds()).containsExactly("/feed.xml");
    assertThat(blog.entryPaths())
        .hasSizeGreaterThan(30)
        .contains("/2023/05/moving-to-nixos/", "/posts/2021/dev-log-12/")
        .doesNotContain("/posts/"); // the list page of the posts is not an entry
  }

  @Test
  void entriesAnswerConditionalRequestsWithNotModified() throws Exception {
    String path = blog.entryPaths().get(0);
    HttpResponse<byte[]> first = get(path);
    assertThat(first.statusCode()).isEqualTo(200);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
    List<Request> seen = blog.requests();
    assertThat(seen.get(seen.size() - 1).headers().get("If-none-match")).containsExactly(etag);
  }

  @Test
  void trapsAreWhatTheirNamesSay() throws Exception {
    assertThat(new String(get("/robots.txt").body())).contains("Disallow: /private/");
    assertThat(get(TestBlog.BROKEN).statusCode()).isEqualTo(500);
    assertThat(get(TestBlog.REDIRECTED).statusCode()).isEqualTo(301);
    assertThat(get(TestBlog.NOT_HTML).headers().firstValue("Content-Type"))
        .hasValue("application/pdf");
    PageLinks duplicate = new HtmlLinks().find(get(TestBlog.DUPLICATE).body(), null);
    assertThat(duplicate.canonical()).endsWith(blog.entryForRedirects());
    assertThat(new HtmlLinks().find(get(TestBlog.NOINDEX).body(), null).noindex()).isTrue();
    assertThat(get("/sitemap-posts.xml.gz").body()).startsWith(0x1f, 0x8b);
  }

  @Test
  void sitemapsAndFeedNameEveryEntryInScopeAndNothingElse() throws Exception {
    CrawlScope scope = new CrawlScope(blog.root().toString(), List.of());
    Sitemap index =
        new SitemapReader().read(new ByteArrayInputStream(get("/sitemap_index.xml").body()));
    assertThat(index.kind()).isEqualTo(Sitemap.Kind.INDEX);
    String child = index.entries().get(0).url();
    Sitemap posts =
        new SitemapReader().read(new ByteArrayInputStream(get(URI.create(child).getPath()).body()));
    Feed feed = new FeedLinks().read(new ByteArrayInputStream(get("/feed.xml").body()));
    for (List<FoundUrl> found : List.of(posts.entries(), feed.items())) {
      List<String> paths =
          found.stream()
              .map(f -> scope.normalise(f.url(), blog.root()).orElseThrow())
              .filter(scope::inScope)
              .map(URI::getPath)
              .toList();
      assertThat(paths).containsExactlyElementsOf(blog.entryPaths());
    }
    assertThat(posts.problems()).isEmpty();
    assertThat(feed.problems()).isEmpty();
  }

  @Test
  void robotsTxtKeepsCrawlersOutOfThePrivateFolderOnlyAndNamesTheSitemap() throws Exception {
    RobotsTxt robots = RobotsTxt.parse(new String(get("/robots.txt").body()), "archive-indexer");
    assertThat(robots.allowed(TestBlog.DISALLOWED)).isFalse();
    assertThat(blog.entryPaths()).allMatch(robots::allowed);
    assertThat(robots.sitemaps()).containsExactly(blog.root() + "sitemap_index.xml");
  }

  @Test
  void removedEntryIsGoneAndNoLongerLinked() throws Exception {
    try (TestBlog other = TestBlog.start()) {
      String path = other.entryPaths().get(1);
      other.remove(path);
      HttpResponse<byte[]> gone =
          http.send(
              HttpRequest.newBuilder(other.root().resolve(path)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(gone.statusCode()).isEqualTo(404);
      assertThat(other.entryPaths()).doesNotContain(path);
    }
  }
}
