package archive.parse;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a source path says about an entry when nothing inside the file does. */
final class FileNames {

  private static final Pattern JEKYLL_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})-(.*)");
  private static final Pattern PATH_DATE =
      Pattern.compile("(?:^|/)((?:19|20)\\d{2})/(\\d{1,2})/(?:(\\d{1,2})/)?");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-+]+");

  private FileNames() {}

  /**
   * The file name as words: extension and a Jekyll date prefix dropped, {@code _ - .} turned into
   * spaces ({@code dev_log_12.md} gives {@code dev log 12}); an {@code index} file takes its
   * folder's name. Never blank.
   */
  static String words(String relativePath) {
    String stem = stem(relativePath);
    if (stem.equals("index") || stem.equals("_index")) {
      String dir = relativePath.substring(0, Math.max(0, relativePath.lastIndexOf('/')));
      stem = dir.isEmpty() ? "home" : stem(dir);
    }
    Matcher jekyll = JEKYLL_DATE.matcher(stem);
    if (jekyll.matches() && !jekyll.group(4).isBlank()) {
      stem = jekyll.group(4);
    }
    String words = SEPARATORS.matcher(stem).replaceAll(" ").strip();
    return words.isEmpty() ? stem(relativePath) : words;
  }

  /** The date of a Jekyll-style name such as {@code 2021-06-15-some-title.md}, in range. */
  static Optional<LocalDate> jekyllDate(String relativePath) {
    Matcher m = JEKYLL_DATE.matcher(stem(relativePath));
    if (!m.matches()) {
      return Optional.empty();
    }
    return LenientDates.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
  }

  /**
   * The date in a {@code /yyyy/mm/dd/} path, or the first of the month for {@code /yyyy/mm/}: a
   * month-precise date still serves year and range filters, which most readers search by.
   */
  static Optional<LocalDate> pathDate(String relativePath) {
    Matcher m = PATH_DATE.matcher(relativePath);
    if (!m.find()) {
      return Optional.empty();
    }
    String day = m.group(3) == null ? "1" : m.group(3);
    return LenientDates.parse(m.group(1) + "-" + m.group(2) + "-" + day);
  }

  /** The last path segment without its extension. */
  static String stem(String relativePath) {
    String path =
        relativePath.endsWith("/")
            ? relativePath.substring(0, relativePath.length() - 1)
            : relativePath;
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
