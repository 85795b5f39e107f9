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
 * @param counting how exactly matches are counted: {@link Counting#EXACT} for a page that shows the
 *     total and facets, {@link Counting#upTo} for a caller that shows neither (a search box)
 */
public record SearchRequest(
    String query,
    int page,
    int limit,
    SortOrder sort,
    boolean includeLists,
    Set<Integer> years,
    Counting counting) {

  /**
   * How a search counts its matches.
   *
   * <p>Counting every match exactly means visiting every match: a common word in a large archive
   * costs thousands of visits for a page of ten. A caller that shows at most "100+ results" asks
   * for {@link #upTo}: matches are counted exactly until there are more than that many, after which
   * Lucene may skip documents that cannot reach the page (block-max WAND), and the total says "at
   * least". Facets need every match, so they come only with {@link #EXACT}.
   *
   * @param exactUpTo matches are counted exactly up to this many; {@link Integer#MAX_VALUE} for all
   * @param facets whether years and tags are counted over every match
   */
  public record Counting(int exactUpTo, boolean facets) {

    /** Every match counted, with facets: what a results page with filters needs. */
    public static final Counting EXACT = new Counting(Integer.MAX_VALUE, true);

    /** The fewest matches an estimate counts exactly: "did you mean" decides below a few. */
    public static final int MIN_UP_TO = 10;

    /** Checks the threshold. */
    public Counting {
      if (exactUpTo < MIN_UP_TO) {
        throw new IllegalArgumentException("exactUpTo below " + MIN_UP_TO + ": " + exactUpTo);
      }
      if (facets && exactUpTo != Integer.MAX_VALUE) {
        throw new IllegalArgumentException("facets need every match counted");
      }
    }

    /** Matches counted exactly up to {@code n}, beyond that "more than n"; no facets. */
    public static Counting upTo(int n) {
      return new Counting(n, false);
    }
  }

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
    Objects.requireNonNull(counting, "counting");
  }

  /** A search counting every match, with facets. */
  public SearchRequest(
      String query, int page, int limit, SortOrder sort, boolean includeLists, Set<Integer> years) {
    this(query, page, limit, sort, includeLists, years, Counting.EXACT);
  }

  /** A search over all years. */
  public SearchRequest(String query, int page, int limit, SortOrder sort, boolean includeLists) {
    this(query, page, limit, sort, includeLists, Set.of());
  }

  /** The first page of ten results by relevance, without list pages. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, 1, 10, SortOrder.RELEVANCE, false);
  }

  /** The same search, counted another way. */
  public SearchRequest counted(Counting how) {
    return new SearchRequest(query, page, limit, sort, includeLists, years, how);
  }
}
