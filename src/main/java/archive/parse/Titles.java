package archive.parse;

import java.util.List;
import java.util.Locale;

/** Keeps a title to what a title is: one line in a list of results, not a paragraph. */
final class Titles {

  /**
   * Longest title kept whole. A title of a megabyte (in TOML front matter, or in {@code <title>})
   * was one line of a megabyte in the results, on the page and in the terminal (issue 10, hostile
   * files).
   */
  static final int MAX_CHARS = 300;

  private Titles() {}

  /**
   * The title, or its first {@value #MAX_CHARS} characters or so, cut after a word where one ends
   * near there, with a problem that says so.
   *
   * @param problems receives the problem when the title is cut
   */
  static String bounded(String title, String path, List<Problem> problems) {
    if (title.length() <= MAX_CHARS) {
      return title;
    }
    int cut = Character.isHighSurrogate(title.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
    int space = title.lastIndexOf(' ', cut);
    if (space > MAX_CHARS * 2 / 3) {
      cut = space;
    }
    problems.add(
        new Problem(
            path,
            0,
            String.format(
                Locale.ROOT,
                "title is %,d characters long; cut to its first %d",
                title.length(),
                MAX_CHARS)));
    return title.substring(0, cut).strip() + "…";
  }
}
