package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MainContentTest {

  private static final String PROSE =
      "<p>A paragraph of real prose, with commas, clauses, and enough length to count.</p>";

  private static Element find(String bodyHtml) {
    return MainContent.find(Jsoup.parse("<html><body>" + bodyHtml + "</body></html>"));
  }

  @Test
  void prefersTheArchiveBodyMarkerOverEverythingElse() {
    Element content = find("<article>a</article><main><div data-archive-body id=x>b</div></main>");
    assertThat(content.id()).isEqualTo("x");
  }

  @Test
  void acceptsThePagefindBodyMarker() {
    assertThat(find("<main>m</main><div data-pagefind-body id=p>b</div>").id()).isEqualTo("p");
  }

  @Test
  void takesTheOnlyArticleBeforeMain() {
    assertThat(find("<main id=m><article id=a>x</article></main>").id()).isEqualTo("a");
  }

  @Test
  void ignoresArticlesNestedInAnArticleWhenCounting() {
    assertThat(find("<article id=outer><article>comment</article></article>").id())
        .isEqualTo("outer");
  }

  @Test
  void takesTheArticleWithTheH1WhenThereAreSeveral() {
    Element content =
        find("<article id=a><h2>Related</h2></article><article id=b><h1>Post</h1></article>");
    assertThat(content.id()).isEqualTo("b");
  }

  @Test
  void fallsBackToMainWhenSeveralArticlesHaveNoH1() {
    assertThat(find("<main id=m><article>a</article><article>b</article></main>").id())
        .isEqualTo("m");
  }

  @Test
  void takesRoleMainWithoutAMainElement() {
    assertThat(find("<div role=main id=r>x</div>").id()).isEqualTo("r");
  }

  @Test
  void scoresBlocksByTextWhenThereIsNoMarkup() {
    String links = "<p><a href=/a>a long link that fills a sidebar paragraph, with commas</a></p>";
    Element content =
        find(
            "<div class=sidebar id=side>"
                + links
                + links
                + links
                + "</div>"
                + "<div class=entry-content id=text>"
                + PROSE
                + PROSE
                + PROSE
                + "</div>"
                + "<div class=comments id=comments>"
                + PROSE
                + "</div>");
    assertThat(content.id()).isEqualTo("text");
  }

  @Test
  void fallsBackToBodyWhenNoBlockScoresEnough() {
    Document doc = Jsoup.parse("<html><body><div><p>short</p></div></body></html>");
    assertThat(MainContent.find(doc)).isSameAs(doc.body());
  }

  @Test
  void weighsClassNamesUpAndDown() {
    Element post = Jsoup.parse("<div class='post'></div>").selectFirst("div");
    Element ad = Jsoup.parse("<div class='ad-slot'></div>").selectFirst("div");
    Element header = Jsoup.parse("<div class='header'></div>").selectFirst("div");
    assertThat(MainContent.classWeight(post)).isGreaterThan(MainContent.classWeight(header));
    assertThat(MainContent.classWeight(ad)).isLessThan(MainContent.classWeight(header));
  }
}
