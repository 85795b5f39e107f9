package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {

  @Test
  void stripsTheUtf8Bom() {
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
    assertThat(SourceText.decode(bytes)).isEqualTo(new SourceText.Decoded("hi", 0));
  }

  @Test
  void fallsBackToWindows1252AndNamesTheLine() {
    byte[] bytes = "one\ntwo caf\u00e9\n".getBytes(SourceText.WINDOWS_1252);
    SourceText.Decoded decoded = SourceText.decode(bytes);
    assertThat(decoded.text()).isEqualTo("one\ntwo caf\u00e9\n");
    assertThat(decoded.badUtf8Line()).isEqualTo(2);
  }

  @Test
  void normalisesToNfc() {
    String decomposed = "Cafe\u0301";
    assertThat(SourceText.clean(decomposed)).isEqualTo("Caf\u00e9");
  }

  @Test
  void turnsCrLfAndCrIntoLf() {
    assertThat(SourceText.clean("a\r\nb\rc\n")).isEqualTo("a\nb\nc\n");
  }

  @Test
  void dropsControlCharactersButKeepsTabsAndNewlines() {
    assertThat(SourceText.clean("a\u0000b\u0007c\td\n\u009fe")).isEqualTo("abc\td\ne");
  }

  @Test
  void returnsCleanTextUnchanged() {
    String clean = "already clean\n";
    assertThat(SourceText.clean(clean)).isSameAs(clean);
  }

  @Test
  void findsTheFirstLineThatIsNotUtf8() {
    assertThat(SourceText.badUtf8Line("ok ✓ 日本\n".getBytes(StandardCharsets.UTF_8))).isZero();
    assertThat(SourceText.badUtf8Line(new byte[] {'a', '\n', 'b', (byte) 0xE9, 'c'})).isEqualTo(2);
    assertThat(SourceText.badUtf8Line(new byte[] {(byte) 0xC0, (byte) 0x80})).isEqualTo(1);
    assertThat(SourceText.badUtf8Line(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
        .isEqualTo(1);
    assertThat(SourceText.badUtf8Line(new byte[] {'x', (byte) 0xE2, (byte) 0x9C})).isEqualTo(1);
  }
}
