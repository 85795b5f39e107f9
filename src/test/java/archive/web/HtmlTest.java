package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void textIsEscapedForContentAndForAttributesInEitherQuote() {
    assertThat(Html.text("<b onclick=\"x()\" title='y'>Tom & Jerry</b>"))
        .isEqualTo("&lt;b onclick=&quot;x()&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/b&gt;");
  }

  @Test
  void textKeepsEveryOtherCharacterAsItIs() {
    assertThat(Html.text("café 日本語 😀 a\u00a0b  two spaces\n"))
        .isEqualTo("café 日本語 😀 a\u00a0b  two spaces\n");
  }

  @Test
  void textTurnsCharactersHtmlMayNotHoldIntoSpaces() {
    assertThat(Html.text("bell\u0007 lone\ud800 escape\u001b[2J"))
        .isEqualTo("bell  lone  escape [2J");
  }

  @Test
  void escapedEntitiesInTheTextAreEscapedAgain() {
    assertThat(Html.text("&#34; &quot; &amp;")).isEqualTo("&amp;#34; &amp;quot; &amp;amp;");
  }
}
