package archive.search;

import archive.index.Analysis;
import archive.index.Fields;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.jspecify.annotations.Nullable;

/** "Did you mean": corrects words of a query from the words the index holds, no side index. */
final class Spelling {

  private static final String[] FIELDS = {Fields.BODY, Fields.TITLE};

  private Spelling() {}

  /** The query with misspelt words replaced, or null when nothing looks misspelt. */
  static @Nullable String suggest(String query, List<String> words, IndexReader reader)
      throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinPrefix(2); // the exact mark and the first letter
    checker.setMinQueryLength(5); // four letters and the mark
    String corrected = QueryText.clean(query);
    boolean changed = false;
    for (String word : words.subList(0, Math.min(words.size(), BlogQueryParser.MAX_FUZZY_WORDS))) {
      String better = correct(checker, word, reader);
      if (better != null) {
        String replaced = replace(corrected, word, better.toLowerCase(Locale.ROOT));
        changed |= !replaced.equals(corrected);
        corrected = replaced;
      }
    }
    return changed ? corrected : null;
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
