package archive.search;

import java.util.Objects;
import java.util.Set;

/**
 * One search.
 *
 * @param query the query as typed, in the syntax of {@link Searcher}
 * @param page 1-based page number, 1..{@value #MAX_PAGE}
 * @param limit results per page, 1..{@value #MAX_LIMIT}
 * @param sort the order of results
 * @param includeLists whether list pages (archives, tag pages) may be results
 * @param years only entries of any of these years; all years when empty. Beside a query's own
 *     {@code year:} (which narrows further), so a reader can tick several years at once
 */
public record SearchRequest(
    String query, int page, int limit, SortOrder sort, boolean includeLists, Set<Integer> years) {

  /** The highest page number served. */
  public static final int MAX_PAGE = 1000;

  /** The most results per page. */
  public static final int MAX_LIMIT = 100;

  /** Checks the ranges; the message names the broken one. */
  public SearchRequest {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(sort, "sort");
    if (page < 1 || page > MAX_PAGE) {
      throw new IllegalArgumentException("page not in 1.." + MAX_PAGE + ": " + page);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit not in 1.." + MAX_LIMIT + ": " + limit);
    }
    years = Set.copyOf(years);
  }

  /** A search over all years. */
  public SearchRequest(String query, int page, int limit, SortOrder sort, boolean includeLists) {
    this(query, page, limit, sort, includeLists, Set.of());
  }

  /** The first page of ten results by relevance, without list pages. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, 1, 10, SortOrder.RELEVANCE, false);
  }
}
