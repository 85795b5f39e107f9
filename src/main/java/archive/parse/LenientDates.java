package archive.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates bloggers write, in the many shapes they write them, as the local date the author
 * meant: a time or an offset after the date is ignored, never used to shift the day.
 *
 * <p>Accepted: {@code 2021-1-8}, ISO dates with an optional time and offset ({@code T} or space,
 * {@code Z}, {@code -04:00}, {@code -0500}), {@code 2021/06/18}, {@code 20210618}, {@code June 18,
 * 2021}, {@code 18 Jun 2021}, RFC 1123 with a weekday, and epoch seconds or milliseconds (read in
 * UTC). Dates before 1990 or after tomorrow are rejected as typos.
 */
final class LenientDates {

  private static final int FIRST_YEAR = 1990;

  private static final Pattern NUMERIC =
      Pattern.compile(
          "(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})"
              + "(?:[T ]\\s*\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?"
              + "\\s*(?:Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[A-Z]{3,4})?)?");
  private static final Pattern BASIC = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern EPOCH = Pattern.compile("\\d{9,10}|\\d{12,13}");
  private static final String WEEKDAY = "(?:[A-Za-z]{3,9}\\.?,?\\s+)?";
  private static final String TIME_TAIL = "(?:,?\\s+(?:at\\s+)?\\d{1,2}:\\d{2}.*)?";
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          WEEKDAY
              + "(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})"
              + TIME_TAIL);
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          WEEKDAY + "([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME_TAIL);
  private static final String[] MONTHS = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december"
  };

  private LenientDates() {}

  /** The date in a string, if it is one of the accepted shapes and in the accepted range. */
  static Optional<LocalDate> parse(@Nullable String text) {
    return parseAnyYear(text).filter(LenientDates::inRange);
  }

  /**
   * The date in a value from front matter: a string, a number of epoch seconds, or a Java date/time
   * object.
   */
  static Optional<LocalDate> fromValue(@Nullable Object value) {
    return fromValueAnyYear(value).filter(LenientDates::inRange);
  }

  /** Like {@link #fromValue} but without the range check, to tell a typo from a non-date. */
  static Optional<LocalDate> fromValueAnyYear(@Nullable Object value) {
    if (value instanceof Number number) {
      return parseAnyYear(Long.toString(number.longValue()));
    }
    if (value instanceof TemporalAccessor temporal) {
      return fromTemporal(temporal);
    }
    if (value instanceof Date date) {
      return Optional.of(LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC));
    }
    return value instanceof String text ? parseAnyYear(text) : Optional.empty();
  }

  /** Whether a date is in the accepted range: 1990-01-01 to tomorrow (UTC). */
  static boolean inRange(LocalDate date) {
    return date.getYear() >= FIRST_YEAR && !date.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1));
  }

  static Optional<LocalDate> parseAnyYear(@Nullable String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.isEmpty() || s.length() > 64) {
      return Optional.empty();
    }
    Matcher m = NUMERIC.matcher(s);
    if (m.matches()) {
      return date(m.group(1), m.group(3), m.group(4));
    }
    return otherShapes(s);
  }

  private static Optional<LocalDate> otherShapes(String s) {
    Matcher m = BASIC.matcher(s);
    if (m.matches()) {
      return date(m.group(1), m.group(2), m.group(3));
    }
    if (EPOCH.matcher(s).matches()) {
      long n = Long.parseLong(s);
      Instant instant = s.length() > 10 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
      return Optional.of(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }
    m = DAY_MONTH_YEAR.matcher(s);
    if (m.matches()) {
      return named(m.group(3), m.group(2), m.group(1));
    }
    m = MONTH_DAY_YEAR.matcher(s);
    if (m.matches()) {
      return named(m.group(3), m.group(1), m.group(2));
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> named(String year, String monthName, String day) {
    int month = month(monthName);
    return month == 0 ? Optional.empty() : date(year, Integer.toString(month), day);
  }

  /** 1..12 for an English month name or its abbreviation of three or more letters, else 0. */
  private static int month(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("sept")) {
      return 9;
    }
    for (int i = 0; i < MONTHS.length; i++) {
      if (lower.length() >= 3 && MONTHS[i].startsWith(lower)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static Optional<LocalDate> date(String year, String month, String day) {
    try {
      return Optional.of(
          LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException e) {
      return Optional.empty(); // 2021-02-30 and the like: not a date
    }
  }

  private static Optional<LocalDate> fromTemporal(TemporalAccessor temporal) {
    if (temporal instanceof LocalDate date) {
      return Optional.of(date);
    }
    if (temporal instanceof LocalDateTime dateTime) {
      return Optional.of(dateTime.toLocalDate());
    }
    if (temporal instanceof OffsetDateTime dateTime) {
      return Optional.of(dateTime.toLocalDate());
    }
    if (temporal instanceof ZonedDateTime dateTime) {
      return Optional.of(dateTime.toLocalDate());
    }
    if (temporal instanceof Instant instant) {
      return Optional.of(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }
    return Optional.empty();
  }
}
