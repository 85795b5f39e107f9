package archive.search;

import archive.index.Analysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.jspecify.annotations.Nullable;

/** Query text run through the shared query analyzer: per position, the exact term and its stem. */
final class QueryTerms {

  private QueryTerms() {}

  /**
   * One position of analysed query text.
   *
   * @param position 0-based position, with gaps where stop words were (kept for phrases)
   * @param exact the marked exact term
   * @param stem the stem, or null for a stop word
   * @param start offset of the word's first character in the analysed text
   * @param end offset just after the word's last character
   */
  record Token(int position, String exact, @Nullable String stem, int start, int end) {}

  /** Whether a token is one of the query's terms, in its exact or its stemmed form. */
  static boolean matches(Token token, Set<String> queryTerms) {
    return queryTerms.contains(token.exact())
        || token.stem() != null && queryTerms.contains(token.stem());
  }

  /**
   * Where the words of a text that are one of the query's terms are: for text the highlighter did
   * not pass over (a section's opening lines).
   */
  static List<Snippet.Range> ranges(String text, Set<String> queryTerms) {
    List<Snippet.Range> matches = new ArrayList<>();
    for (Token token : analyze(text)) {
      if (token.end() > token.start() && matches(token, queryTerms)) {
        matches.add(new Snippet.Range(token.start(), token.end()));
      }
    }
    return matches;
  }

  /** Analyses text; empty when it holds no words (punctuation only, say). */
  static List<Token> analyze(String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = Analysis.queryAnalyzer().tokenStream("query", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        String value = term.toString();
        if (inc.getPositionIncrement() > 0) {
          position += inc.getPositionIncrement();
          tokens.add(new Token(position, value, null, offset.startOffset(), offset.endOffset()));
        } else if (!tokens.isEmpty()) {
          Token last = tokens.remove(tokens.size() - 1);
          tokens.add(new Token(last.position(), last.exact(), value, last.start(), last.end()));
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a string cannot fail: " + text, e);
    }
    return tokens;
  }
}
