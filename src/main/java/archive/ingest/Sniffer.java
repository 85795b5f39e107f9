package archive.ingest;

import java.util.Optional;

/**
 * Tells binary files from text by their first {@value #HEAD_BYTES} bytes. It looks at the bytes a
 * reader has already read: a walk of the folder opens no file, so that a run with nothing changed
 * reads nothing.
 */
public final class Sniffer {

  /** How much of a file is looked at: enough for any magic number. */
  public static final int HEAD_BYTES = 8 * 1024;

  private Sniffer() {}

  /**
   * Returns why a file with this content cannot be read as text, such as {@code "binary file (PNG
   * image)"}, or empty if it looks like text. Only the first {@value #HEAD_BYTES} bytes count.
   */
  public static Optional<String> notText(byte[] content) {
    return notText(content, Math.min(content.length, HEAD_BYTES));
  }

  /**
   * Classifies the first {@code length} bytes of {@code head}: a known magic number wins; a UTF-16
   * byte order mark means text, because UTF-16 is full of NUL bytes; UTF-16 without one is named as
   * such, with what to do, rather than called binary, which its author knows it is not; otherwise
   * any NUL byte means binary.
   */
  private static Optional<String> notText(byte[] head, int length) {
    for (Signature signature : Signature.values()) {
      if (signature.matches(head, length)) {
        return Optional.of(BINARY + signature.kind + ")");
      }
    }
    if (startsWithUtf16Bom(head, length)) {
      return Optional.empty();
    }
    if (looksLikeUtf16(head, length)) {
      return Optional.of(
          "UTF-16 text without a byte order mark; save it as UTF-8 (or as UTF-16 with a BOM)");
    }
    return containsNul(head, length)
        ? Optional.of(BINARY + "contains NUL bytes)")
        : Optional.empty();
  }

  private static final String BINARY = "binary file (";

  /**
   * Mostly Latin UTF-16 without a BOM: every other byte is NUL, always at the same one of the two
   * places in a pair. Random bytes have NULs at both.
   */
  private static boolean looksLikeUtf16(byte[] head, int length) {
    int pairs = length / 2;
    int evenNuls = 0;
    int oddNuls = 0;
    for (int i = 0; i + 1 < length; i += 2) {
      evenNuls += head[i] == 0 ? 1 : 0;
      oddNuls += head[i + 1] == 0 ? 1 : 0;
    }
    return pairs >= 2 && (evenNuls == 0) != (oddNuls == 0) && (evenNuls + oddNuls) * 2 >= pairs;
  }

  private static boolean startsWithUtf16Bom(byte[] head, int length) {
    if (length < 2) {
      return false;
    }
    int first = head[0] & 0xFF;
    int second = head[1] & 0xFF;
    return (first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE);
  }

  private static boolean containsNul(byte[] head, int length) {
    for (int i = 0; i < length; i++) {
      if (head[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** Magic numbers of the binaries most often found in a site folder. */
  private enum Signature {
    PDF("PDF document", "%PDF"),
    PNG("PNG image", "\u0089PNG"),
    GIF("GIF image", "GIF8"),
    JPEG("JPEG image", "\u00FF\u00D8\u00FF"),
    ZIP("ZIP archive", "PK\u0003\u0004"),
    GZIP("gzip data", "\u001F\u008B");

    final String kind;

    /** One char per byte (ISO-8859-1), so the table stays immutable and readable. */
    private final String prefix;

    Signature(String kind, String prefix) {
      this.kind = kind;
      this.prefix = prefix;
    }

    boolean matches(byte[] head, int length) {
      if (length < prefix.length()) {
        return false;
      }
      for (int i = 0; i < prefix.length(); i++) {
        if ((head[i] & 0xFF) != prefix.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
