package archive.search;

import archive.index.Analysis;
import archive.index.Fields;
import archive.search.ParsedQuery.Part;
import archive.search.ParsedQuery.Word;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
  static @Nullable String suggest(String query, ParsedQuery parsed, IndexReader reader)
      throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinPrefix(2); // the exact mark and the first letter
    checker.setMinQueryLength(5); // four letters and the mark
    List<String> tokens = new ArrayList<>(List.of(QuerySyntax.clean(query).split(" ")));
    boolean changed = false;
    int checked = 0;
    for (List<Part> group : parsed.required()) {
      for (Part part : group) {
        if (part instanceof Word word
            && !word.prefix()
            && word.field() == null
            && checked++ < LuceneQueries.MAX_FUZZY_WORDS) {
          String better = correct(checker, word.text(), reader);
          if (better != null) {
            changed |= replace(tokens, word.text(), better);
          }
        }
      }
    }
    return changed ? String.join(" ", tokens) : null;
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

  private static boolean replace(List<String> tokens, String word, String better) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).equalsIgnoreCase(word)) {
        tokens.set(i, better.toLowerCase(Locale.ROOT));
        return true;
      }
    }
    return false;
  }
}
