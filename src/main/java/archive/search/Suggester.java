package archive.search;

import archive.index.Fields;
import archive.search.PrefixTerms.Found;
import archive.search.QueryTerms.Token;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Search-as-you-type: entry titles that hold the typed words, then index words that complete the
 * last one. The typed text goes through the query analyzer, so it is lower-cased and folded like
 * the index; every earlier word must be in the title as is, the last one is a prefix.
 */
final class Suggester implements SuggestionSource {

  /** Longest typed text considered; the rest is ignored. */
  static final int MAX_CHARS = 100;

  /** Most terms read from the terms dictionary per field and call. */
  static final int MAX_TERMS = 2_000;

  /** A shorter last word would match too much to be useful. */
  private static final int MIN_PREFIX = 2;

  /** Titles ranked before the best few are picked. */
  private static final int CANDIDATES = 50;

  private static final Comparator<Found> MOST_FREQUENT_FIRST =
      Comparator.comparingInt(Found::docFreq).reversed().thenComparing(Found::text);

  private final IndexSearcher searcher;

  Suggester(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /** Up to {@code limit} suggestions, titles first; empty when the text holds no usable word. */
  List<Suggestion> suggest(String typed, int limit) throws IOException {
    return suggest(typed, limit, this);
  }

  /** Up to {@code limit} suggestions from a source, titles first. */
  static List<Suggestion> suggest(String typed, int limit, SuggestionSource source)
      throws IOException {
    String text = normalise(typed);
    List<Token> tokens = QueryTerms.analyze(text);
    if (tokens.isEmpty()) {
      return List.of();
    }
    Token last = tokens.get(tokens.size() - 1);
    String prefix = last.exact();
    if (prefix.codePointCount(1, prefix.length()) < MIN_PREFIX) {
      return List.of();
    }
    List<String> whole = tokens.subList(0, tokens.size() - 1).stream().map(Token::exact).toList();
    List<Suggestion> suggestions = new ArrayList<>(source.titles(whole, prefix, limit));
    Set<String> seen = new HashSet<>();
    suggestions.forEach(s -> seen.add(s.text().toLowerCase(Locale.ROOT)));
    for (String word : source.completions(prefix)) {
      String completed = text.substring(0, last.start()) + word;
      if (suggestions.size() < limit && seen.add(completed.toLowerCase(Locale.ROOT))) {
        suggestions.add(Suggestion.term(completed));
      }
    }
    return suggestions;
  }

  /** NFKC (full-width letters, ligatures), cut to {@link #MAX_CHARS}, trimmed. */
  static String normalise(String typed) {
    return cut(Normalizer.normalize(cut(typed), Normalizer.Form.NFKC)).strip();
  }

  private static String cut(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    boolean splitsPair = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1));
    return text.substring(0, splitsPair ? MAX_CHARS - 1 : MAX_CHARS);
  }

  /**
   * Entry titles with every whole word and a word starting with the prefix. Best BM25 first (short
   * titles, rare words), newest first among equals; titles that start with the typed words move
   * ahead of those that hold them further in.
   */
  @Override
  public List<Suggestion> titles(List<String> whole, String prefix, int limit) throws IOException {
    Query query = titleQuery(whole, prefix);
    if (query == null) {
      return List.of();
    }
    SortField newest = new SortField(Fields.DATE, SortField.Type.LONG, true);
    newest.setMissingValue(Long.MIN_VALUE);
    ScoreDoc[] docs =
        searcher.search(query, CANDIDATES, new Sort(SortField.FIELD_SCORE, newest)).scoreDocs;
    List<Suggestion> leading = new ArrayList<>();
    List<Suggestion> others = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc doc : docs) {
      Document entry = stored.document(doc.doc);
      String title = entry.get(Fields.TITLE);
      if (title != null) {
        Suggestion suggestion = Suggestion.title(title, entry.get(Fields.URL));
        if (startsWith(title, whole, prefix)) {
          leading.add(suggestion);
        } else {
          others.add(suggestion);
        }
      }
    }
    leading.addAll(others);
    return distinct(leading, limit);
  }

  private @Nullable Query titleQuery(List<String> whole, String prefix) throws IOException {
    List<BytesRef> completions = new ArrayList<>();
    for (Found found :
        PrefixTerms.walk(searcher.getIndexReader(), Fields.TITLE, prefix, MAX_TERMS)) {
      if (found.text().equals(prefix) || !isStopWord(found.text())) {
        completions.add(new BytesRef(found.text())); // "th" is not "the", but "to" is "to"
      }
    }
    if (completions.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String word : whole) {
      query.add(new TermQuery(new Term(Fields.TITLE, word)), Occur.MUST);
    }
    query.add(new TermInSetQuery(Fields.TITLE, completions), Occur.MUST);
    query.add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ENTRY)), Occur.FILTER);
    return query.build();
  }

  /** Whether the title's first words are the whole words, followed by one with the prefix. */
  static boolean startsWith(String title, List<String> whole, String prefix) {
    List<Token> words = QueryTerms.analyze(title);
    if (words.size() <= whole.size()) {
      return false;
    }
    for (int i = 0; i < whole.size(); i++) {
      if (!words.get(i).exact().equals(whole.get(i))) {
        return false;
      }
    }
    return words.get(whole.size()).exact().startsWith(prefix);
  }

  /** Whether an exact term is one of the analyzer's stop words. */
  static boolean isStopWord(String exact) {
    return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(exact.substring(1));
  }

  static List<Suggestion> distinct(List<Suggestion> suggestions, int limit) {
    Set<String> seen = new HashSet<>();
    List<Suggestion> kept = new ArrayList<>();
    for (Suggestion suggestion : suggestions) {
      if (kept.size() < limit && seen.add(suggestion.text().toLowerCase(Locale.ROOT))) {
        kept.add(suggestion);
      }
    }
    return kept;
  }

  /**
   * Body words that complete the prefix, most frequent first: neither stop words nor the prefix
   * itself (typing {@code nix} should not suggest {@code nix}).
   */
  @Override
  public List<String> completions(String prefix) throws IOException {
    List<Found> found =
        new ArrayList<>(
            PrefixTerms.walk(searcher.getIndexReader(), Fields.BODY, prefix, MAX_TERMS));
    found.sort(MOST_FREQUENT_FIRST);
    List<String> words = new ArrayList<>();
    for (Found term : found) {
      String word = term.text().substring(1);
      if (!term.text().equals(prefix) && !isStopWord(term.text())) {
        words.add(word);
      }
    }
    return words;
  }
}
