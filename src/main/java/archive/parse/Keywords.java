package archive.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a keywords list as pages write it: {@code a, b}, {@code "long-read", "essay"}, {@code
 * a;b}: items trimmed of spaces and of the quotes around them, empty items left out.
 */
final class Keywords {

  private static final Pattern SEPARATOR = Pattern.compile("[,;]");
  private static final String QUOTES = "\"'“”‘’«»";

  private Keywords() {}

  /** The items of a keywords list. */
  static List<String> split(String list) {
    List<String> items = new ArrayList<>();
    for (String raw : SEPARATOR.split(list)) {
      String item = unquoted(raw.strip());
      if (!item.isEmpty()) {
        items.add(item);
      }
    }
    return items;
  }

  private static String unquoted(String item) {
    int start = 0;
    int end = item.length();
    while (start < end && QUOTES.indexOf(item.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && QUOTES.indexOf(item.charAt(end - 1)) >= 0) {
      end--;
    }
    return item.substring(start, end).strip();
  }
}
