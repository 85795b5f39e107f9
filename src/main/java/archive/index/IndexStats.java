package archive.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.jspecify.annotations.Nullable;

/**
 * What an index holds: counts, date range, entries per year, top tags, size, and when and from
 * where it was last indexed.
 *
 * @param entries entries (list pages not counted)
 * @param lists list pages
 * @param sections sections with a heading, over all entries
 * @param first earliest entry date, or null when no entry has a date
 * @param last latest entry date, or null
 * @param perYear entries per year, ascending; undated entries are not counted
 * @param topTags up to 10 tags by entry count, most used first
 * @param sizeBytes size of the index folder on disk; -1 when unknown (a SolrCloud collection)
 * @param indexedAt end of the last index run, or null if unknown
 * @param source the folder the last run indexed or the address it crawled, or null if unknown
 * @param sourceKind {@code folder} or {@code site} (crawled), or null if unknown
 */
public record IndexStats(
    int entries,
    int lists,
    long sections,
    @Nullable LocalDate first,
    @Nullable LocalDate last,
    Map<Integer, Integer> perYear,
    List<Map.Entry<String, Integer>> topTags,
    long sizeBytes,
    @Nullable Instant indexedAt,
    @Nullable String source,
    @Nullable String sourceKind) {

  private static final int TOP_TAGS = 10;

  /** Copies the collections. */
  public IndexStats {
    perYear = new TreeMap<>(perYear);
    topTags = List.copyOf(topTags);
  }

  /**
   * Reads the statistics of the index in a folder.
   *
   * @throws IndexUnavailableException when there is no index there
   */
  public static IndexStats read(Path indexDir) throws IOException {
    try (Directory directory = IndexFolder.openExisting(indexDir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return read(reader, indexDir);
    }
  }

  /**
   * Reads the statistics of an open index: one pass over its entries' doc values and their stored
   * headings (a second or so for 10,000 entries, so a server keeps the answer per commit).
   *
   * @param indexDir the index's folder, for its size on disk
   */
  public static IndexStats read(DirectoryReader reader, Path indexDir) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    Query entries = new TermQuery(new Term(Fields.KIND, Fields.KIND_ENTRY));
    Weight weight =
        searcher.createWeight(searcher.rewrite(entries), ScoreMode.COMPLETE_NO_SCORES, 1);
    Counts counts = new Counts();
    for (LeafReaderContext leaf : reader.leaves()) {
      var scorer = weight.scorer(leaf);
      if (scorer != null) {
        counts.add(leaf, scorer.iterator());
      }
    }
    Map<String, String> data = reader.getIndexCommit().getUserData();
    return new IndexStats(
        counts.entries,
        searcher.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_LIST))),
        counts.sections,
        counts.first == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(counts.first),
        counts.last == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(counts.last),
        counts.perYear,
        counts.topTags(),
        size(indexDir),
        instant(data.get(EntryIndexer.DATA_INDEXED_AT)),
        data.get(EntryIndexer.DATA_SOURCE),
        data.get(EntryIndexer.DATA_SOURCE_KIND));
  }

  /** An instant as {@link Instant#toString} writes it; null when absent or not one. */
  public static @Nullable Instant instant(@Nullable String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long total = 0;
      for (Path file : (Iterable<Path>) files::iterator) {
        total += Files.isRegularFile(file) ? Files.size(file) : 0;
      }
      return total;
    }
  }

  /** The one stored field the counts need: the body is not materialised. */
  private static final Set<String> HEADINGS = Set.of(Fields.SECTION_HEADING);

  /** Accumulates over the live entry documents of every segment. */
  private static final class Counts {
    int entries;
    long sections;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    final Map<Integer, Integer> perYear = new HashMap<>();
    final Map<String, Integer> tags = new HashMap<>();

    void add(LeafReaderContext leaf, DocIdSetIterator docs) throws IOException {
      NumericDocValues dates = leaf.reader().getNumericDocValues(Fields.DATE);
      SortedSetDocValues tagValues = leaf.reader().getSortedSetDocValues(Fields.TAG);
      StoredFields stored = leaf.reader().storedFields();
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue; // replaced or deleted, not yet merged away
        }
        entries++;
        for (String heading : stored.document(doc, HEADINGS).getValues(Fields.SECTION_HEADING)) {
          sections += heading.isEmpty() ? 0 : 1;
        }
        if (dates != null && dates.advanceExact(doc)) {
          date(dates.longValue());
        }
        if (tagValues != null && tagValues.advanceExact(doc)) {
          for (int i = 0; i < tagValues.docValueCount(); i++) {
            tags.merge(tagValues.lookupOrd(tagValues.nextOrd()).utf8ToString(), 1, Integer::sum);
          }
        }
      }
    }

    private void date(long day) {
      first = Math.min(first, day);
      last = Math.max(last, day);
      perYear.merge(LocalDate.ofEpochDay(day).getYear(), 1, Integer::sum);
    }

    List<Map.Entry<String, Integer>> topTags() {
      List<Map.Entry<String, Integer>> sorted = new ArrayList<>(tags.entrySet());
      sorted.sort(
          Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
              .thenComparing(Map.Entry.comparingByKey()));
      return sorted.subList(0, Math.min(TOP_TAGS, sorted.size())).stream()
          .map(e -> Map.entry(e.getKey(), e.getValue()))
          .toList();
    }
  }
}
