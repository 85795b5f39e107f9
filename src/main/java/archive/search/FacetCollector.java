package archive.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.jspecify.annotations.Nullable;

/**
 * Counts years and tags of the documents it is given, reading only doc values. Within a segment it
 * counts into arrays (by year offset and by tag ordinal) and turns them into totals when the
 * segment is done, so the per-document work is a few array increments, with no boxing and no term
 * lookups. The searcher passes only live documents, so deletions are never counted.
 */
final class FacetCollector extends SimpleCollector {

  /** A segment whose years span more than this counts the outliers one by one. */
  private static final int MAX_YEAR_SLOTS = 512;

  private final String yearField;
  private final String tagField;
  private final Map<Integer, Long> years = new HashMap<>();
  private final Map<String, Long> tags = new HashMap<>();

  private NumericDocValues yearValues = DocValues.emptyNumeric();
  private SortedSetDocValues tagValues = DocValues.emptySortedSet();
  private int firstYear;
  private int[] yearSlots = new int[0];
  private int[] tagSlots = new int[0];

  FacetCollector(String yearField, String tagField) {
    this.yearField = yearField;
    this.tagField = tagField;
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    flush();
    LeafReader reader = context.reader();
    yearValues = DocValues.getNumeric(reader, yearField);
    tagValues = DocValues.getSortedSet(reader, tagField);
    tagSlots = new int[Math.toIntExact(tagValues.getValueCount())];
    yearSlots(reader.getPointValues(yearField));
  }

  /** Sizes the year array from the smallest and largest year the segment holds. */
  private void yearSlots(@Nullable PointValues points) throws IOException {
    if (points == null) {
      yearSlots = new int[0];
      return;
    }
    firstYear = IntPoint.decodeDimension(points.getMinPackedValue(), 0);
    int lastYear = IntPoint.decodeDimension(points.getMaxPackedValue(), 0);
    long span = (long) lastYear - firstYear + 1;
    yearSlots = new int[(int) Math.min(span, MAX_YEAR_SLOTS)];
  }

  @Override
  public void collect(int doc) throws IOException {
    if (yearValues.advanceExact(doc)) {
      long slot = yearValues.longValue() - firstYear;
      if (slot >= 0 && slot < yearSlots.length) {
        yearSlots[(int) slot]++;
      } else {
        years.merge((int) yearValues.longValue(), 1L, Long::sum);
      }
    }
    if (tagValues.advanceExact(doc)) {
      for (int i = tagValues.docValueCount(); i > 0; i--) {
        tagSlots[(int) tagValues.nextOrd()]++;
      }
    }
  }

  @Override
  public void finish() throws IOException {
    flush();
  }

  /** Adds the current segment's counts to the totals; safe to call more than once. */
  void flush() throws IOException {
    for (int i = 0; i < yearSlots.length; i++) {
      if (yearSlots[i] > 0) {
        years.merge(firstYear + i, (long) yearSlots[i], Long::sum);
        yearSlots[i] = 0;
      }
    }
    for (int ord = 0; ord < tagSlots.length; ord++) {
      if (tagSlots[ord] > 0) {
        tags.merge(tagValues.lookupOrd(ord).utf8ToString(), (long) tagSlots[ord], Long::sum);
        tagSlots[ord] = 0;
      }
    }
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  /** Documents per year, so far. */
  Map<Integer, Long> years() {
    return years;
  }

  /** Documents per tag, so far. */
  Map<String, Long> tags() {
    return tags;
  }
}
