package archive.search;

import java.util.List;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * A query as {@link BlogQueryParser} read it.
 *
 * @param query the Lucene query, filters included; a {@link MatchNoDocsQuery} when there is nothing
 *     to search for
 * @param words the plain words (no field, quotes, wildcard or {@code ~}), in the order typed, not
 *     counting excluded ones: what "did you mean" may correct
 * @param clauses how many words, phrases or groups the query's top level must or may match
 * @param parts how many words and phrases were typed, those beyond {@link
 *     BlogQueryParser#MAX_PARTS} included; qualifiers such as {@code tag:} are not counted
 * @param notes what was ignored, bounded or read differently, for the reader
 */
record BlogQuery(Query query, List<String> words, int clauses, int parts, List<String> notes) {

  BlogQuery {
    words = List.copyOf(words);
    notes = List.copyOf(notes);
  }

  /** Whether the query has nothing to search for (only punctuation, say). */
  boolean empty() {
    return query instanceof MatchNoDocsQuery;
  }
}
