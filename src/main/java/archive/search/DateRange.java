package archive.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day, month or year typed in a qualifier: {@code 2021}, {@code 2021-06}, {@code 2021-6-18}.
 *
 * @param first its first day
 * @param end the day after its last day
 */
public record DateRange(LocalDate first, LocalDate end) {

  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

  /** The range a value names, or empty when it is not a date of that shape. */
  public static Optional<DateRange> parse(String value) {
    Matcher m = DATE.matcher(value);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(2) == null) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return Optional.of(new DateRange(first, first.plusYears(1)));
      }
      int month = Integer.parseInt(m.group(2));
      if (m.group(3) == null) {
        LocalDate first = LocalDate.of(year, month, 1);
        return Optional.of(new DateRange(first, first.plusMonths(1)));
      }
      LocalDate day = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
      return Optional.of(new DateRange(day, day.plusDays(1)));
    } catch (DateTimeException e) {
      return Optional.empty(); // 2021-13 or 2021-02-30: not a date, reported by the caller
    }
  }
}
