package archive.search;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param query the query as typed
 * @param total how many entries match in all; at least this many when {@code totalExact} is false
 * @param page the page returned
 * @param didYouMean the query with likely misspellings corrected, or null
 * @param note how the query was widened or what of it was ignored, or null
 * @param hits the results of this page
 * @param tookMs time spent searching and highlighting, in milliseconds
 * @param facets years and tags over all {@code total} matches, not only this page; {@link
 *     Facets#NONE} when nothing matches or the request did not ask for them
 * @param totalExact whether {@code total} is the exact number of matches; false only when the
 *     request counted {@link SearchRequest.Counting#upTo up to} a number and more matched
 */
public record SearchResult(
    String query,
    long total,
    int page,
    @Nullable String didYouMean,
    @Nullable String note,
    List<Hit> hits,
    long tookMs,
    Facets facets,
    boolean totalExact) {

  /** Copies the list. */
  public SearchResult {
    hits = List.copyOf(hits);
    Objects.requireNonNull(facets, "facets");
  }
}
