package archive.search;

import archive.index.Fields;
import archive.search.Snippets.Fragment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.jspecify.annotations.Nullable;

/** A search's queries run in the embedded index, through one searcher of one commit. */
final class LocalEngine implements SearchEngine {

  private final IndexSearcher searcher;

  LocalEngine(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /**
   * A query with its top documents and facets; the total is exact, or at least {@code atLeast} when
   * the request counted only up to a number and more matched.
   */
  private final class Found implements Attempt {
    private final Query query;
    private final TopFieldDocs top;
    private final Facets facets;
    private final long atLeast;
    private final SearchRequest request;

    Found(Query query, TopFieldDocs top, Facets facets, long atLeast, SearchRequest request) {
      this.query = query;
      this.top = top;
      this.facets = facets;
      this.atLeast = atLeast;
      this.request = request;
    }

    @Override
    public boolean exact() {
      return top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
    }

    @Override
    public long total() {
      return exact() ? top.totalHits.value : atLeast;
    }

    @Override
    public Facets facets() {
      return facets;
    }

    @Override
    public List<Hit> hits() throws IOException {
      return page(query, top, request);
    }
  }

  /**
   * The attempt, or null when the query's words, prefixes and close spellings expand to more
   * clauses than Lucene allows ({@link IndexSearcher#getMaxClauseCount()}) or to an automaton too
   * large to build.
   */
  @Override
  public @Nullable Attempt attempt(Query query, SearchRequest request) throws IOException {
    try {
      return run(query, request);
    } catch (IndexSearcher.TooManyClauses | FuzzyTermsEnum.FuzzyTermsException e) {
      return null; // the second: a word too long for an automaton of its close spellings
    }
  }

  @Override
  public long count(Query query) throws IOException {
    return searcher.count(query);
  }

  @Override
  public @Nullable String spelling(String query, List<String> words, CloseSpellings closeSpellings)
      throws IOException {
    return Spelling.suggest(query, words, searcher.getIndexReader(), closeSpellings);
  }

  /**
   * Runs a query once for the page's documents, the number of matches and the facets. Counting
   * every match, the top-documents collector visits every match anyway, so counting facets
   * alongside costs doc-value reads only, never a second pass. Counting up to a number, it visits
   * matches until more than that many are counted and the page's documents are known, then lets
   * Lucene skip what cannot reach the page. The query is rewritten once (its prefixes and close
   * spellings turned into terms) for the search, the year facets and the highlighter.
   */
  private Attempt run(Query parsed, SearchRequest request) throws IOException {
    int wanted = request.page() * request.limit();
    int upTo = request.counting().exactUpTo();
    Query unfiltered = searcher.rewrite(parsed);
    Query query = inYears(unfiltered, request);
    TopFieldCollectorManager topDocs = new TopFieldCollectorManager(sort(request), wanted, upTo);
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
    return new Found(query, top, facets, Math.max(upTo, wanted), request);
  }

  /** The query within the request's years, if it names any. */
  private static Query inYears(Query query, SearchRequest request) {
    if (request.years().isEmpty()) {
      return query;
    }
    int[] years = request.years().stream().mapToInt(Integer::intValue).sorted().toArray();
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(IntPoint.newSetQuery(Fields.YEAR, years), Occur.FILTER)
        .build();
  }

  private List<Hit> page(Query query, TopFieldDocs top, SearchRequest request) throws IOException {
    int skip = (request.page() - 1) * request.limit();
    ScoreDoc[] docs = top.scoreDocs;
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
    Set<String> queryTerms = Hits.queryTerms(query);
    List<Hit> hits = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      hits.add(Hits.hit(loaded[i], score(docs[skip + i]), fragments.get(i), queryTerms));
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

  private static Sort sort(SearchRequest request) {
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
}
