package archive.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code Allow} or {@code Disallow} line of a robots.txt group, split at its {@code *}
 * wildcards, with its literal parts in the canonical percent-encoding of {@link #canonical}.
 *
 * @param allow whether a match allows the path (else it disallows it)
 * @param literals the canonical text between wildcards; never empty, the first is a prefix
 * @param anchored whether the pattern ended in {@code $}, so the last literal must end the path
 * @param length the pattern's length in canonical octets, wildcards and anchor included (RFC 9309
 *     §2.2.2: the most specific, i.e. longest, matching rule wins)
 */
record RobotsRule(boolean allow, List<String> literals, boolean anchored, int length) {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  // RFC 3986 unreserved and reserved characters; every other octet is compared percent-encoded.
  private static final String LITERAL_PUNCTUATION = "-._~:/?#[]@!$&'()*+,;=";

  RobotsRule {
    literals = List.copyOf(literals);
    if (literals.isEmpty()) {
      throw new IllegalArgumentException("a rule needs at least one literal part");
    }
    if (length < 0) {
      throw new IllegalArgumentException("length < 0: " + length);
    }
  }

  /**
   * Compiles one rule value as written in robots.txt. An empty value is no rule (RFC 9309: {@code
   * Disallow:} with nothing after it allows all), and so is one that starts with neither {@code /}
   * nor {@code *}, which the RFC's grammar does not allow.
   */
  static Optional<RobotsRule> of(boolean allow, String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (!pattern.startsWith("/") && !pattern.startsWith("*")) {
      return Optional.empty();
    }
    boolean anchored = pattern.endsWith("$");
    String body = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
    List<String> literals = new ArrayList<>();
    int length = anchored ? 1 : 0;
    for (String part : body.split("\\*", -1)) {
      String literal = canonical(part);
      literals.add(literal);
      length += literal.length();
    }
    length += literals.size() - 1; // one octet per '*'
    return Optional.of(new RobotsRule(allow, literals, anchored, length));
  }

  /** Whether this rule's pattern matches the whole of, or a prefix of, a canonical path. */
  boolean matches(String path) {
    String first = literals.get(0);
    if (!path.startsWith(first)) {
      return false;
    }
    int end = first.length();
    int last = literals.size() - 1;
    for (int i = 1; i < last; i++) {
      int found = path.indexOf(literals.get(i), end);
      if (found < 0) {
        return false;
      }
      end = found + literals.get(i).length();
    }
    if (last == 0) {
      return !anchored || end == path.length();
    }
    return endsWithAfter(path, literals.get(last), end);
  }

  private boolean endsWithAfter(String path, String tail, int from) {
    if (anchored) {
      return path.length() - tail.length() >= from && path.endsWith(tail);
    }
    return path.indexOf(tail, from) >= 0;
  }

  /**
   * Brings a path, or a literal part of a pattern, into one percent-encoding so that equal octets
   * compare equal (RFC 9309 §2.2.2): {@code %XX} of an RFC 3986 unreserved or reserved character is
   * decoded, every other octet (non-ASCII, controls, space, {@code %} itself) is written {@code
   * %XX} with upper-case hex. A {@code %} not followed by two hex digits stands for itself.
   */
  static String canonical(String text) {
    byte[] octets = text.getBytes(UTF_8);
    StringBuilder out = new StringBuilder(octets.length + 8);
    for (int i = 0; i < octets.length; i++) {
      int octet = octets[i] & 0xFF;
      if (octet == '%' && i + 2 < octets.length && isHex(octets[i + 1]) && isHex(octets[i + 2])) {
        octet = Character.digit(octets[i + 1], 16) * 16 + Character.digit(octets[i + 2], 16);
        i += 2;
      }
      append(out, octet);
    }
    return out.toString();
  }

  private static boolean isHex(byte octet) {
    return Character.digit(octet, 16) >= 0;
  }

  private static void append(StringBuilder out, int octet) {
    if (isLiteral(octet)) {
      out.append((char) octet);
    } else {
      out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xF]);
    }
  }

  private static boolean isLiteral(int octet) {
    return (octet >= 'a' && octet <= 'z')
        || (octet >= 'A' && octet <= 'Z')
        || (octet >= '0' && octet <= '9')
        || LITERAL_PUNCTUATION.indexOf(octet) >= 0;
  }
}
