package archive.search;

import archive.index.Analysis;
import archive.index.EntryIndexer;
import archive.index.Fields;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.jspecify.annotations.Nullable;

/** Finds one entry by its URL, its neighbours in time, and the entries most like it. */
final class EntryLookup {

  /** Entries on one day beyond this many are not ordered among themselves for neighbours. */
  private static final int MAX_SAME_DAY = 1000;

  private final IndexSearcher searcher;

  EntryLookup(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /** The entry or list page published at a URL, exactly as the index stores it, or null. */
  @Nullable StoredEntry byUrl(String url) throws IOException {
    int doc = docByUrl(url);
    return doc < 0 ? null : stored(searcher.storedFields().document(doc));
  }

  private int docByUrl(String url) throws IOException {
    BooleanQuery query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.URL, url)), Occur.FILTER)
            .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_SKIPPED)), Occur.MUST_NOT)
            .build();
    TopDocs top = searcher.search(query, 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  static StoredEntry stored(Document doc) {
    return new StoredEntry(
        doc.get(Fields.ID),
        doc.get(Fields.PATH),
        doc.get(Fields.URL),
        doc.get(Fields.TITLE),
        doc.get(Fields.SUBTITLE),
        date(doc),
        List.of(doc.getValues(Fields.TAG_DISPLAY)),
        doc.get(Fields.LANG) == null ? "" : doc.get(Fields.LANG),
        doc.get(Fields.KIND),
        StoredSections.of(doc));
  }

  private static @Nullable LocalDate date(Document doc) {
    IndexableField date = doc.getField(Fields.DATE);
    return date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue());
  }

  /** The entries just older and newer than the entry at a URL; none for an undated one. */
  Neighbours neighbours(String url) throws IOException {
    int doc = docByUrl(url);
    if (doc < 0) {
      return Neighbours.NONE;
    }
    Document self = searcher.storedFields().document(doc, Set.of(Fields.ID, Fields.DATE));
    IndexableField date = self.getField(Fields.DATE);
    if (date == null) {
      return Neighbours.NONE;
    }
    long day = date.numericValue().longValue();
    List<Document> sameDay = sameDay(day);
    sameDay.sort(Comparator.comparing((Document d) -> d.get(Fields.ID)));
    int at = indexOfId(sameDay, self.get(Fields.ID));
    Listing previous =
        at > 0 ? Listings.listing(sameDay.get(at - 1)) : closest(Long.MIN_VALUE, day - 1, true);
    Listing next =
        at >= 0 && at + 1 < sameDay.size()
            ? Listings.listing(sameDay.get(at + 1))
            : closest(day + 1, Long.MAX_VALUE, false);
    return new Neighbours(previous, next);
  }

  private List<Document> sameDay(long day) throws IOException {
    ScoreDoc[] docs = searcher.search(entriesDated(day, day), MAX_SAME_DAY).scoreDocs;
    StoredFields stored = searcher.storedFields();
    List<Document> found = new ArrayList<>(docs.length);
    for (ScoreDoc d : docs) {
      found.add(stored.document(d.doc, Listings.FIELDS_WITH_ID));
    }
    return found;
  }

  private static int indexOfId(List<Document> docs, String id) {
    for (int i = 0; i < docs.size(); i++) {
      if (id.equals(docs.get(i).get(Fields.ID))) {
        return i;
      }
    }
    return -1;
  }

  /** Of the entries dated in a range, the newest ({@code newest}) or the oldest; ties by id. */
  private @Nullable Listing closest(long from, long to, boolean newest) throws IOException {
    if (from > to) {
      return null;
    }
    SortField byDate = new SortField(Fields.DATE, SortField.Type.LONG, newest);
    ScoreDoc[] top = searcher.search(entriesDated(from, to), 1, new Sort(byDate)).scoreDocs;
    if (top.length == 0) {
      return null;
    }
    Document doc = searcher.storedFields().document(top[0].doc, Set.of(Fields.DATE));
    List<Document> sameDay = sameDay(doc.getField(Fields.DATE).numericValue().longValue());
    Comparator<Document> byId = Comparator.comparing((Document d) -> d.get(Fields.ID));
    sameDay.sort(newest ? byId.reversed() : byId);
    return Listings.listing(sameDay.get(0));
  }

  private static Query entriesDated(long from, long to) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ENTRY)), Occur.FILTER)
        .add(LongPoint.newRangeQuery(Fields.DATE, from, to), Occur.FILTER)
        .build();
  }

  /**
   * Up to {@code max} entries most like the one at a URL, by the words of its title, tags and body
   * (Lucene's MoreLikeThis: the entry's most distinctive terms, weighted by tf-idf, become one
   * query), best first; empty when the URL names no entry or nothing is alike.
   */
  List<Listing> related(String url, int max) throws IOException {
    int doc = docByUrl(url);
    if (doc < 0) {
      return List.of();
    }
    Document self =
        searcher
            .storedFields()
            .document(
                doc, Set.of(Fields.ID, Fields.LANG, Fields.TITLE, Fields.TAG_DISPLAY, Fields.BODY));
    Query like = likeQuery(self);
    BooleanQuery query =
        new BooleanQuery.Builder()
            .add(like, Occur.MUST)
            .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ENTRY)), Occur.FILTER)
            .add(new TermQuery(Fields.idTerm(self.get(Fields.ID))), Occur.MUST_NOT)
            .build();
    ScoreDoc[] docs = searcher.search(query, max).scoreDocs;
    StoredFields stored = searcher.storedFields();
    List<Listing> related = new ArrayList<>(docs.length);
    for (ScoreDoc d : docs) {
      related.add(Listings.listing(stored.document(d.doc, Listings.FIELDS)));
    }
    return related;
  }

  private Query likeQuery(Document self) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    String lang = self.get(Fields.LANG);
    mlt.setAnalyzer(Analysis.indexAnalyzer(lang == null ? "" : lang));
    mlt.setFieldNames(new String[] {Fields.TITLE, Fields.TAGS_TEXT, Fields.BODY});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2); // a word no other entry has cannot make another entry alike
    // Nor can one that half the archive uses; a small archive keeps words a few entries share.
    mlt.setMaxDocFreq(Math.max(3, searcher.getIndexReader().numDocs() / 2));
    mlt.setMaxQueryTerms(25);
    mlt.setBoost(true);
    Map<String, Collection<Object>> fields = new HashMap<>();
    fields.put(Fields.TITLE, List.of(self.get(Fields.TITLE)));
    fields.put(Fields.TAGS_TEXT, List.of((Object[]) self.getValues(Fields.TAG_DISPLAY)));
    String body = self.get(Fields.BODY);
    fields.put(Fields.BODY, body == null ? List.of() : List.of(body));
    return mlt.like(fields);
  }

  /** Where the index's entries came from, as the commit it shows recorded; null if unknown. */
  static @Nullable IndexSource source(Map<String, String> commitData) {
    String kind = commitData.get(EntryIndexer.DATA_SOURCE_KIND);
    String location = commitData.get(EntryIndexer.DATA_SOURCE);
    return kind == null || location == null
        ? null
        : new IndexSource(
            kind,
            location,
            orNull(commitData.get(EntryIndexer.DATA_BASE_URL)),
            orNull(commitData.get(EntryIndexer.DATA_SITE_TITLE)));
  }

  private static @Nullable String orNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
