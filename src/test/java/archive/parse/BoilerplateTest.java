package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BoilerplateTest {

  private static final String PROSE =
      "<p>A paragraph of real prose, with commas, clauses, and enough length to count.</p>";

  private static String prunedText(String contentHtml, boolean listPage) {
    Document doc = Jsoup.parse("<html><body><div id=c>" + contentHtml + "</div></body></html>");
    Element content = doc.getElementById("c");
    Boilerplate.prune(content, ProseMap.of(doc.body()), listPage);
    return content.text();
  }

  private static boolean chromeByName(String tagHtml) {
    return Boilerplate.named(Jsoup.parse(tagHtml).body().child(0)) != Boilerplate.Name.NONE;
  }

  @Test
  void dropsShareButtonsBylinesAndCaptionsButKeepsTheProse() {
    String text =
        prunedText(
            "<div class=byline>By A. Writer</div><div class='share-bar'><a href=/tw>Tweet</a></div>"
                + "<figure><img src=a.png><figcaption>Photo: an agency</figcaption></figure>"
                + PROSE,
            false);
    assertThat(text)
        .contains("A paragraph of real prose")
        .doesNotContain("Writer", "Tweet", "Photo");
  }

  @Test
  void dropsAListOfLinksToOtherPagesInsideAnEntry() {
    String text =
        prunedText(
            PROSE
                + "<ul><li><a href=/a>Another story people read today</a></li>"
                + "<li><a href=/b>And one more story to click on</a></li></ul>",
            false);
    assertThat(text).contains("real prose").doesNotContain("Another story", "one more story");
  }

  @Test
  void aListPageKeepsItsLinks() {
    String text =
        prunedText(
            "<ul><li><a href=/a>First post</a></li><li><a href=/b>Second post</a></li></ul>", true);
    assertThat(text).contains("First post", "Second post");
  }

  @Test
  void keepsHeadingsThatLinkAndCodeBlocks() {
    String text =
        prunedText(
            "<h2 id=s><a href=#s>Setting up</a></h2>"
                + PROSE
                + "<h2><a href=/elsewhere>Linked heading</a></h2>"
                + "<pre><code>make install</code></pre>",
            false);
    assertThat(text).contains("Setting up", "Linked heading", "make install");
  }

  @Test
  void inPageLinksDoNotMakeAParagraphALinkList() {
    String text =
        prunedText(
            "<p>See <a href=#notes>the notes further down this very long page</a> first.</p>",
            false);
    assertThat(text).contains("the notes further down");
  }

  @Test
  void hiddenPartsAreNotText() {
    String text =
        prunedText(
            PROSE
                + "<div hidden>secret one</div><div style='display: none'>secret two</div>"
                + "<div class=hidden>secret three</div><span class=hidden-xs>shown on desktops</span>",
            false);
    assertThat(text).doesNotContain("secret").contains("shown on desktops");
  }

  @Test
  void tellsChromeByItsClassOrIdWords() {
    assertThat(chromeByName("<div class='related-posts'></div>")).isTrue();
    assertThat(chromeByName("<div id=newsletter-signup></div>")).isTrue();
    assertThat(chromeByName("<div class='c-ad'></div>")).isTrue();
    assertThat(chromeByName("<ol class=comment-list></ol>")).isTrue();
    assertThat(chromeByName("<div class=shadow></div>")).isFalse();
    assertThat(chromeByName("<div class=loading></div>")).isFalse();
  }

  @Test
  void aContentNameWinsOverAChromeWordBesideIt() {
    assertThat(chromeByName("<div class='article__body article-overlay-handle'></div>")).isFalse();
    assertThat(chromeByName("<div class='entry-content sidebar-left'></div>")).isFalse();
    assertThat(chromeByName("<main class=sidebar></main>")).isFalse();
  }

  @Test
  void aParagraphThatIsOneLinkStaysPartOfTheEntry() {
    String text = prunedText(PROSE + "<h2>Links</h2><p><a href=/p/4602>Luogu P4602</a></p>", false);
    assertThat(text).contains("Luogu P4602");
  }

  @Test
  void linksWrittenOutAsAddressesAreText() {
    String text =
        prunedText(
            "<ul><li><a href=https://a.example/x>https://a.example/x</a></li>"
                + "<li><a href=https://b.example/y>https://b.example/y</a></li></ul>",
            false);
    assertThat(text).contains("https://a.example/x", "https://b.example/y");
  }

  @Test
  void keepsTheCodeButNotTheLineNumbersOfAHighlightedListing() {
    String text =
        prunedText(
            PROSE
                + "<figure class=highlight><table><tr><td class=gutter><pre>1\n2</pre></td>"
                + "<td class=code><pre><span class=meta>$</span> make <span class=tag>all</span>"
                + "</pre></td></tr></table></figure>",
            false);
    assertThat(text).contains("$ make all").doesNotContain("1 2");
  }

  @Test
  void tagAndCategoryLinksAreMetadataNotText() {
    String text =
        prunedText(PROSE + "<p><a href=/c/notes/ rel='category tag'>Notes</a></p>", false);
    assertThat(text).doesNotContain("Notes");
  }

  @Test
  void aHeadingOverWhatWasTakenAwayGoesWithIt() {
    String text =
        prunedText(
            PROSE
                + "<h2>Setup</h2><h3>Step one</h3>"
                + PROSE
                + "<h3>Add comment</h3><form><input name=c></form>"
                + "<h2>All tags</h2><div class=tag-cloud><a href=/t/a>a</a> <a href=/t/b>b</a></div>",
            false);
    assertThat(text).contains("Setup", "Step one").doesNotContain("Add comment", "All tags");
  }
}
