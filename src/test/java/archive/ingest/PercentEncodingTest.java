package archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

  @Test
  void aPathKeepsItsSlashesAndSubDelimitersAndEscapesTheRestAsUtf8() {
    assertThat(PercentEncoding.encode("posts/2021/café & tea+100%.md", PercentEncoding.PATH))
        .isEqualTo("posts/2021/caf%C3%A9%20&%20tea+100%25.md");
  }

  @Test
  void aSegmentEscapesSlashesAndEverythingButUnreservedCharacters() {
    assertThat(PercentEncoding.encode("machine learning/c++", PercentEncoding.UNRESERVED))
        .isEqualTo("machine%20learning%2Fc%2B%2B");
  }

  @Test
  void decodingReversesEncodingAndKeepsPlusAPlus() {
    String text = "Émile's 日本 a+b/c d";
    assertThat(PercentEncoding.decode(PercentEncoding.encode(text, ""))).isEqualTo(text);
    assertThat(PercentEncoding.decode("a+b")).isEqualTo("a+b");
  }

  @Test
  void malformedEscapesAndBytesThatAreNotUtf8AreRefused() {
    assertThatThrownBy(() -> PercentEncoding.decode("100%"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PercentEncoding.decode("%zz"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PercentEncoding.decode("%C3%28"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sha256IsTheHashOfThePartsTogether() {
    assertThat(Sha256.hex("ab".getBytes(), "c".getBytes()))
        .isEqualTo(Sha256.hex("abc".getBytes()))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
