package archive.search;

import archive.index.Fields;
import archive.search.BlogQueryParser.Mode;
import archive.search.Snippets.Fragment;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.jspecify.annotations.Nullable;

/** One search, from query text to the page of hits: strict first, then wider if it finds little. */
final class SearchRun {

  /** Below this many hits, close spellings are tried and "did you mean" is offered. */
  private static final int FEW = 3;

  private static final String TOO_MANY =
      "the query matches too many different words to search at once; use fewer words, * or ~";

  private final IndexSearcher searcher;
  private final SearchRequest request;
  private final List<String> notes = new ArrayList<>();
  private final CloseSpellings closeSpellings = new CloseSpellings();

  SearchRun(IndexSearcher searcher, SearchRequest request) {
    this.searcher = searcher;
    this.request = request;
  }

  /**
   * A query with its top documents and facets; the total is exact, or at least {@code atLeast} when
   * the request counted only up to a number and more matched.
   */
  private record Attempt(Query query, TopFieldDocs top, Facets facets, long atLeast) {
    boolean exact() {
      return top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
    }

    long total() {
      return exact() ? top.totalHits.value : atLeast;
    }
  }

  SearchResult run() throws IOException {
    long start = System.nanoTime();
    BlogQuery strict = parse(request.query(), Mode.ALL);
    notes.addAll(strict.notes());
    if (strict.empty()) {
      return nothing(
          BlogQueryParser.NO_WORDS + "; type a word, a \"phrase\" or a qualifier like tag:NAME");
    }
    Attempt attempt = bounded(strict.query());
    if (attempt == null) {
      return nothing(TOO_MANY);
    }
    String didYouMean = null;
    if (attempt.total() < FEW && !strict.words().isEmpty()) {
      didYouMean =
          withResults(
              Spelling.suggest(
                  request.query(), strict.words(), searcher.getIndexReader(), closeSpellings));
      attempt = widen(strict, attempt);
    }
    List<Hit> hits = page(attempt);
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
    return query.empty() || searcher.count(query.query()) == 0 ? null : corrected;
  }

  /** Few or no results: allow close spellings, then any of the words, and say which was done. */
  private Attempt widen(BlogQuery parsed, Attempt strict) throws IOException {
    Attempt result = strict;
    Attempt fuzzy = bounded(parse(request.query(), Mode.ALL_FUZZY).query());
    if (fuzzy != null && fuzzy.total() > strict.total()) {
      notes.add(
          strict.total() == 0
              ? "no exact matches; showing close spellings"
              : "few exact matches; including close spellings");
      result = fuzzy;
    }
    if (result.total() == 0 && parsed.clauses() > 1) {
      Attempt any = bounded(parse(request.query(), Mode.ANY_FUZZY).query());
      if (any != null && any.total() > 0) {
        notes.add("no entry has all of the words; showing entries with any of them");
        result = any;
      }
    }
    return result;
  }

  /**
   * The attempt, or null when the query's words, prefixes and close spellings expand to more
   * clauses than Lucene allows ({@link IndexSearcher#getMaxClauseCount()}) or to an automaton too
   * large to build.
   */
  private @Nullable Attempt bounded(Query query) throws IOException {
    try {
      return attempt(query);
    } catch (IndexSearcher.TooManyClauses | FuzzyTermsEnum.FuzzyTermsException e) {
      return null; // the second: a word too long for an automaton of its close spellings
    }
  }

  /**
   * Runs a query once for the page's documents, the number of matches and the facets. Counting
   * every match, the top-documents collector visits every match anyway, so counting facets
   * alongside costs doc-value reads only, never a second pass. Counting up to a number, it visits
   * matches until more than that many are counted and the page's documents are known, then lets
   * Lucene skip what cannot reach the page. The query is rewritten once (its prefixes and close
   * spellings turned into terms) for the search, the year facets and the highlighter.
   */
  private Attempt attempt(Query parsed) throws IOException {
    int wanted = request.page() * request.limit();
    int upTo = request.counting().exactUpTo();
    Query unfiltered = searcher.rewrite(parsed);
    Query query = inYears(unfiltered);
    TopFieldCollectorManager topDocs = new TopFieldCollectorManager(sort(), wanted, upTo);
    TopFieldDocs top;
    Facets facets = Facets.NONE;
    if (request.counting().facets()) {
      Object[] collected =
          searcher.search(query, new MultiCollectorManager(topDocs, new FacetCounts()));
      top = (TopFieldDocs) collected[0];
      facets = (Facets) collected[1];
      if (query != unfiltered) {
        // Years are ticked together: each year's count is what ticking it would add.
        Facets all = searcher.search(unfiltered, new FacetCounts());
        facets = new Facets(all.years(), facets.tags());
      }
    } else {
      top = searcher.search(query, topDocs);
    }
    if (request.sort() != SortOrder.RELEVANCE) {
      TopFieldCollector.populateScores(top.scoreDocs, searcher, query);
    }
    return new Attempt(query, top, facets, Math.max(upTo, wanted));
  }

