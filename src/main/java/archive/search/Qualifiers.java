package archive.search;

import archive.index.Fields;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * The blog's qualifiers, one place for their names: those that narrow words to a field ({@code
 * title:}) and those that filter ({@code tag:}, {@code year:}, {@code date:}, {@code after:},
 * {@code before:}), with the filter each value becomes. A value that is no date is dropped with a
 * note saying what to type instead.
 */
final class Qualifiers {

  /** The name Lucene's parser gives words typed without a qualifier. */
  static final String ANY_FIELD = "";

  private static final Map<String, List<String>> TEXT_FIELDS =
      Map.of(
          ANY_FIELD,
          Fields.TEXT_FIELDS,
          "title",
          List.of(Fields.TITLE),
          "subtitle",
          List.of(Fields.SUBTITLE),
          "heading",
          List.of(Fields.HEADINGS),
          "body",
          List.of(Fields.BODY));

  private static final Set<String> FILTERS = Set.of("tag", "year", "date", "after", "before");

  private Qualifiers() {}

  /** Whether a name typed before a colon is one of ours (any case). */
  static boolean isName(String typed) {
    String name = typed.toLowerCase(Locale.ROOT);
    return !name.isEmpty() && (TEXT_FIELDS.containsKey(name) || FILTERS.contains(name));
  }

  /** The index fields a qualifier's words are sought in; null for a filter or an unknown name. */
  static @Nullable List<String> textFields(String name) {
    return TEXT_FIELDS.get(name.toLowerCase(Locale.ROOT));
  }

  /** Whether a qualifier filters ({@code tag:}, dates) rather than narrowing words to a field. */
  static boolean isFilter(String name) {
    return FILTERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The filter {@code name:value} stands for, or null when the value is not one (then noted). */
  static @Nullable Query filter(String name, String value, Consumer<String> notes) {
    String key = name.toLowerCase(Locale.ROOT);
    if (key.equals("tag")) {
      String tag = Fields.tagKey(value);
      return tag.isEmpty() ? null : new TermQuery(new Term(Fields.TAG, tag));
    }
    Optional<DateRange> range = dateRange(key, value, notes);
    if (range.isEmpty()) {
      return null;
    }
    DateRange r = range.get();
    switch (key) {
      case "after":
        return days(r.first(), null);
      case "before":
        return days(null, r.first());
      default:
        return days(r.first(), r.end());
    }
  }

  /** Tags starting with a prefix ({@code tag:java*}). */
  static Query tagPrefix(String prefix) {
    return new PrefixQuery(new Term(Fields.TAG, Fields.tagKey(prefix)));
  }

  /**
   * {@code date:[2020-01 TO 2021-06]} or {@code year:{2019 TO *]}: null bounds are open; null when
   * the field takes no range or a bound is no date (then noted).
   */
  static @Nullable Query range(
      String name,
      @Nullable String from,
      @Nullable String to,
      boolean fromIncluded,
      boolean toIncluded,
      Consumer<String> notes) {
    String key = name.toLowerCase(Locale.ROOT);
    if (!key.equals("date") && !key.equals("year")) {
      notes.accept(
          "ignored a range "
              + (name.isEmpty() ? "" : "after " + name + ": ")
              + "(ranges are for dates, as in date:[2020-01 TO 2021-06])");
      return null;
    }
    Optional<DateRange> start = from == null ? Optional.empty() : dateRange(key, from, notes);
    Optional<DateRange> end = to == null ? Optional.empty() : dateRange(key, to, notes);
    if (from != null && start.isEmpty() || to != null && end.isEmpty()) {
      return null;
    }
    return days(
        start.map(r -> fromIncluded ? r.first() : r.end()).orElse(null),
        end.map(r -> toIncluded ? r.end() : r.first()).orElse(null));
  }

  private static Optional<DateRange> dateRange(String key, String value, Consumer<String> notes) {
    Optional<DateRange> range = DateRange.parse(value);
    boolean year = key.equals("year");
    if (range.isEmpty() || year && value.contains("-")) {
      notes.accept(
          "ignored "
              + key
              + ":"
              + value
              + (year ? " (use a year such as year:2021)" : " (use YYYY, YYYY-MM or YYYY-MM-DD)"));
      return Optional.empty();
    }
    return range;
  }

  /** Entries dated from {@code from} (inclusive) until {@code until} (exclusive); null is open. */
  private static Query days(@Nullable LocalDate from, @Nullable LocalDate until) {
    long low = from == null ? Long.MIN_VALUE : from.toEpochDay();
    long high = until == null ? Long.MAX_VALUE : until.toEpochDay() - 1;
    return LongPoint.newRangeQuery(Fields.DATE, low, high);
  }
}
