package archive.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The one way pages show a date: a {@code <time>} element with readable text. */
final class Dates {

  private static final DateTimeFormatter READABLE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private Dates() {}

  /** {@code 14 Feb 2022}. */
  static String readable(LocalDate date) {
    return date.format(READABLE);
  }

  /** {@code <time datetime="2022-02-14">14 Feb 2022</time>}. */
  static String time(LocalDate date) {
    return "<time datetime=\"" + date + "\">" + readable(date) + "</time>";
  }
}
