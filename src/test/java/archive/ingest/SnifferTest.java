package archive.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnifferTest {

  @TempDir Path dir;

  @Test
  void aShortTextFileAfterABinaryOneIsStillText() throws IOException {
    Sniffer sniffer = new Sniffer();
    Path binary = Files.write(dir.resolve("a.html"), new byte[Sniffer.HEAD_BYTES]);
    Path text = Files.writeString(dir.resolve("b.html"), "<p>hi</p>", ISO_8859_1);

    assertThat(sniffer.notText(binary)).contains("binary file (contains NUL bytes)");
    assertThat(sniffer.notText(text)).isEmpty();
  }

  @Test
  void readsNoMoreThanTheFirst8KB() throws IOException {
    Path big = Files.write(dir.resolve("big.md"), new byte[1024 * 1024]);
    AtomicLong bytesRead = new AtomicLong();
    Sniffer sniffer = new Sniffer(file -> counting(Files.newInputStream(file), bytesRead));

    sniffer.notText(big);

    assertThat(bytesRead).hasValue(Sniffer.HEAD_BYTES);
  }

  @Test
  void anEmptyFileIsText() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.md"));

    assertThat(new Sniffer().notText(empty)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"%PD", "\u0089PN", "GIF", "\u00ff\u00d8", "PK\u0003", "\u001f"})
  void aTruncatedMagicNumberIsNotAMatch(String start) {
    byte[] head = new byte[Sniffer.HEAD_BYTES];
    byte[] prefix = start.getBytes(ISO_8859_1);
    System.arraycopy(prefix, 0, head, 0, prefix.length);
    // Zeros beyond the length are stale buffer, not file content.
    assertThat(Sniffer.notText(head, prefix.length)).isEmpty();
  }

  @Test
  void aUtf8ByteOrderMarkDoesNotExcuseNulBytes() {
    byte[] head = "\u00ef\u00bb\u00bf<p>\u0000</p>".getBytes(ISO_8859_1);

    assertThat(Sniffer.notText(head, head.length)).contains("binary file (contains NUL bytes)");
  }

  private static InputStream counting(InputStream in, AtomicLong bytesRead) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        bytesRead.addAndGet(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        bytesRead.addAndGet(Math.max(n, 0));
        return n;
      }
    };
  }
}
