package archive.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates in sitemaps and feeds. W3C datetimes ({@code 2024}, {@code 2024-05}, {@code
 * 2024-05-01}, {@code 2024-05-01T10:00+02:00}, with optional seconds and fraction) are read
 * leniently: a space may stand for {@code T}, the offset may be {@code +0200} or missing (UTC is
 * assumed). RSS dates are RFC 1123 ({@code Wed, 01 May 2024 10:00:00 GMT}).
 */
final class W3cDates {

  private static final Pattern W3C =
      Pattern.compile(
          "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
              + "\\s*([Zz]|[+-]\\d{2}(?::?\\d{2})?)?)?)?)?");

  private W3cDates() {}

  /** Parses a W3C datetime; empty when {@code text} is not one or names an impossible date. */
  static Optional<Instant> parse(String text) {
    Matcher m = W3C.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              number(m.group(2), 1),
              number(m.group(3), 1),
              number(m.group(4), 0),
              number(m.group(5), 0),
              number(m.group(6), 0),
              m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
      String offset = m.group(8) == null ? "Z" : m.group(8).toUpperCase(Locale.ROOT);
      return Optional.of(local.toInstant(ZoneOffset.of(offset)));
    } catch (DateTimeException e) {
      return Optional.empty(); // month 13, 31 February, offset +25:00
    }
  }

  /** Parses an RFC 1123 date as RSS uses it, or else a W3C datetime, which some feeds use. */
  static Optional<Instant> parseRss(String text) {
    return parseRfc1123(text).or(() -> parse(text));
  }

  /**
   * Parses an RFC 1123 date: an HTTP-date ({@code Retry-After}, {@code Last-Modified}) or an RSS
   * date, {@code Wed, 01 May 2024 10:00:00 GMT}.
   */
  static Optional<Instant> parseRfc1123(String text) {
    try {
      return Optional.of(
          ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int number(@Nullable String digits, int absent) {
    return digits == null ? absent : Integer.parseInt(digits);
  }
}
