package archive.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as RFC 3986 has it, for every stage that writes or reads a URL: UTF-8 octets,
 * upper-case hex, and {@code +} a plus sign (unlike a form-encoded query string).
 */
public final class PercentEncoding {

  /**
   * What a path segment may hold raw: RFC 3986's unreserved characters besides letters and digits.
   */
  public static final String UNRESERVED = "-._~";

  /** What a path may hold raw besides the unreserved: sub-delimiters, {@code : @ /}. */
  public static final String PATH_EXTRAS = "!$&'()*+,;=:@/";

  /** What a whole path may hold raw. */
  public static final String PATH = UNRESERVED + PATH_EXTRAS;

  private static final String HEX = "0123456789ABCDEF";

  private PercentEncoding() {}

  /** Text with every octet of its UTF-8 form escaped but ASCII letters, digits and {@code keep}. */
  public static String encode(String text, String keep) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || keep.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        appendEscape(out, c);
      }
    }
    return out.toString();
  }

  /** Appends one octet as {@code %XX}. */
  public static void appendEscape(StringBuilder out, int octet) {
    out.append('%').append(HEX.charAt(octet >> 4 & 0xf)).append(HEX.charAt(octet & 0xf));
  }

  /**
   * Text with its percent-escapes decoded as UTF-8.
   *
   * @throws IllegalArgumentException on a malformed escape or octets that are not UTF-8
   */
  public static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("a % that starts no escape: " + raw);
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("escapes that are not UTF-8: " + raw, e);
    }
  }
}
