package archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Crawls {@link TestBlog}, the example dev log published on 127.0.0.1 with its traps. */
@ExtendWith(TestBlog.Serving.class)
@Timeout(60)
class CrawlerTest {

  private TestBlog blog;

  @BeforeEach
  void start(TestBlog blog) {
    this.blog = blog;
  }

  private CollectedCrawl crawl(Map<URI, Revisit> previous) throws Exception {
    return crawl(previous, Crawler.MAX_DEPTH);
  }

  /** A crawl whose one-second timeout the slow page outlasts. */
  private CollectedCrawl crawl(Map<URI, Revisit> previous, int maxDepth) throws Exception {
    return CollectedCrawl.of(blog.root(), previous, Duration.ofSeconds(1), maxDepth);
  }

  /** The entries a crawl indexes: all but the one that says noindex. */
  private List<String> indexable() {
    List<String> entries = new ArrayList<>(blog.entryPaths());
    assertThat(entries.remove(TestBlog.BUILT_NOINDEX)).isTrue();
    return entries;
  }

  private static List<String> paths(List<Skip> skips, String reasonStart) {
    List<String> paths = new ArrayList<>();
    for (Skip skip : skips) {
      if (skip.reason().startsWith(reasonStart)) {
        paths.add(URI.create(skip.path()).getPath());
      }
    }
    return paths;
  }

  @Test
  void findsEveryEntryAndFallsIntoNoTrap() throws Exception {
    CollectedCrawl scan = crawl(Map.of());

    List<String> expected = new ArrayList<>(indexable());
    expected.add("/"); // the home page is a page too; the parse stage calls it a list
    assertThat(scan.pages)
        .extracting(CrawledPage::path)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(paths(scan.skipped, "disallowed by robots.txt"))
        .containsExactly(TestBlog.DISALLOWED);
    assertThat(paths(scan.skipped, "noindex"))
        .containsExactlyInAnyOrder(TestBlog.NOINDEX, TestBlog.BUILT_NOINDEX);
    assertThat(paths(scan.skipped, "a copy of")).containsExactly(TestBlog.DUPLICATE);
    assertThat(paths(scan.skipped, "redirects to"))
        .containsExactlyInAnyOrder(TestBlog.REDIRECTED, TestBlog.TO_DISALLOWED);
    assertThat(paths(scan.skipped, "larger than")).containsExactly(TestBlog.HUGE);
    assertThat(paths(scan.skipped, "not an HTML page"))
        .containsExactly(TestBlog.NOT_HTML); // a built page links the feed, read as a feed only
    assertThat(paths(scan.failed, ""))
        .containsExactlyInAnyOrder(TestBlog.LOOP, TestBlog.BROKEN, TestBlog.SLOW);
    assertThat(scan.totals.incomplete()).isEmpty();
    assertThat(scan.toString()).doesNotContain("other.invalid");
    // Nothing is fetched twice: not the end of the redirect chain, crawled on its own, nor the feed
    // a built page links.
    assertThat(blog.requestedPaths())
        .doesNotContain(TestBlog.DISALLOWED)
        .doesNotHaveDuplicates()
        .startsWith("/robots.txt")
        .contains("/sitemap_index.xml", "/sitemap-posts.xml.gz", "/feed.xml");
  }

  @Test
  void recrawlDoesNotRequestPagesWhoseSitemapLastmodHasNotMoved() throws Exception {
    CollectedCrawl first = crawl(Map.of());
    String edited = blog.entryPaths().get(2);
    blog.edit(edited, "<p>A paragraph added later.</p>");
    int before = blog.requests().size();

    CollectedCrawl second = crawl(first.revisits);

    List<String> others = new ArrayList<>(blog.entryPaths());
    others.remove(edited);
    assertThat(second.unchanged)
        .extracting(URI::getPath)
        .containsExactlyInAnyOrderElementsOf(others);
    assertThat(second.pages).extracting(CrawledPage::path).containsExactlyInAnyOrder("/", edited);
    CrawledPage page = second.pages.stream().filter(p -> p.path().equals(edited)).findFirst().get();
    assertThat(new String(page.html(), StandardCharsets.UTF_8)).contains("added later");
    assertThat(second.totals.notRequested()).isEqualTo(others.size());
    List<String> again =
        blog.requestedPaths().subList(before, blog.requests().size()).stream()
            .filter(blog.entryPaths()::contains)
            .toList();
    // The redirect chain stops short of its end, which the sitemap names.
    assertThat(again).containsExactly(edited);
  }

  @Test
  void recrawlAsksWhetherPagesChangedAndFollowsTheLinksOfThoseThatDidNot() throws Exception {
    CollectedCrawl first = crawl(Map.of());
    Map<URI, Revisit> withoutLastmod = new HashMap<>();
    first.revisits.forEach(
        (url, r) -> withoutLastmod.put(url, new Revisit(r.validators(), r.links(), null)));
    int before = blog.requests().size();

    CollectedCrawl second = crawl(withoutLastmod);

    assertThat(second.unchanged)
        .extracting(URI::getPath)
        .containsExactlyInAnyOrderElementsOf(blog.entryPaths());
    assertThat(second.pages).extracting(CrawledPage::path).containsExactly("/"); // no ETag
    assertThat(second.totals.notModified()).isEqualTo(blog.entryPaths().size());
    assertThat(second.totals.notRequested()).isZero();
    List<TestBlog.Request> again = blog.requests().subList(before, blog.requests().size());
    assertThat(again)
        .filteredOn(r -> blog.entryPaths().contains(r.path()))
        .hasSize(blog.entryPaths().size())
        .allSatisfy(r -> assertThat(r.headers()).containsKey("If-none-match"));
  }

  @Test
  void pageThatFailsLeadsWhereItsLinksLedLastTime() throws Exception {
    CollectedCrawl first = crawl(Map.of());
    blog.fail("/"); // the only page that links to the traps

    CollectedCrawl second = crawl(first.revisits);

    assertThat(paths(second.failed, "HTTP 500")).containsExactlyInAnyOrder("/", TestBlog.BROKEN);
    assertThat(paths(second.skipped, "noindex")).contains(TestBlog.NOINDEX);
    assertThat(paths(second.skipped, "a copy of")).containsExactly(TestBlog.DUPLICATE);
  }

  @Test
  void linksBeyondTheDepthLimitMakeTheCrawlIncomplete() throws Exception {
    // One link deep: the home page's links, and the sitemap's pages, but none of their links.
    CollectedCrawl shallow = crawl(Map.of(), 1);

    assertThat(shallow.totals.incomplete())
        .singleElement()
        .asString()
        .endsWith(" links more than 1 deep were not followed");
    // Every entry is still found: the sitemap names each one.
    assertThat(shallow.pages).extracting(CrawledPage::path).containsAll(indexable());
  }

  @Test
  void pageTakenOffTheSiteIsNoLongerFound() throws Exception {
    String removed = blog.entryPaths().get(3);
    blog.remove(removed);
    CollectedCrawl scan = crawl(Map.of());
    assertThat(scan.pages).extracting(CrawledPage::path).doesNotContain(removed);
    assertThat(scan.totals.incomplete()).isEmpty();
  }
}
