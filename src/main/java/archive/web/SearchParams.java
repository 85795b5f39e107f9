package archive.web;

import archive.search.DateRange;
import archive.search.SearchRequest;
import archive.search.Searcher;
import archive.search.SortOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads search parameters (of {@code /api/search} and the search page) into a {@link
 * SearchRequest}, refusing what is out of bounds with a message a reader understands, since the
 * page and the embedded box show it as it is. Tags become the query syntax's {@code tag:}
 * qualifiers (an entry must have every tag ticked); years are any of those ticked.
 */
final class SearchParams {

  /** Longest query accepted, in characters. */
  static final int MAX_QUERY = 200;

  /** Most results per page. */
  static final int MAX_SIZE = 50;

  /** Deepest result reachable: page × size. */
  static final int MAX_DEPTH = 1000;

  /** The largest {@code count=}: beyond it, counting exactly is what a client should ask for. */
  static final int MAX_COUNT = 10_000;

  /** Most years or tags ticked at once. */
  static final int MAX_FILTERS = 20;

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern TAG = Pattern.compile("[^\\s\"]{1,64}");

  /** A source of request parameters; the web layer adapts its request object to it. */
  interface Params {
    /** Every value of a parameter, in order; empty when it is absent. */
    List<String> all(String name);

    /** The first value of a parameter, or null. */
    default @Nullable String get(String name) {
      List<String> values = all(name);
      return values.isEmpty() ? null : values.get(0);
    }
  }

  private SearchParams() {}

  /** The parameters of a Spark request. */
  static Params of(spark.Request req) {
    return name -> {
      String[] values = req.queryParamsValues(name);
      return values == null ? List.of() : List.of(values);
    };
  }

  /** The query text, checked: present and short enough. */
  static String query(Params params) {
    String q = params.get("q");
    if (q == null || q.isBlank()) {
      throw new BadRequest("Type something to search for (the q parameter is empty).");
    }
    if (q.length() > MAX_QUERY) {
      throw new BadRequest(
          "Your search is too long (" + MAX_QUERY + " characters at most); shorten it.");
    }
    int words = Searcher.wordCount(q);
    if (words > Searcher.MAX_WORDS) {
      throw new BadRequest(
          "Your search has "
              + words
              + " words; at most "
              + Searcher.MAX_WORDS
              + " are searched, so shorten it.");
    }
    return q;
  }

  static SearchRequest read(Params params) {
    String q = query(params);
    int size = number(params, "size", "Results per page", 10, 1, MAX_SIZE);
    int page = number(params, "page", "The page number", 1, 1, MAX_DEPTH);
    if ((long) page * size > MAX_DEPTH) {
      throw new BadRequest(
          "Only the first " + MAX_DEPTH + " results can be paged through; narrow your search.");
    }
    StringBuilder query = new StringBuilder(q.strip());
    for (String tag : tags(params)) {
      query.append(" tag:").append(tag);
    }
    for (String name : new String[] {"after", "before"}) {
      String date = params.get(name);
      if (date != null && !date.isEmpty()) {
        check(
            DateRange.parse(date).isPresent(), // the same shapes the query syntax accepts
            "A date is written 2021, 2021-06 or 2021-06-18 (" + name + "=" + date + ").");
        query.append(' ').append(name).append(':').append(date);
      }
    }
    return new SearchRequest(
        query.toString(), page, size, sort(params.get("sort")), false, years(params));
  }

  /**
   * {@code count=N}: matches counted exactly up to N, then "more than N", without facets, for a
   * client that shows neither an exact total nor filters (the embedded box); every match counted,
   * with facets, when absent. Only the API reads it: the search page shows both.
   */
  static SearchRequest.Counting counting(Params params) {
    String count = params.get("count");
    if (count == null || count.isEmpty()) {
      return SearchRequest.Counting.EXACT;
    }
    return SearchRequest.Counting.upTo(
        number(
            params,
            "count",
            "Matches counted",
            MAX_COUNT,
            SearchRequest.Counting.MIN_UP_TO,
            MAX_COUNT));
  }

  /** The tags ticked, checked, in order, without repeats. */
  static List<String> tags(Params params) {
    return List.copyOf(
        ticked(params, "tag", TAG, "A tag is one word of at most 64 characters", t -> t));
  }

  /** The years ticked, checked, in order, without repeats. */
  static Set<Integer> years(Params params) {
    return ticked(params, "year", YEAR, "A year has four digits, such as 2021", Integer::parseInt);
  }

  /** The values of a filter that may repeat, each checked against its shape. */
  private static <T> Set<T> ticked(
      Params params, String name, Pattern shape, String rule, Function<String, T> value) {
    Set<T> values = new LinkedHashSet<>();
    for (String text : params.all(name)) {
      if (!text.isEmpty()) {
        check(shape.matcher(text).matches(), rule + " (" + name + "=" + text + ").");
        values.add(value.apply(text));
      }
    }
    check(
        values.size() <= MAX_FILTERS,
        "At most " + MAX_FILTERS + " " + name + "s can be ticked at once.");
    return values;
  }

  /** The years ticked, as text, for links that keep them. */
  static List<String> yearTexts(Params params) {
    List<String> texts = new ArrayList<>();
    years(params).forEach(year -> texts.add(String.valueOf(year)));
    return texts;
  }

  private static SortOrder sort(@Nullable String sort) {
    if (sort == null || sort.isEmpty()) {
      return SortOrder.RELEVANCE;
    }
    return SortOrder.of(sort)
        .orElseThrow(() -> new BadRequest("Sort by " + SortOrder.WORDS + " (sort=" + sort + ")."));
  }

  private static int number(
      Params params, String name, String what, int fallback, int min, int max) {
    String value = params.get(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    String rule = what + " must be a whole number from " + min + " to " + max;
    try {
      int number = Integer.parseInt(value);
      check(number >= min && number <= max, rule + " (" + name + "=" + value + ").");
      return number;
    } catch (NumberFormatException e) {
      throw new BadRequest(rule + " (" + name + "=" + value + ").");
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new BadRequest(message);
    }
  }
}
