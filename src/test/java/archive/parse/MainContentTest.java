package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

  private static MainContent.Roots roots(String bodyHtml) {
    Document doc = Jsoup.parse("<html><body>" + bodyHtml + "</body></html>");
    return MainContent.roots(doc, ProseMap.of(doc.body()));
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
  void takesTheBlockWhereTheProseIsNotTheSidebarOrTheLinks() {
    String links = "<p><a href=/a>a long link that fills a sidebar paragraph, with commas</a></p>";
    Element content =
        find(
            "<div class=sidebar id=side>"
                + links.repeat(3)
                + "</div>"
                + "<div class=entry-content id=text>"
                + PROSE.repeat(3)
                + "</div>"
                + "<div class=comments id=comments>"
                + PROSE
                + "</div>");
    assertThat(content.id()).isEqualTo("text");
  }

  @Test
  void aCommentThreadLongerThanTheEntryIsNotTheEntry() {
    Element content =
        find(
            "<div id=page><div class=post id=text><h1>Title</h1>"
                + PROSE
                + "</div><div id=comments class=comments-area>"
                + PROSE.repeat(6)
                + "</div></div>");
    assertThat(content.id()).isEqualTo("text");
  }

  @Test
  void skipsAnEmptyFirstMainForTheOneWithTheText() {
    Element content = find("<main id=first></main><main id=second><h1>T</h1>" + PROSE + "</main>");
    assertThat(content.id()).isEqualTo("second");
  }

  @Test
  void aWrapperWhoseClassSoundsLikeChromeStillHoldsTheEntry() {
    Element content =
        find(
            "<div class='box article modal-enabled' id=box><h1>T</h1>"
                + PROSE.repeat(3)
                + "</div><div class=footer-links>"
                + PROSE
                + "</div>");
    assertThat(content.id()).isEqualTo("box");
  }

  @Test
  void leavesOutArticlesYouMayAlsoLikeBesideATitledEntry() {
    String teaser = "<article><a href=/other>Other</a>" + PROSE.repeat(2) + "</article>";
    Element content =
        find(
            "<div id=primary><article id=entry><h1>Entry</h1>"
                + PROSE.repeat(2)
                + "</article><section id=also><h3>You may also like</h3>"
                + teaser.repeat(4)
                + "</section></div>");
    assertThat(content.id()).isEqualTo("entry");
  }

  @Test
  void takesTheMicrodataArticleBodyAmongBusierBlocks() {
    String news = "<div class=breaking>" + PROSE.repeat(5) + "</div>";
    MainContent.Roots roots =
        roots(
            news
                + "<div id=story><h1>T</h1><div itemprop=articleBody id=body>"
                + "Text without paragraphs, written straight into a division, long enough. "
                    .repeat(4)
                + "</div></div>"
                + news);
    assertThat(List.of(roots.text().id(), roots.root().id())).containsExactly("body", "story");
  }

  @Test
  void reachesUpFromTheTextToTheTitleHeading() {
    MainContent.Roots roots =
        roots(
            "<div class=post id=post><h1>Title</h1><div id=text>"
                + PROSE.repeat(3)
                + "</div></div>");
    assertThat(List.of(roots.text().id(), roots.root().id())).containsExactly("text", "post");
  }

  @Test
  void staysAboveASectionHeadingRatherThanLoseTheSection() {
    Element content =
        find(
            "<article id=a><h1>Notes</h1><h2>One</h2><div>"
                + PROSE.repeat(6)
                + "</div><h2>Two</h2><div><p>Short.</p></div></article>");
    assertThat(content.id()).isEqualTo("a");
  }

  @Test
  void neverNarrowsToASingleParagraph() {
    Element content =
        find("<article id=a><h1>T</h1><p>Short one.</p>" + PROSE.repeat(1) + "</article>");
    assertThat(content.id()).isEqualTo("a");
  }

  @Test
  void fallsBackToBodyWhenNothingIsProseOrMarkedUp() {
    Document doc = Jsoup.parse("<html><body><div><p>short</p></div></body></html>");
    assertThat(MainContent.find(doc)).isSameAs(doc.body());
  }

  @Test
  void aTagCloudIsNoProseEvenWhenItIsLong() {
    String cloud = "<span>tag</span> <span>other</span> ".repeat(60);
    Element content =
        find(
            "<article id=post><h1>T</h1><p>A short post, with a sentence.</p></article>"
                + "<div class=sidebar-like><div>"
                + cloud
                + "</div></div>");
    assertThat(content.id()).isEqualTo("post");
  }

  @Test
  void neverNarrowsToACodeListingThatOutweighsTheProse() {
    String code =
        "<pre>" + "let value = compute(input, options); // a long line of code\n".repeat(20);
    Element content =
        find(
            "<article id=a><h1>T</h1>"
                + PROSE
                + "<figure><table><tr><td>"
                + code
                + "</pre></td></tr></table></figure>"
                + PROSE
                + "</article>");
    assertThat(content.id()).isEqualTo("a");
  }
}