  /** The query within the request's years, if it names any. */
  private Query inYears(Query query) {
    if (request.years().isEmpty()) {
      return query;
    }
    int[] years = request.years().stream().mapToInt(Integer::intValue).sorted().toArray();
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(IntPoint.newSetQuery(Fields.YEAR, years), Occur.FILTER)
        .build();
  }

  private BlogQuery parse(String query, Mode mode) {
    return BlogQueryParser.parse(query, mode, request.includeLists(), closeSpellings);
  }

  private List<Hit> page(Attempt attempt) throws IOException {
    Query query = attempt.query();
    int skip = (request.page() - 1) * request.limit();
    ScoreDoc[] docs = attempt.top().scoreDocs;
    if (docs.length <= skip) {
      return List.of();
    }
    int[] ids = new int[docs.length - skip];
    Document[] loaded = new Document[ids.length];
    StoredFields stored = searcher.storedFields();
    for (int i = skip; i < docs.length; i++) {
      ids[i - skip] = docs[i].doc;
      loaded[i - skip] = stored.document(docs[i].doc); // once: the highlighter reads its body too
    }
    List<List<Fragment>> fragments = Snippets.highlight(searcher, query, ids, loaded);
    Set<String> queryTerms = queryTerms(query);
    List<Hit> hits = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      hits.add(hit(loaded[i], score(docs[skip + i]), fragments.get(i), queryTerms));
    }
    return hits;
  }

  /**
   * A hit's relevance score: sorted by relevance, the collector keeps it as the first sort value,
   * not in {@link ScoreDoc#score}; sorted by date, {@link TopFieldCollector#populateScores} filled
   * it in.
   */
  private static float score(ScoreDoc doc) {
    if (doc instanceof FieldDoc field
        && field.fields.length > 0
        && field.fields[0] instanceof Float score) {
      return score;
    }
    return doc.score;
  }

  private Sort sort() {
    switch (request.sort()) {
      case DATE:
        return new Sort(dateField(false));
      case DATE_DESC:
        return new Sort(dateField(true));
      default:
        return new Sort(SortField.FIELD_SCORE, dateField(true));
    }
  }

  private static SortField dateField(boolean newestFirst) {
    SortField field = new SortField(Fields.DATE, SortField.Type.LONG, newestFirst);
    field.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE); // undated entries last
    return field;
  }

  private static Set<String> queryTerms(Query query) {
    Set<Term> terms = new HashSet<>();
    query.visit(QueryVisitor.termCollector(terms));
    Set<String> texts = new HashSet<>();
    for (Term term : terms) {
      texts.add(term.text());
    }
    return texts;
  }

  private static Hit hit(Document doc, float score, List<Fragment> fragments, Set<String> terms) {
    String url = doc.get(Fields.URL);
    IndexableField date = doc.getField(Fields.DATE);
    return new Hit(
        doc.get(Fields.ID),
        doc.get(Fields.PATH),
        url,
        doc.get(Fields.TITLE),
        doc.get(Fields.SUBTITLE),
        date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()),
        List.of(doc.getValues(Fields.TAG_DISPLAY)),
        doc.get(Fields.KIND),
        Float.isNaN(score) ? 0f : score,
        entrySnippet(doc, fragments),
        SectionMatcher.best(doc, fragments, terms, url));
  }

  /**
   * The best passage that matches; with none (a query of qualifiers only, or a match in the title
   * alone), the entry's description, else its opening prose: never a table of contents.
   */
  private static Snippet entrySnippet(Document doc, List<Fragment> fragments) {
    @Nullable Fragment best = null;
    for (Fragment fragment : fragments) {
      if (fragment.matched() && (best == null || fragment.score() > best.score())) {
        best = fragment;
      }
    }
    if (best != null) {
      return best.snippet();
    }
    String description = doc.get(Fields.SUBTITLE);
    if (description != null && !description.isBlank()) {
      return Snippet.plain(description);
    }
    String body = doc.get(Fields.BODY);
    return body == null ? Snippet.EMPTY : Prose.opening(body, OPENING_LENGTH);
  }

  /** About as long as a highlighted passage. */
  private static final int OPENING_LENGTH = 200;
}
