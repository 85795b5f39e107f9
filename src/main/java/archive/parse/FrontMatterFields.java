package archive.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The front matter keys an entry is built from, read leniently from whatever types the format
 * produced. Key names are case-insensitive; unknown keys are ignored.
 *
 * @param title {@code title}, or null
 * @param subtitle {@code subtitle}, {@code description} or {@code summary}, or null
 * @param date {@code created}, {@code date} or {@code publishDate} (first present), or null
 * @param updated {@code updated} or {@code lastmod}, or null
 * @param tags {@code tags}, a list or a comma-separated string
 * @param categories {@code categories} (or {@code category}), as for tags
 * @param draft {@code draft: true} (or "true", "yes"), or Jekyll's {@code published: false}
 * @param noindex {@code noindex: true} or {@code search: false}
 * @param slug {@code slug}, or null
 * @param url {@code url} or {@code permalink}, or null
 * @param lang {@code lang} (or {@code language}) as a primary language subtag, or ""
 * @param list {@code type: list}, or a list-like {@code layout}
 */
record FrontMatterFields(
    @Nullable String title,
    @Nullable String subtitle,
    @Nullable LocalDate date,
    @Nullable LocalDate updated,
    List<String> tags,
    List<String> categories,
    boolean draft,
    boolean noindex,
    @Nullable String slug,
    @Nullable String url,
    String lang,
    boolean list) {

  private static final Set<String> LIST_LAYOUTS =
      Stream.concat(Stream.of("list", "home"), ListPageDetector.LIST_NAMES.stream())
          .collect(Collectors.toUnmodifiableSet());
  private static final String[] DATE_KEYS = {"created", "date", "publishdate"};
  private static final String[] UPDATED_KEYS = {"updated", "lastmod"};

  /**
   * Longest tag or category kept: a longer one is a paragraph pasted into the keywords, not a name.
   * Tags are keys in the index, which holds at most 32,766 bytes in one; a 40,000-character tag
   * stopped the whole run (issue 10, hostile files).
   */
  static final int MAX_NAME_CHARS = 200;

  /** Longest {@code url} or {@code permalink} kept: browsers and sitemaps stop near 2,000. */
  static final int MAX_URL_CHARS = 2000;

  /** Longest {@code slug} kept: it stands for a file name, and those stop at 255 bytes. */
  static final int MAX_SLUG_CHARS = 255;

  /** Reads the fields; an unreadable date is added to {@code problems} and left null. */
  static FrontMatterFields read(FrontMatter fm, String path, List<Problem> problems) {
    return new FrontMatterFields(
        text(fm.first("title")),
        text(fm.first("subtitle", "description", "summary")),
        date(fm, DATE_KEYS, path, problems),
        date(fm, UPDATED_KEYS, path, problems),
        names(fm.first("tags"), "tag", path, fm.lineOf("tags"), problems),
        names(
            fm.first("categories", "category"),
            "category",
            path,
            fm.lineOf(fm.values().containsKey("categories") ? "categories" : "category"),
            problems),
        isTrue(fm.first("draft")) || isFalse(fm.first("published")),
        isTrue(fm.first("noindex")) || isFalse(fm.first("search")),
        address(fm, MAX_SLUG_CHARS, path, problems, "slug"),
        address(fm, MAX_URL_CHARS, path, problems, "url", "permalink"),
        LanguageTags.primary(text(fm.first("lang", "language"))),
        isList(fm));
  }

  private static @Nullable String text(@Nullable Object value) {
    String plain = scalar(value);
    if (plain == null) {
      return null;
    }
    String s = SourceText.clean(plain).strip();
    return s.isEmpty() ? null : s;
  }

  /**
   * A front matter value as text when it is one value (a string, a number, a date, a boolean); null
   * for lists, maps and YAML's {@code !!binary} bytes, whose {@code toString} is Java's, not the
   * author's.
   */
  private static @Nullable String scalar(@Nullable Object value) {
    if (value == null
        || value instanceof List<?>
        || value instanceof java.util.Map<?, ?>
        || value instanceof byte[]
        || value.getClass().isArray()) {
      return null;
    }
    return value.toString();
  }

  /** A value as a warning may quote it: short, and never a Java object's name. */
  static String quoted(Object value) {
    String plain = scalar(value);
    if (plain == null) {
      return value instanceof byte[]
          ? "binary data"
          : value instanceof List<?> ? "a list" : "a map";
    }
    return "\"" + (plain.length() > 60 ? plain.substring(0, 60) + "…" : plain) + "\"";
  }

  /**
   * Names from a list or a comma-separated string, stripped, without (case-blind) duplicates, and
   * without those over {@value #MAX_NAME_CHARS} characters, which are said in one problem.
   *
   * @param kind what the names are, {@code "tag"} or {@code "category"}, for the problem
   * @param line the line the names are on, or 0
   */
  static List<String> names(
      @Nullable Object value, String kind, String path, int line, List<Problem> problems) {
    List<String> raw = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> raw.add(Objects.requireNonNullElse(scalar(item), "")));
    } else {
      String text = scalar(value);
      if (text != null) {
        raw.addAll(List.of(text.split(",")));
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    List<String> tooLong = new ArrayList<>();
    for (String name : raw) {
      String clean = SourceText.clean(name).strip();
      if (clean.length() > MAX_NAME_CHARS) {
        tooLong.add(clean);
      } else if (!clean.isEmpty() && seen.add(clean.toLowerCase(Locale.ROOT))) {
        names.add(clean);
      }
    }
    if (!tooLong.isEmpty()) {
      problems.add(
          new Problem(
              path,
              line,
              kind
                  + " longer than "
                  + MAX_NAME_CHARS
                  + " characters left out: "
                  + quoted(tooLong.get(0))
                  + (tooLong.size() > 1 ? " and " + (tooLong.size() - 1) + " more" : "")));
    }
    return names;
  }

  /**
   * The first of the keys that holds text, or null; text over {@code max} characters is left out
   * with a problem, so that the entry's address comes from its file name.
   */
  private static @Nullable String address(
      FrontMatter fm, int max, String path, List<Problem> problems, String... keys) {
    for (String key : keys) {
      String value = text(fm.values().get(key));
      if (value != null && value.length() > max) {
        problems.add(
            new Problem(
                path,
                fm.lineOf(key),
                key
                    + " in front matter is over "
                    + String.format(Locale.ROOT, "%,d", max)
                    + " characters; the address is made from the file name instead"));
        return null;
      }
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static @Nullable LocalDate date(
      FrontMatter fm, String[] keys, String path, List<Problem> problems) {
    for (String key : keys) {
      Object value = fm.values().get(key);
      if (value != null) {
        return checkedDate(value, fm.lineOf(key), path, problems);
      }
    }
    return null;
  }

  private static @Nullable LocalDate checkedDate(
      Object value, int line, String path, List<Problem> problems) {
    LocalDate date = LenientDates.fromValueAnyYear(value).orElse(null);
    if (date == null) {
      problems.add(
          new Problem(
              path,
              line,
              "unrecognised date " + quoted(value) + " in front matter; use YYYY-MM-DD"));
      return null;
    }
    if (!LenientDates.inRange(date)) {
      problems.add(
          new Problem(
              path,
              line,
              "date \"" + value + "\" in front matter is before 1990 or in the future"));
      return null;
    }
    return date;
  }

  private static boolean isTrue(@Nullable Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    String s = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
    return s.equals("true") || s.equals("yes");
  }

  private static boolean isFalse(@Nullable Object value) {
    if (value instanceof Boolean b) {
      return !b;
    }
    String s = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
    return s.equals("false") || s.equals("no");
  }

  private static boolean isList(FrontMatter fm) {
    String type = text(fm.first("type"));
    String layout = text(fm.first("layout"));
    return (type != null && type.equalsIgnoreCase("list"))
        || (layout != null && LIST_LAYOUTS.contains(layout.toLowerCase(Locale.ROOT)));
  }
}
