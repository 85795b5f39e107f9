package archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import archive.parse.HtmlLinks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Visits single pages of {@link TestBlog} as {@code archive show URL} does. */
@ExtendWith(TestBlog.Serving.class)
@Timeout(60)
class PageVisitTest {

  private TestBlog blog;

  @BeforeEach
  void start(TestBlog blog) {
    this.blog = blog;
  }

  private PageVisit visit(String path) throws InterruptedException {
    return SiteCrawl.of(blog.root().resolve(path).toString()).visitStart(new HtmlLinks());
  }

  @Test
  void anEntryIsFetchedAfterRobotsTxtAndNothingElseIs() throws Exception {
    String entry = blog.entryPaths().get(0);

    PageVisit visit = visit(entry);

    assertThat(visit.page()).isNotNull();
    assertThat(visit.page().path()).isEqualTo(entry);
    assertThat(new String(visit.page().html(), StandardCharsets.UTF_8)).contains("<body");
    assertThat(blog.requestedPaths()).containsExactly("/robots.txt", entry);
  }

  @Test
  void theHomePageIsFetchedWithoutItsFeedsSitemapsOrLinks() throws Exception {
    PageVisit visit = visit("/");

    assertThat(visit.page()).isNotNull();
    assertThat(blog.requestedPaths()).containsExactly("/robots.txt", "/");
  }

  @Test
  void aPageRobotsTxtDisallowsIsSkippedUnfetched() throws Exception {
    PageVisit visit = visit(TestBlog.DISALLOWED);

    assertThat(visit.skipReason()).isEqualTo("disallowed by robots.txt");
    assertThat(blog.requestedPaths()).containsExactly("/robots.txt");
  }

  @Test
  void aRedirectIntoTheDisallowedFolderIsNotFollowed() throws Exception {
    PageVisit visit = visit(TestBlog.TO_DISALLOWED);

    assertThat(visit.skipReason()).endsWith(TestBlog.DISALLOWED + ", disallowed by robots.txt");
    assertThat(blog.requestedPaths()).doesNotContain(TestBlog.DISALLOWED);
  }

  @Test
  void aRedirectIsFollowedToThePageItEndsAt() throws Exception {
    PageVisit visit = visit(TestBlog.REDIRECTED);

    assertThat(visit.url()).isEqualTo(blog.root().resolve(TestBlog.REDIRECTED));
    assertThat(visit.page()).isNotNull();
    assertThat(visit.page().url().getPath()).isIn(blog.entryPaths());
  }

  @Test
  void aPageThatSaysNoindexIsSkipped() throws Exception {
    assertThat(visit(TestBlog.NOINDEX).skipReason()).isEqualTo("noindex");
  }

  @Test
  void aCopyNamesItsCanonicalAddress() throws Exception {
    assertThat(visit(TestBlog.DUPLICATE).skipReason()).startsWith("a copy of " + blog.root());
  }

  @Test
  void aServerErrorOrAMissingPageIsAFailure() throws Exception {
    assertThat(visit(TestBlog.BROKEN).failure()).isEqualTo("HTTP 500");
    assertThat(visit("/no/such/page/").failure()).isEqualTo("gone (HTTP 404 or 410)");
  }

  @Test
  void nothingIsFetchedWhenRobotsTxtCannotBeRead() throws Exception {
    blog.fail("/robots.txt");

    PageVisit visit = visit(blog.entryPaths().get(0));

    assertThat(visit.failure())
        .startsWith("robots.txt could not be read (HTTP 500")
        .endsWith("so the page may not be fetched");
    assertThat(blog.requestedPaths()).containsExactly("/robots.txt");
  }

  @Test
  void aVisitHasExactlyOneOutcome() {
    URI url = URI.create("http://127.0.0.1/");
    assertThatThrownBy(() -> new PageVisit(url, null, "noindex", "HTTP 500"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PageVisit(url, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
