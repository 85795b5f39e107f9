package archive.parse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The publication and modification dates of an HTML page, from the first source that has one:
 * {@code article:published_time} (or {@code itemprop=datePublished}), JSON-LD {@code
 * datePublished}, the first {@code <time>} in the content and then in the page, a {@code
 * /yyyy/mm/dd/} path, a Jekyll-dated file name. A meta or JSON-LD date that cannot be read is a
 * problem; the next source is tried.
 */
final class HtmlDates {

  /**
   * The year of a zero time ({@code 0001-01-01}), which Hugo and .NET write for "no date": not a
   * date, and not worth a warning either.
   */
  private static final int ZERO_TIME_YEAR = 1;

  private static final String[] PUBLISHED_METAS = {"article:published_time", "datepublished"};
  private static final String[] MODIFIED_METAS = {
    "article:modified_time", "og:updated_time", "datemodified"
  };

  private final Document doc;
  private final Element content;
  private final Map<String, List<String>> metas;
  private final JsonLd jsonLd;
  private final String path;
  private final List<Problem> problems;

  HtmlDates(
      Document doc,
      Element content,
      Map<String, List<String>> metas,
      JsonLd jsonLd,
      String path,
      List<Problem> problems) {
    this.doc = doc;
    this.content = content;
    this.metas = metas;
    this.jsonLd = jsonLd;
    this.path = path;
    this.problems = problems;
  }

  /** The publication date, or null. */
  @Nullable LocalDate published() {
    return declared(PUBLISHED_METAS, "datePublished")
        .or(() -> time(content, false))
        .or(() -> time(doc.body(), true))
        .or(() -> FileNames.pathDate(path))
        .or(() -> FileNames.jekyllDate(path))
        .orElse(null);
  }

  /** The modification date, or null. */
  @Nullable LocalDate modified() {
    return declared(MODIFIED_METAS, "dateModified").orElse(null);
  }

  /** A date from a meta tag, else from JSON-LD. */
  private Optional<LocalDate> declared(String[] metaKeys, String jsonLdKey) {
    String meta = HtmlMetadata.meta(metas, metaKeys);
    Optional<LocalDate> date = checked(meta, "meta " + metaKeys[0]);
    return date.isPresent() ? date : checked(jsonLd.first(jsonLdKey), "JSON-LD " + jsonLdKey);
  }

  private Optional<LocalDate> checked(@Nullable String value, String source) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<LocalDate> date = LenientDates.parse(value);
    if (date.isPresent()) {
      return date;
    }
    Optional<LocalDate> anyYear = LenientDates.parseAnyYear(value);
    if (anyYear.isEmpty()) {
      problems.add(new Problem(path, 0, "unrecognised date \"" + value + "\" in " + source));
    } else if (anyYear.get().getYear() != ZERO_TIME_YEAR) {
      problems.add(
          new Problem(
              path, 0, "date \"" + value + "\" in " + source + " is before 1990 or in the future"));
    }
    return Optional.empty();
  }

  /**
   * The first readable {@code <time>}: its datetime attribute, or its text when it has none.
   * Unreadable ones are skipped silently, since themes also use time for durations such as "PT3M".
   */
  private static Optional<LocalDate> time(@Nullable Element root, boolean skipChrome) {
    if (root == null) {
      return Optional.empty();
    }
    for (Element time : root.getElementsByTag("time")) {
      if (skipChrome && MainContent.hasAncestor(time, PageChrome.SITE)) {
        continue;
      }
      String value = time.hasAttr("datetime") ? time.attr("datetime") : time.text();
      Optional<LocalDate> date = LenientDates.parse(value);
      if (date.isPresent()) {
        return date;
      }
    }
    return Optional.empty();
  }
}
