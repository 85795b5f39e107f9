package archive.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnifferTest {

  @ParameterizedTest(name = "{1}")
  @MethodSource("binaries")
  void aKnownBinaryIsNamed(String start, String reason) {
    assertThat(Sniffer.notText(bytes(start))).contains(reason);
  }

  static Stream<Arguments> binaries() {
    return Stream.of(
        Arguments.of("<p>ok</p>\0\0\0 then junk", "binary file (contains NUL bytes)"),
        Arguments.of("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", "binary file (PNG image)"),
        Arguments.of("%PDF-1.7\n%\u00e2\u00e3", "binary file (PDF document)"),
        Arguments.of("GIF89a\u0001\u0000", "binary file (GIF image)"),
        Arguments.of("\u00ff\u00d8\u00ff\u00e0", "binary file (JPEG image)"),
        Arguments.of("PK\u0003\u0004rest", "binary file (ZIP archive)"),
        Arguments.of("\u001f\u008b\u0008", "binary file (gzip data)"));
  }

  @Test
  void anEmptyFileIsText() {
    assertThat(Sniffer.notText(new byte[0])).isEmpty();
  }

  @Test
  void looksForNulBytesOnlyInTheFirst8KB() {
    byte[] content = new byte[Sniffer.HEAD_BYTES + 100];
    Arrays.fill(content, (byte) 'a');
    content[Sniffer.HEAD_BYTES + 10] = 0;

    assertThat(Sniffer.notText(content)).isEmpty();

    content[Sniffer.HEAD_BYTES - 1] = 0;
    assertThat(Sniffer.notText(content)).contains("binary file (contains NUL bytes)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%PD", "\u0089PN", "GIF", "\u00ff\u00d8", "PK\u0003"})
  void aTruncatedMagicNumberIsNotAMatch(String start) {
    assertThat(Sniffer.notText(bytes(start))).isEmpty();
  }

  @Test
  void aUtf8ByteOrderMarkDoesNotExcuseNulBytes() {
    assertThat(Sniffer.notText(bytes("\u00ef\u00bb\u00bf<p>\u0000</p>")))
        .contains("binary file (contains NUL bytes)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16BE", "UTF-16LE"})
  void utf16WithAByteOrderMarkIsText(String charset) throws Exception {
    byte[] html = "\uFEFF<!doctype html><p>Grüße</p>".getBytes(charset);

    assertThat(Sniffer.notText(html)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16BE", "UTF-16LE"})
  void utf16WithoutAByteOrderMarkSaysHowToSaveIt(String charset) throws Exception {
    // It was called a binary file, which its author can see it is not (issue 10, hostile files).
    assertThat(Sniffer.notText("<p>hi</p>".getBytes(charset)))
        .contains(
            "UTF-16 text without a byte order mark; save it as UTF-8 (or as UTF-16 with a BOM)");
  }

  /** One byte per char, so binary headers read as written. */
  private static byte[] bytes(String latin1) {
    return latin1.getBytes(ISO_8859_1);
  }
}
