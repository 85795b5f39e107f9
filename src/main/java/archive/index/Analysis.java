package archive.index;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The analysis chains, shared by the indexer and the query side so that both produce the same
 * terms. Every text token becomes two terms at one position: {@code =word} (exact, unstemmed) and
 * its stem (see {@link ExactAndStemFilter}).
 *
 * <p>Index chain: {@link StandardTokenizer} → typographic apostrophes made ASCII → CJK width and
 * bigrams → code identifiers split into parts stacked on the whole ({@code os.path.join}, {@code
 * MAX_SIZE}, {@code parseFloat}) → lower case → accents folded → exact + stem. The query chain is
 * the same without the identifier split: a query for {@code os.path.join} matches the preserved
 * whole, a query for {@code join} matches the part.
 */
public final class Analysis {

  /** Prefix of exact (unstemmed) terms; no tokenizer ever emits it inside a word. */
  public static final char EXACT_MARK = '=';

  private static final Analyzer ENGLISH = new Chain(Profile.ENGLISH, true);
  private static final Analyzer PLAIN = new Chain(Profile.PLAIN, true);
  private static final Analyzer CJK = new Chain(Profile.CJK, true);
  private static final Analyzer QUERY = new Chain(Profile.ENGLISH, false);

  private Analysis() {}

  /** How a language is analysed. */
  enum Profile {
    /** English stemming and stop words; the default when the language is unknown. */
    ENGLISH,
    /** No stemming: languages we have no stemmer configured for. */
    PLAIN,
    /** Chinese, Japanese, Korean: bigrams plus single characters, no stemming. */
    CJK
  }

  /** The profile for a BCP 47 language tag; empty or unknown means English. */
  static Profile profile(String lang) {
    String primary = lang.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    switch (primary) {
      case "", "en":
        return Profile.ENGLISH;
      case "zh", "ja", "ko":
        return Profile.CJK;
      default:
        return Profile.PLAIN;
    }
  }

  /** The index-time analyzer for an entry in the given language. Thread-safe. */
  public static Analyzer indexAnalyzer(String lang) {
    switch (profile(lang)) {
      case CJK:
        return CJK;
      case PLAIN:
        return PLAIN;
      default:
        return ENGLISH;
    }
  }

  /** The query-time analyzer. Thread-safe. */
  public static Analyzer queryAnalyzer() {
    return QUERY;
  }

  /**
   * The exact-term form of one word as typed, for prefix and fuzzy matching: quotes mapped, lower
   * case, accents folded, marked. Does not split the word.
   */
  public static String exactTerm(String word) {
    String lower = word.replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT);
    char[] folded = new char[lower.length() * 4];
    int length = ASCIIFoldingFilter.foldToASCII(lower.toCharArray(), 0, folded, 0, lower.length());
    return EXACT_MARK + new String(folded, 0, length);
  }

  /** One analysis chain; reuses components per field so several fields can be open at once. */
  private static final class Chain extends Analyzer {
    private static final int CJK_SCRIPTS =
        CJKBigramFilter.HAN
            | CJKBigramFilter.HIRAGANA
            | CJKBigramFilter.KATAKANA
            | CJKBigramFilter.HANGUL;

    private final Profile profile;
    private final boolean forIndex;

    Chain(Profile profile, boolean forIndex) {
      super(PER_FIELD_REUSE_STRATEGY);
      this.profile = profile;
      this.forIndex = forIndex;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new ApostropheFilter(source);
      stream = new CJKWidthFilter(stream);
      stream = new CJKBigramFilter(stream, CJK_SCRIPTS, forIndex && profile == Profile.CJK);
      if (forIndex) {
        stream = new IdentifierPartsFilter(stream);
      }
      stream = new LowerCaseFilter(stream);
      stream = new ASCIIFoldingFilter(stream);
      boolean english = profile == Profile.ENGLISH;
      stream =
          new ExactAndStemFilter(
              stream,
              english ? new EnglishStemmer() : null,
              english ? EnglishAnalyzer.ENGLISH_STOP_WORDS_SET : CharArraySet.EMPTY_SET);
      return new TokenStreamComponents(source, stream);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return 100;
    }
  }
}
