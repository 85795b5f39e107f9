package archive.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param query the query as typed
 * @param total how many entries match in all
 * @param page the page returned
 * @param didYouMean the query with likely misspellings corrected, or null
 * @param note how the query was widened or what of it was ignored, or null
 * @param hits the results of this page
 * @param tookMs time spent searching and highlighting, in milliseconds
 */
public record SearchResult(
    String query,
    long total,
    int page,
    @Nullable String didYouMean,
    @Nullable String note,
    List<Hit> hits,
    long tookMs) {

  /** Copies the list. */
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
