package archive.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeSource;
import org.jspecify.annotations.Nullable;

/**
 * Close spellings of the words of one search, each word's Levenshtein automata built once and
 * shared by every field, attempt and "did you mean" of that search.
 *
 * <p>Lucene builds a fuzzy query's automata once per query, not per word: a word sought in three
 * fields, in the widened search, again when it widens to any word, and by the spelling checker was
 * built up to ten times, and building them was the largest cost of a search with a typo (44% of the
 * CPU of the 2,000 generated queries, bench/QueryTimes.java). {@link FuzzyTermsEnum} keeps its
 * automata in an attribute of the {@link AttributeSource} it is given, so that the segments of one
 * query share them; this class hands the attribute a word was built with to every later query of
 * the same word, edits and prefix. The automata are immutable once built.
 *
 * <p>One instance per search and thread: it is not thread-safe, and it holds automata only for the
 * words of that search.
 */
final class CloseSpellings {

  /** The exact mark and the first letter: typos rarely hit the first letter. */
  static final int PREFIX = 2;

  private record Key(String text, int edits, int prefix) {}

  private final Map<Key, AttributeImpl> built = new HashMap<>();
  private int builds;

  /** Terms of {@code field} within {@code edits} of {@code text}, the first letter kept. */
  FuzzyQuery query(String field, String text, int edits, int maxExpansions) {
    return new Shared(new Term(field, text), edits, PREFIX, maxExpansions);
  }

  /**
   * The terms within {@code edits} of a term, as {@link FuzzyTermsEnum} enumerates them, with a
   * common prefix of {@code prefix} characters.
   */
  FuzzyTermsEnum terms(Terms terms, Term term, int edits, int prefix) throws IOException {
    if (edits < 1) {
      throw new IllegalArgumentException("edits < 1: " + edits);
    }
    return (FuzzyTermsEnum)
        new Shared(term, edits, prefix, FuzzyQuery.defaultMaxExpansions)
            .enumerate(terms, new AttributeSource());
  }

  /** How many times automata were built: once per word, edits and prefix when shared. */
  int builds() {
    return builds;
  }

  /** A fuzzy query that takes its automata from, and leaves them in, the search's store. */
  private final class Shared extends FuzzyQuery {
    private final Key key;

    Shared(Term term, int edits, int prefix, int maxExpansions) {
      super(term, edits, prefix, maxExpansions, true);
      this.key = new Key(term.text(), edits, prefix);
    }

    TermsEnum enumerate(Terms terms, AttributeSource atts) throws IOException {
      return getTermsEnum(terms, atts);
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
      AttributeImpl lent = built.get(key);
      AttributeImpl had = automataOf(atts); // a later segment of the same query has them
      if (lent != null && had == null) {
        atts.addAttributeImpl(lent);
      }
      TermsEnum found = super.getTermsEnum(terms, atts);
      AttributeImpl used = automataOf(atts);
      if (used != null && used != lent && used != had) {
        builds++;
        built.put(key, used);
      }
      return found;
    }
  }

  /**
   * The attribute in which {@link FuzzyTermsEnum} keeps the automata it built: the one attribute
   * class it declares. Null if a Lucene version keeps them elsewhere; each query then builds its
   * own, as Lucene does.
   */
  private static @Nullable AttributeImpl automataOf(AttributeSource atts) {
    for (Iterator<AttributeImpl> it = atts.getAttributeImplsIterator(); it.hasNext(); ) {
      AttributeImpl impl = it.next();
      if (impl.getClass().getEnclosingClass() == FuzzyTermsEnum.class) {
        return impl;
      }
    }
    return null;
  }
}
