package archive.search;

import archive.index.Fields;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.jspecify.annotations.Nullable;

/** The archive by date and by tag: entries newest first, and counts per year and month. */
final class Listings {

  /** The stored fields a listing shows. */
  static final Set<String> FIELDS =
      Set.of(Fields.TITLE, Fields.URL, Fields.DATE, Fields.TAG_DISPLAY);

  /** {@link #FIELDS} and the id, for ordering entries of one day. */
  static final Set<String> FIELDS_WITH_ID =
      Set.of(Fields.ID, Fields.TITLE, Fields.URL, Fields.DATE, Fields.TAG_DISPLAY);

  private Listings() {}

  /**
   * Entries of a year and/or with a tag (either may be null), newest first, at most {@code max}.
   */
  static List<Listing> list(
      IndexSearcher searcher, @Nullable Integer year, @Nullable String tag, int max)
      throws IOException {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ENTRY)), Occur.FILTER);
    if (year != null) {
      query.add(IntPoint.newExactQuery(Fields.YEAR, year), Occur.FILTER);
    }
    if (tag != null) {
      query.add(new TermQuery(new Term(Fields.TAG, Fields.tagKey(tag))), Occur.FILTER);
    }
    SortField newest = new SortField(Fields.DATE, SortField.Type.LONG, true);
    newest.setMissingValue(Long.MIN_VALUE);
    ScoreDoc[] docs = searcher.search(query.build(), max, new Sort(newest)).scoreDocs;
    StoredFields stored = searcher.storedFields();
    List<Listing> listings = new ArrayList<>(docs.length);
    for (ScoreDoc doc : docs) {
      listings.add(listing(stored.document(doc.doc, FIELDS)));
    }
    return listings;
  }

  /** The listing of a document loaded with (at least) {@link #FIELDS}. */
  static Listing listing(Document doc) {
    IndexableField date = doc.getField(Fields.DATE);
    return new Listing(
        doc.get(Fields.TITLE),
        doc.get(Fields.URL),
        date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()),
        List.of(doc.getValues(Fields.TAG_DISPLAY)));
  }

  /** Entries per year (newest first), each with its twelve month counts. */
  static Map<Integer, int[]> calendar(IndexSearcher searcher) throws IOException {
    Query entries = new TermQuery(new Term(Fields.KIND, Fields.KIND_ENTRY));
    Weight weight =
        searcher.createWeight(searcher.rewrite(entries), ScoreMode.COMPLETE_NO_SCORES, 1);
    Map<Integer, int[]> years = new TreeMap<>(java.util.Comparator.reverseOrder());
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      NumericDocValues dates = leaf.reader().getNumericDocValues(Fields.DATE);
      if (scorer == null || dates == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if ((live == null || live.get(doc)) && dates.advanceExact(doc)) {
          LocalDate date = LocalDate.ofEpochDay(dates.longValue());
          years.computeIfAbsent(date.getYear(), y -> new int[12])[date.getMonthValue() - 1]++;
        }
      }
    }
    return years;
  }
}
