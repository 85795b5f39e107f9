package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.PageLinks;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlLinksTest {

  private static PageLinks find(String html) {
    return new HtmlLinks().find(html.getBytes(StandardCharsets.UTF_8), "utf-8");
  }

  @Test
  void linksAreReadInPageOrderOnceEach() {
    PageLinks page =
        find(
            "<p><a href='/b'>b</a> <a href=' /a '>a</a> <a href='/b'>b again</a>"
                + "<map><area href='/c'></map> <a>no href</a> <a href=''>empty</a>");
    assertThat(page.links()).containsExactly("/b", "/a", "/c");
  }

  @Test
  void linksMarkedNofollowAreLeftOut() {
    PageLinks page = find("<a href='/kept'>k</a> <a rel='external NoFollow' href='/ad'>ad</a>");
    assertThat(page.links()).containsExactly("/kept");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<meta name='robots' content='nofollow'>",
        "<meta name='ROBOTS' content='index, NOFOLLOW'>",
        "<meta name='robots' content='none'>",
        "<meta name='archive-indexer' content='nofollow'>"
      })
  void pageThatSaysNofollowHasNoLinksToFollow(String meta) {
    assertThat(find(meta + "<a href='/x'>x</a>").links()).isEmpty();
  }

  @Test
  void robotsMetaForAnotherCrawlerIsNotOurs() {
    PageLinks page = find("<meta name='googlebot' content='noindex, nofollow'><a href='/x'>x</a>");
    assertThat(page.links()).containsExactly("/x");
    assertThat(page.noindex()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<meta name='robots' content='noindex'>",
        "<meta name='robots' content='NoIndex, follow'>",
        "<meta name='robots' content='none'>",
        "<meta name='archive-indexer' content='noindex'>"
      })
  void noindexIsReadFromRobotsMetaForEveryoneOrForUs(String meta) {
    PageLinks page = find(meta + "<a href='/x'>x</a>");
    assertThat(page.noindex()).isTrue();
  }

  @Test
  void canonicalFeedsAndBaseAreRead() {
    PageLinks page =
        find(
            "<head><base href='https://blog.example.org/sub/'>"
                + "<link rel='stylesheet' href='/s.css'>"
                + "<link rel='Canonical' href=' https://blog.example.org/post/ '>"
                + "<link rel='alternate' type='application/rss+xml' href='/feed.xml'>"
                + "<link rel='alternate' type='application/atom+xml; charset=utf-8' href='/atom'>"
                + "<link rel='alternate' hreflang='de' type='text/html' href='/de/'>"
                + "</head><body>text</body>");
    assertThat(page.canonical()).isEqualTo("https://blog.example.org/post/");
    assertThat(page.feeds()).containsExactly("/feed.xml", "/atom");
    assertThat(page.base()).isEqualTo("https://blog.example.org/sub/");
    assertThat(page.noindex()).isFalse();
  }

  @Test
  void pageWithoutThemHasNoCanonicalFeedsOrBase() {
    PageLinks page = find("<p>plain");
    assertThat(page.canonical()).isNull();
    assertThat(page.feeds()).isEmpty();
    assertThat(page.base()).isNull();
  }

  @Test
  void charsetTheServerNamedIsUsedAndAnUnknownOneIsDetectedInstead() {
    byte[] latin1 = "<a href='/caf\u00e9'>x</a>".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(new HtmlLinks().find(latin1, "iso-8859-1").links()).containsExactly("/caf\u00e9");
    byte[] utf8 = "<a href='/caf\u00e9'>x</a>".getBytes(StandardCharsets.UTF_8);
    assertThat(new HtmlLinks().find(utf8, "no-such-charset").links()).containsExactly("/caf\u00e9");
    assertThat(new HtmlLinks().find(utf8, null).links()).containsExactly("/caf\u00e9");
  }

  @Test
  void garbageIsAPageWithoutLinksNotAFailure() {
    byte[] garbage = {0, (byte) 0xff, '<', '<', 'a', ' ', 'h', 'r', 'e', 'f', '='};
    assertThat(new HtmlLinks().find(garbage, null).links()).isEmpty();
  }
}
