package archive.web;

import archive.search.DateRange;
import archive.search.SearchRequest;
import archive.search.Searcher;
import archive.search.SortOrder;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code /api/search} parameters into a {@link SearchRequest}, refusing what is out of bounds
 * with a message that says what is wrong. Filter parameters become the query syntax's qualifiers,
 * so the API and the CLI answer the same way.
 */
final class SearchParams {

  /** Longest query accepted, in characters. */
  static final int MAX_QUERY = 200;

  /** Most results per page. */
  static final int MAX_SIZE = 50;

  /** Deepest result reachable: page × size. */
  static final int MAX_DEPTH = 1000;

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern TAG = Pattern.compile("[^\\s\"]{1,64}");

  /** A source of request parameters; the web layer adapts its request object to it. */
  interface Params {
    @Nullable String get(String name);
  }

  private SearchParams() {}

  static SearchRequest read(Params params) {
    String q = params.get("q");
    if (q == null || q.isBlank()) {
      throw new BadRequest("q is required: /api/search?q=words");
    }
    if (q.length() > MAX_QUERY) {
      throw new BadRequest("q is longer than " + MAX_QUERY + " characters");
    }
    int words = Searcher.wordCount(q);
    if (words > Searcher.MAX_WORDS) {
      throw new BadRequest(
          "the query has "
              + words
              + " words; at most "
              + Searcher.MAX_WORDS
              + " are searched: shorten it");
    }
    int size = number(params, "size", 10, 1, MAX_SIZE);
    int page = number(params, "page", 1, 1, MAX_DEPTH);
    if ((long) page * size > MAX_DEPTH) {
      throw new BadRequest("page × size is over " + MAX_DEPTH + ": narrow the query instead");
    }
    String query = q.strip() + filters(params);
    return new SearchRequest(query, page, size, sort(params.get("sort")), false);
  }

  private static String filters(Params params) {
    StringBuilder filters = new StringBuilder();
    String tag = params.get("tag");
    if (tag != null && !tag.isEmpty()) {
      check(TAG.matcher(tag).matches(), "tag must be one word of at most 64 characters: " + tag);
      filters.append(" tag:").append(tag);
    }
    String year = params.get("year");
    if (year != null && !year.isEmpty()) {
      check(YEAR.matcher(year).matches(), "year must be four digits, such as 2021: " + year);
      filters.append(" year:").append(year);
    }
    for (String name : new String[] {"after", "before"}) {
      String date = params.get(name);
      if (date != null && !date.isEmpty()) {
        check(isDate(date), name + " must be YYYY, YYYY-MM or YYYY-MM-DD: " + date);
        filters.append(' ').append(name).append(':').append(date);
      }
    }
    return filters.toString();
  }

  private static boolean isDate(String value) {
    return DateRange.parse(value).isPresent(); // the same shapes the query syntax accepts
  }

  private static SortOrder sort(@Nullable String sort) {
    if (sort == null || sort.isEmpty() || sort.equals("relevance")) {
      return SortOrder.RELEVANCE;
    }
    if (sort.equals("date")) {
      return SortOrder.DATE;
    }
    if (sort.equals("-date")) {
      return SortOrder.DATE_DESC;
    }
    throw new BadRequest("sort must be relevance, date or -date: " + sort);
  }

  private static int number(Params params, String name, int fallback, int min, int max) {
    String value = params.get(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      check(
          number >= min && number <= max, name + " must be in " + min + ".." + max + ": " + value);
      return number;
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a whole number: " + value);
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new BadRequest(message);
    }
  }
}
