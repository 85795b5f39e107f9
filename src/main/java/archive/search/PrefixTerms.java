package archive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/** The terms of a field that start with a prefix, read from the terms dictionary with a bound. */
final class PrefixTerms {

  private PrefixTerms() {}

  /**
   * A term and how many documents hold it.
   *
   * @param text the term as indexed, exact mark included
   * @param docFreq documents holding it, deleted ones included until they are merged away
   */
  record Found(String text, int docFreq) {}

  /**
   * Up to {@code max} terms of {@code field} that start with {@code prefix}, in term order. Work is
   * bounded by {@code max}, however many terms share the prefix.
   */
  static List<Found> walk(IndexReader reader, String field, String prefix, int max)
      throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    List<Found> found = new ArrayList<>();
    if (terms == null) {
      return found;
    }
    BytesRef start = new BytesRef(prefix);
    TermsEnum each = terms.iterator();
    if (each.seekCeil(start) == TermsEnum.SeekStatus.END) {
      return found;
    }
    for (BytesRef term = each.term();
        term != null && StringHelper.startsWith(term, start) && found.size() < max;
        term = each.next()) {
      found.add(new Found(term.utf8ToString(), each.docFreq()));
    }
    return found;
  }
}
