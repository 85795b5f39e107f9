package archive.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.jspecify.annotations.Nullable;
import org.tartarus.snowball.SnowballStemmer;

/**
 * Emits every token twice at the same position: once marked exact ({@code =debugging}) and once as
 * its stem ({@code debug}). One field and one tokenisation pass thus serve both stemmed matching
 * and exact phrases, prefixes and spelling, where a second unstemmed field would analyse the text
 * again. Stop words get only the exact form, so quoted phrases keep them and plain queries ignore
 * them.
 */
final class ExactAndStemFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final @Nullable SnowballStemmer stemmer;
  private final CharArraySet stopWords;

  /**
   * Word frequencies follow Zipf's law, so a small cache answers most tokens without running the
   * stemmer, which otherwise costs an eighth of indexing time.
   */
  private final CharArrayMap<char[]> stems = new CharArrayMap<>(STEM_CACHE_SIZE * 2, false);

  private static final int STEM_CACHE_SIZE = 50_000;
  private @Nullable State pending;
  private char[] stem = new char[32];
  private int stemLength;

  /**
   * @param stemmer the stemmer, or null to keep the unstemmed form as the "stem"
   * @param stopWords words that get no stem form
   */
  ExactAndStemFilter(TokenStream input, @Nullable SnowballStemmer stemmer, CharArraySet stopWords) {
    super(input);
    this.stemmer = stemmer;
    this.stopWords = stopWords;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pending != null) {
      restoreState(pending);
      pending = null;
      term.copyBuffer(stem, 0, stemLength);
      posInc.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (!stopWords.contains(term.buffer(), 0, term.length())) {
      computeStem();
      pending = captureState();
    }
    markExact();
    return true;
  }

  private void computeStem() {
    int length = withoutPossessive(term.buffer(), term.length());
    if (stemmer == null) {
      copyStem(term.buffer(), length);
      return;
    }
    char[] cached = stems.get(term.buffer(), 0, length);
    if (cached == null) {
      // The stemmer rewrites the array it is given (flaky -> flaki): give it a copy, never the
      // term.
      stemmer.setCurrent(Arrays.copyOf(term.buffer(), length), length);
      stemmer.stem();
      cached = Arrays.copyOf(stemmer.getCurrentBuffer(), stemmer.getCurrentBufferLength());
      if (stems.size() >= STEM_CACHE_SIZE) {
        stems.clear();
      }
      stems.put(Arrays.copyOf(term.buffer(), length), cached);
    }
    copyStem(cached, cached.length);
  }

  private static int withoutPossessive(char[] buffer, int length) {
    if (length > 2 && buffer[length - 2] == '\'' && buffer[length - 1] == 's') {
      return length - 2;
    }
    return length;
  }

  private void copyStem(char[] source, int length) {
    if (stem.length < length) {
      stem = new char[length * 2];
    }
    System.arraycopy(source, 0, stem, 0, length);
    stemLength = length;
  }

  private void markExact() {
    int length = term.length();
    char[] buffer = term.resizeBuffer(length + 1);
    System.arraycopy(buffer, 0, buffer, 1, length);
    buffer[0] = Analysis.EXACT_MARK;
    term.setLength(length + 1);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending = null;
  }
}
