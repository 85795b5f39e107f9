package archive.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Turns the bytes of a Markdown file into clean text, and cleans text taken from HTML: NFC, LF line
 * endings, no control characters other than newline and tab.
 */
final class SourceText {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /**
   * Decoded text and where UTF-8 decoding failed.
   *
   * @param text the cleaned text
   * @param badUtf8Line the 1-based line of the first byte that is not UTF-8, or 0 when all was
   */
  record Decoded(String text, int badUtf8Line) {}

  private SourceText() {}

  /**
   * Decodes UTF-16 when a byte order mark says so, else strict UTF-8 after a BOM, falling back to
   * windows-1252; then cleans the text.
   */
  static Decoded decode(byte[] bytes) {
    Charset utf16 = utf16(bytes);
    if (utf16 != null) {
      return new Decoded(clean(new String(bytes, 2, bytes.length - 2, utf16)), 0);
    }
    int start = hasUtf8Bom(bytes) ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = lineAt(bytes, in.position());
      String text = new String(bytes, start, bytes.length - start, WINDOWS_1252);
      return new Decoded(clean(text), line);
    }
    decoder.flush(out);
    return new Decoded(clean(out.flip().toString()), 0);
  }

  /**
   * NFC, CRLF and CR to LF, and control characters other than {@code \n} and {@code \t} dropped.
   */
  static String clean(String text) {
    String nfc =
        Normalizer.isNormalized(text, Normalizer.Form.NFC)
            ? text
            : Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder sb = null;
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      boolean keep = c == '\n' || c == '\t' || !Character.isISOControl(c);
      if (keep && sb == null) {
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(nfc.length()).append(nfc, 0, i);
      }
      if (c == '\r') {
        if (i + 1 >= nfc.length() || nfc.charAt(i + 1) != '\n') {
          sb.append('\n');
        }
      } else if (keep) {
        sb.append(c);
      }
    }
    return sb == null ? nfc : sb.toString();
  }

  /**
   * The 1-based line of the first byte sequence that is not UTF-8 (overlongs and surrogates
   * included), or 0 when all of it is UTF-8. Allocates nothing, for the HTML charset check.
   */
  static int badUtf8Line(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int extra = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : 3;
      if ((b >= 0x80 && (b < 0xC2 || b > 0xF4)) || !continuationsOk(bytes, i, extra)) {
        return lineAt(bytes, i);
      }
      i += extra + 1;
    }
    return 0;
  }

  private static boolean continuationsOk(byte[] bytes, int start, int extra) {
    if (start + extra >= bytes.length) {
      return extra == 0;
    }
    for (int k = 1; k <= extra; k++) {
      if ((bytes[start + k] & 0xC0) != 0x80) {
        return false;
      }
    }
    int b0 = bytes[start] & 0xFF;
    int b1 = extra > 0 ? bytes[start + 1] & 0xFF : 0;
    boolean overlongOrSurrogate =
        (b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F) || (b0 == 0xF0 && b1 < 0x90);
    return !overlongOrSurrogate && !(b0 == 0xF4 && b1 > 0x8F);
  }

  /** UTF-16 in the byte order its BOM gives, or null without one (editors on Windows write it). */
  private static @Nullable Charset utf16(byte[] bytes) {
    if (bytes.length < 2) {
      return null;
    }
    if (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF ? StandardCharsets.UTF_16BE : null;
  }

  private static boolean hasUtf8Bom(byte[] bytes) {
    return bytes.length >= 3
        && bytes[0] == (byte) 0xEF
        && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF;
  }

  private static int lineAt(byte[] bytes, int position) {
    int line = 1;
    for (int i = 0; i < position && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
