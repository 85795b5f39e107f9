package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlSectionsTest {

  private static List<Section> sections(String html) {
    return HtmlSections.of(Jsoup.parseBodyFragment(html).body());
  }

  @Test
  void keepsLineBreaksInsidePre() {
    assertThat(sections("<p>x</p><pre>a  b\n  c</pre><p>y  z</p>").get(0).text())
        .isEqualTo("x\na  b\n  c\ny z");
  }

  @Test
  void doesNotBreakLinesAtInlineElements() {
    assertThat(
            sections("<p>one <em>two</em> <a href=/x>three</a><code>()</code></p>").get(0).text())
        .isEqualTo("one two three()");
  }

  @Test
  void separatesListItemsAndParagraphs() {
    assertThat(sections("<ul><li>a</li><li>b</li></ul><p>c</p><div>d</div>").get(0).text())
        .isEqualTo("a\nb\nc\nd");
  }

  @Test
  void dropsPermalinkMarksFromHeadings() {
    assertThat(sections("<h2 id=x>Title <a href=#x>#</a></h2><h3>Other ¶</h3>"))
        .extracting(Section::heading, Section::anchor)
        .containsExactly(tuple("Title", "x"), tuple("Other", ""));
  }

  @Test
  void treatsFifthLevelHeadingsAsText() {
    assertThat(sections("<h2>A</h2><h5>small</h5><p>t</p>"))
        .extracting(Section::heading, Section::text)
        .containsExactly(tuple("A", "small\nt"));
  }

  @Test
  void startsARunInOnlyAtATopLevelParagraph() {
    assertThat(
            sections(
                "<p><b>Note:</b> top</p><blockquote><p><b>Quoted</b> no</p></blockquote>"
                    + "<p>Text <b>mid</b></p>"))
        .extracting(Section::heading, Section::level, Section::text)
        .containsExactly(tuple("Note", 5, "top\nQuoted no\nText mid"));
  }

  @Test
  void dropsTheCommaAfterARunIn() {
    assertThat(sections("<p><strong>Out of the Tar Pit</strong>, the paper.</p>"))
        .extracting(Section::heading, Section::text)
        .containsExactly(tuple("Out of the Tar Pit", "the paper."));
  }

  @Test
  void takesTheAnchorOfAWrappingSectionOnlyForItsFirstHeading() {
    assertThat(sections("<section id=s><h2>First</h2><p>x</p><h3>Second</h3></section>"))
        .extracting(Section::anchor)
        .containsExactly("s", "");
  }
}
