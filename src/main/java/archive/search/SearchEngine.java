package archive.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;

/**
 * Runs the queries of one search where the index is, the embedded index or Solr; {@link SearchRun}
 * decides which queries, in which order, and what the reader is told.
 */
interface SearchEngine {

  /**
   * Runs a query of the embedded index's form for the request's page, total and facets, within the
   * request's years.
   *
   * @return the attempt, or null when the query's words, prefixes and close spellings expand to
   *     more clauses than the index allows
   */
  @Nullable Attempt attempt(Query query, SearchRequest request) throws IOException;

  /** How many documents a query matches. */
  long count(Query query) throws IOException;

  /** The query with misspelt words replaced, or null when none look misspelt. */
  @Nullable String spelling(String query, List<String> words, CloseSpellings closeSpellings)
      throws IOException;

  /** A query run once: its total, facets, and the page of hits when asked for. */
  interface Attempt {

    /** The total, exact, or a lower bound when not {@link #exact()}. */
    long total();

    boolean exact();

    Facets facets();

    /** The request's page of hits, with snippets and sections. */
    List<Hit> hits() throws IOException;
  }
}
