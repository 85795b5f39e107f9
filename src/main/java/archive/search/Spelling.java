package archive.search;

import archive.index.Analysis;
import archive.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.UnicodeUtil;
import org.jspecify.annotations.Nullable;

/** "Did you mean": corrects words of a query from the words the index holds, no side index. */
final class Spelling {

  private static final String[] FIELDS = {Fields.BODY, Fields.TITLE};

  private Spelling() {}

  /**
   * The query with misspelt words replaced, or null when nothing looks misspelt. Close spellings
   * are found with the automata of the search's {@code closeSpellings}.
   */
  static @Nullable String suggest(
      String query, List<String> words, IndexReader reader, CloseSpellings closeSpellings)
      throws IOException {
    DirectSpellChecker checker = checker(closeSpellings);
    return suggest(query, words, word -> correct(checker, word, reader));
  }

  /** What a word should have been, or null when it looks right. */
  @FunctionalInterface
  interface Corrector {
    @Nullable String correct(String word) throws IOException;
  }

  /** The query with the words a corrector corrects replaced, or null when it corrects none. */
  static @Nullable String suggest(String query, List<String> words, Corrector corrector)
      throws IOException {
    String corrected = QueryText.clean(query);
    boolean changed = false;
    for (String word : checked(words)) {
      String better = corrector.correct(word);
      if (better != null) {
        String replaced = replace(corrected, word, better.toLowerCase(Locale.ROOT));
        changed |= !replaced.equals(corrected);
        corrected = replaced;
      }
    }
    return changed ? corrected : null;
  }

  /** The words whose spelling is checked: the first few. */
  static List<String> checked(List<String> words) {
    return words.subList(0, Math.min(words.size(), BlogQueryParser.MAX_FUZZY_WORDS));
  }

  /** The spelling checker of one search, as configured for "did you mean". */
  static DirectSpellChecker checker(CloseSpellings closeSpellings) {
    DirectSpellChecker checker = new SharedChecker(closeSpellings);
    configure(checker);
    return checker;
  }

  /** Sets what this project asks of a spelling checker. */
  static void configure(DirectSpellChecker checker) {
    checker.setMinPrefix(CloseSpellings.PREFIX); // the exact mark and the first letter
    checker.setMinQueryLength(5); // four letters and the mark
  }

  private static @Nullable String correct(
      DirectSpellChecker checker, String word, IndexReader reader) throws IOException {
    String exact = Analysis.exactTerm(word);
    int frequency = 0;
    for (String field : FIELDS) {
      frequency += reader.docFreq(new Term(field, exact));
    }
    SuggestMode mode =
        frequency == 0 ? SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX : SuggestMode.SUGGEST_MORE_POPULAR;
    SuggestWord best = null;
    for (String field : FIELDS) {
      for (SuggestWord suggestion :
          checker.suggestSimilar(new Term(field, exact), 3, reader, mode)) {
        boolean stopWord =
            EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(suggestion.string.substring(1));
        if (!stopWord && (best == null || suggestion.freq > best.freq)) {
          best = suggestion;
        }
      }
    }
    return best == null ? null : best.string.substring(1);
  }

  /**
   * Lucene's spelling checker, with the automata of its candidate enumerations shared with the
   * search's close spellings instead of built twice per word and field. Candidates are kept as
   * {@link DirectSpellChecker} keeps them: the most similar (by the enumeration's similarity, then
   * term order) above the accuracy and the frequency floor, never the word itself.
   */
  private static final class SharedChecker extends DirectSpellChecker {
    private final CloseSpellings closeSpellings;

    /** What the last widest enumeration was asked, and what it found. */
    private @Nullable Asked asked;

    private @Nullable Collection<ScoreTerm> found;

    private record Asked(Term term, int numSug, IndexReader reader, int docfreq, float accuracy) {}

    SharedChecker(CloseSpellings closeSpellings) {
      this.closeSpellings = closeSpellings;
    }

    /**
     * Lucene asks for one edit first, then (with fewer than {@code numSug} found) for two, and
     * merges the answers. The candidates within one edit are always more similar than those within
     * two, so the best {@code numSug} within two hold the best within one: the two-edit enumeration
     * runs once, on the first question, and answers both.
     */
    @Override
    protected Collection<ScoreTerm> suggestSimilar(
        Term term,
        int numSug,
        IndexReader ir,
        int docfreq,
        int editDistance,
        float accuracy,
        CharsRefBuilder spare)
        throws IOException {
      int widest = getMaxEdits();
      if (editDistance > widest || prefix(editDistance) != prefix(widest)) {
        return enumerate(term, numSug, ir, docfreq, editDistance, accuracy);
      }
      Asked now = new Asked(term, numSug, ir, docfreq, accuracy);
      if (!now.equals(asked) || found == null) {
        found = enumerate(term, numSug, ir, docfreq, widest, accuracy);
        asked = now;
      }
      int length = term.text().codePointCount(0, term.text().length());
      List<ScoreTerm> within = new ArrayList<>();
      for (ScoreTerm candidate : found) {
        if (edits(candidate, length) <= editDistance) {
          within.add(candidate);
        }
      }
      return within;
    }

    private int prefix(int editDistance) {
      return Math.max(getMinPrefix(), editDistance - 1);
    }

    /**
     * A candidate's edits, from its similarity as {@link FuzzyTermsEnum} gives it: one less the
     * edits over the shorter length.
     */
    private static int edits(ScoreTerm candidate, int typedLength) {
      int length = Math.min(UnicodeUtil.codePointCount(candidate.term), typedLength);
      return Math.round((1f - candidate.boost) * length);
    }

    private Collection<ScoreTerm> enumerate(
        Term term, int numSug, IndexReader ir, int docfreq, int editDistance, float accuracy)
        throws IOException {
      Terms terms = MultiTerms.getTerms(ir, term.field());
      if (terms == null) {
        return List.of();
      }
      FuzzyTermsEnum candidates =
          closeSpellings.terms(terms, term, editDistance, prefix(editDistance));
      PriorityQueue<ScoreTerm> best = new PriorityQueue<>(); // least similar on top
      BytesRef typed = new BytesRef(term.text());
      for (BytesRef candidate = candidates.next();
          candidate != null;
          candidate = candidates.next()) {
        float similarity = candidates.getBoost();
        boolean full = best.size() >= numSug;
        if ((full && similarity <= best.peek().boost)
            || typed.bytesEquals(candidate)
            || similarity < accuracy) {
          continue;
        }
        int frequency = candidates.docFreq();
        if (frequency <= docfreq) {
          continue;
        }
        ScoreTerm kept = new ScoreTerm();
        kept.term = BytesRef.deepCopyOf(candidate);
        kept.boost = similarity;
        kept.score = similarity;
        kept.docfreq = frequency;
        best.offer(kept);
        if (best.size() > numSug) {
          best.poll();
        }
        candidates.setMaxNonCompetitiveBoost(
            best.size() >= numSug ? best.peek().boost : Float.NEGATIVE_INFINITY);
      }
      return best;
    }
  }

  /**
   * The first standalone occurrence of a word (any case) replaced; the rest of the text as typed.
   */
  private static String replace(String text, String word, String better) {
    Pattern standalone =
        Pattern.compile(
            "(?<![\\p{L}\\p{N}_*?\\\\])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}_])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return standalone.matcher(text).replaceFirst(Matcher.quoteReplacement(better));
  }
}
