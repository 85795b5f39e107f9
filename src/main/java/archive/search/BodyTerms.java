package archive.search;

import archive.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The body terms a search highlights in a page of results, as one flat query of terms.
 *
 * <p>The highlighter reads match offsets from the postings only for plain terms: a query with a
 * prefix ({@code clim*}) or a wildcard made it analyse every shown body again into an index in
 * memory, nearly half the time of a prefix search. Here each such pattern is replaced by the terms
 * it matches that occur in the shown documents, found in the terms dictionary and postings. The
 * highlighter scores passages by terms alone (not by the query's structure or boosts), so the
 * passages are the same; words the query excludes ({@code -word}) are left out, as the highlighter
 * leaves them out.
 */
final class BodyTerms {

  private BodyTerms() {}

  /**
   * The body terms of a rewritten query, patterns expanded to the terms found in {@code docIds}; at
   * most {@link IndexSearcher#getMaxClauseCount()} terms.
   */
  static Query of(IndexReader reader, Query rewritten, int[] docIds) throws IOException {
    Set<BytesRef> terms = new TreeSet<>();
    List<MultiTermQuery> patterns = new ArrayList<>();
    rewritten.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            return field.equals(Fields.BODY);
          }

          @Override
          public void consumeTerms(Query query, Term... found) {
            for (Term term : found) {
              if (term.field().equals(Fields.BODY)) {
                terms.add(term.bytes());
              }
            }
          }

          @Override
          public void consumeTermsMatching(
              Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            if (field.equals(Fields.BODY) && query instanceof MultiTermQuery pattern) {
              patterns.add(pattern);
            }
          }
        });
    int max = IndexSearcher.getMaxClauseCount();
    if (!patterns.isEmpty()) {
      expand(reader, patterns, docIds, terms, max);
    }
    BooleanQuery.Builder flat = new BooleanQuery.Builder();
    int added = 0;
    for (BytesRef term : terms) {
      if (added++ == max) {
        break;
      }
      flat.add(new TermQuery(new Term(Fields.BODY, term)), Occur.SHOULD);
    }
    return flat.build();
  }

  /** Adds the terms of each pattern that occur in any of the documents, up to {@code max}. */
  private static void expand(
      IndexReader reader, List<MultiTermQuery> patterns, int[] docIds, Set<BytesRef> terms, int max)
      throws IOException {
    int[] sorted = docIds.clone();
    Arrays.sort(sorted);
    List<LeafReaderContext> leaves = reader.leaves();
    for (int from = 0; from < sorted.length; ) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted[from], leaves));
      int to = from;
      while (to < sorted.length && sorted[to] < leaf.docBase + leaf.reader().maxDoc()) {
        to++;
      }
      int[] local = new int[to - from];
      for (int i = from; i < to; i++) {
        local[i - from] = sorted[i] - leaf.docBase;
      }
      Terms field = leaf.reader().terms(Fields.BODY);
      if (field != null) {
        for (MultiTermQuery pattern : patterns) {
          if (!inAny(pattern.getTermsEnum(field), local, terms, max)) {
            return;
          }
        }
      }
      from = to;
    }
  }

  /**
   * Adds each enumerated term that one of the (ascending, leaf-relative) documents holds; false
   * once {@code max} terms are held.
   */
  private static boolean inAny(TermsEnum each, int[] docs, Set<BytesRef> terms, int max)
      throws IOException {
    PostingsEnum postings = null;
    for (BytesRef term = each.next(); term != null; term = each.next()) {
      if (terms.contains(term)) {
        continue;
      }
      postings = each.postings(postings, PostingsEnum.NONE);
      for (int doc : docs) {
        int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
        if (at == doc) {
          terms.add(BytesRef.deepCopyOf(term));
          if (terms.size() >= max) {
            return false;
          }
          break;
        }
        if (at == DocIdSetIterator.NO_MORE_DOCS) {
          break;
        }
      }
    }
    return true;
  }
}
