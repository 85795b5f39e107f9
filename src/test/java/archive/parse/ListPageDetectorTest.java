package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListPageDetectorTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "_index.md",
        "posts/_index.md",
        "page/2/index.html",
        "blog/page/12/index.html",
        "tags/index.html",
        "tags/java/index.html",
        "blog/tag/ci.html",
        "categories/ops/index.html",
        "category/ops.html",
        "archive/index.html",
        "archives/2021/index.html",
        "index2.html",
        "author/0x7df.html",
        "authors.html",
        "tags.html",
        "Archive.html",
        "blog/categories.md",
        "index.html",
        "index.md"
      })
  void recognisesListPaths(String path) {
    assertThat(ListPageDetector.isListPath(path)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "posts/index.html",
        "2021/06/18/dev-log-12/index.html",
        "posts/tags-i-use.md",
        "notes/page.html",
        "page/about.html",
        "posts/page/intro.html",
        "dev_log_12.md",
        "posts/archive-format.md",
        "posts/index2.html",
        "posts/indexing-notes.html"
      })
  void leavesEntryPathsAlone(String path) {
    assertThat(ListPageDetector.isListPath(path)).isFalse();
  }

  @Test
  void findsContentThatIsMostlyLinks() {
    Element content =
        Jsoup.parse(
                "<ul>"
                    + "<li><a href=/1>First long post title here</a></li>"
                    + "<li><a href=/2>Second long post title here</a></li>"
                    + "<li><a href=/3>Third long post title here</a></li>"
                    + "<li><a href=/4>Fourth long post title here</a></li>"
                    + "<li><a href=/5>Fifth long post title here</a> 2021</li>"
                    + "</ul>")
            .body();
    assertThat(ListPageDetector.isMostlyLinks(content)).isTrue();
  }

  @Test
  void keepsProseWithManyLinksAsAnEntry() {
    StringBuilder html = new StringBuilder("<p>");
    for (int i = 0; i < 6; i++) {
      html.append(
          "A sentence of ordinary prose that goes on for a while, then <a href=/x>a link</a>. ");
    }
    assertThat(ListPageDetector.isMostlyLinks(Jsoup.parse(html.toString()).body())).isFalse();
  }

  @Test
  void needsSeveralLinksBeforeCallingItAList() {
    Element content = Jsoup.parse("<p><a href=/a>Only</a> <a href=/b>two links</a></p>").body();
    assertThat(ListPageDetector.isMostlyLinks(content)).isFalse();
  }

  private static final String PROSE =
      "<p>A paragraph of real prose, with commas, clauses, and enough length to count.</p>";

  private static boolean listContent(String html, boolean titled) {
    Element body = Jsoup.parse("<html><body>" + html + "</body></html>").body();
    return ListPageDetector.isListContent(body, ProseMap.of(body), titled);
  }

  @Test
  void severalArticlesSideBySideAreAList() {
    String teaser = "<article><h2>Post</h2>" + PROSE + "</article>";
    assertThat(listContent(teaser.repeat(3), true)).isTrue();
  }

  @Test
  void linkedHeadingsMakeAListOnlyOnAPageWithoutATitleOfItsOwn() {
    String item = "<div><h3><a href=/p>A post</a></h3>" + PROSE + "</div>";
    assertThat(listContent(item.repeat(3), false)).isTrue();
    assertThat(listContent(item.repeat(3), true)).isFalse();
  }

  @Test
  void anEntryFullOfLinksWithProseAroundThemIsNoList() {
    String item = "<li><a href=/a>A link to somewhere else entirely</a></li>";
    String links = "<ul>" + item.repeat(8) + "</ul>";
    assertThat(listContent(links, true)).isTrue();
    assertThat(listContent(links + PROSE.repeat(8), true)).isFalse();
  }
}
