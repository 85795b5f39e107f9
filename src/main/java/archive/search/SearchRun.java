package archive.search;

import archive.search.BlogQueryParser.Mode;
import archive.search.SearchEngine.Attempt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One search, from query text to the page of hits: strict first, then wider if it finds little. The
 * same for every index; a {@link SearchEngine} runs the queries where the index is.
 */
final class SearchRun {

  /** Below this many hits, close spellings are tried and "did you mean" is offered. */
  private static final int FEW = 3;

  private static final String TOO_MANY =
      "the query matches too many different words to search at once; use fewer words, * or ~";

  private final SearchEngine engine;
  private final SearchRequest request;
  private final List<String> notes = new ArrayList<>();
  private final CloseSpellings closeSpellings = new CloseSpellings();

  SearchRun(SearchEngine engine, SearchRequest request) {
    this.engine = engine;
    this.request = request;
  }

  SearchResult run() throws IOException {
    long start = System.nanoTime();
    BlogQuery strict = parse(request.query(), Mode.ALL);
    notes.addAll(strict.notes());
    if (strict.empty()) {
      return nothing(
          BlogQueryParser.NO_WORDS + "; type a word, a \"phrase\" or a qualifier like tag:NAME");
    }
    Attempt attempt = engine.attempt(strict.query(), request);
    if (attempt == null) {
      return nothing(TOO_MANY);
    }
    String didYouMean = null;
    if (attempt.total() < FEW && !strict.words().isEmpty()) {
      didYouMean = withResults(engine.spelling(request.query(), strict.words(), closeSpellings));
      attempt = widen(strict, attempt);
    }
    List<Hit> hits = attempt.hits();
    String note = notes.isEmpty() ? null : String.join("; ", notes);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    return new SearchResult(
        request.query(),
        attempt.total(),
        request.page(),
        didYouMean,
        note,
        hits,
        tookMs,
        attempt.facets(),
        attempt.exact());
  }

  /** No results, with the notes so far and why. */
  private SearchResult nothing(String why) {
    notes.add(why);
    return new SearchResult(
        request.query(),
        0,
        request.page(),
        null,
        String.join("; ", notes),
        List.of(),
        0,
        Facets.NONE,
        true);
  }

  /** A corrected query, if it finds anything; else null: never a spelling that leads nowhere. */
  private @Nullable String withResults(@Nullable String corrected) throws IOException {
    if (corrected == null) {
      return null;
    }
    BlogQuery query = parse(corrected, Mode.ALL);
    return query.empty() || engine.count(query.query()) == 0 ? null : corrected;
  }

  /** Few or no results: allow close spellings, then any of the words, and say which was done. */
  private Attempt widen(BlogQuery parsed, Attempt strict) throws IOException {
    Attempt result = strict;
    Attempt fuzzy = engine.attempt(parse(request.query(), Mode.ALL_FUZZY).query(), request);
    if (fuzzy != null && fuzzy.total() > strict.total()) {
      notes.add(
          strict.total() == 0
              ? "no exact matches; showing close spellings"
              : "few exact matches; including close spellings");
      result = fuzzy;
    }
    if (result.total() == 0 && parsed.clauses() > 1) {
      Attempt any = engine.attempt(parse(request.query(), Mode.ANY_FUZZY).query(), request);
      if (any != null && any.total() > 0) {
        notes.add("no entry has all of the words; showing entries with any of them");
        result = any;
      }
    }
    return result;
  }

  private BlogQuery parse(String query, Mode mode) {
    return BlogQueryParser.parse(query, mode, request.includeLists(), closeSpellings);
  }
}
