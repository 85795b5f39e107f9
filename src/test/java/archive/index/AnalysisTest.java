package archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class AnalysisTest {

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }

  @Test
  void everyWordGetsAnExactAndAStemmedTerm() throws IOException {
    assertThat(terms(Analysis.indexAnalyzer("en"), "Debugging deployments"))
        .containsExactly("=debugging", "debug", "=deployments", "deploy");
  }

  @Test
  void stemmingNeverChangesTheExactTerm() throws IOException {
    // Snowball rewrites y to i in place; the exact form must stay as written, every time.
    assertThat(terms(Analysis.indexAnalyzer("en"), "flaky flaky"))
        .containsExactly("=flaky", "flaki", "=flaky", "flaki");
  }

  @Test
  void stopWordsKeepOnlyTheExactTerm() throws IOException {
    assertThat(terms(Analysis.indexAnalyzer("en"), "to be")).containsExactly("=to", "=be");
  }

  @Test
  void identifiersAreKeptWholeAndSplitIntoParts() throws IOException {
    List<String> terms = terms(Analysis.indexAnalyzer("en"), "os.path.join MAX_SIZE parseFloat");
    assertThat(terms)
        .contains("=os.path.join", "=join", "=max_size", "=max", "=size", "=parsefloat", "=float");
  }

  @Test
  void queriesKeepIdentifiersWhole() throws IOException {
    assertThat(terms(Analysis.queryAnalyzer(), "os.path.join")).startsWith("=os.path.join");
  }

  @Test
  void typographicApostrophesMatchAsciiOnes() throws IOException {
    Analyzer analyzer = Analysis.indexAnalyzer("en");
    assertThat(terms(analyzer, "what\u2019s")).isEqualTo(terms(analyzer, "what's"));
  }

  @Test
  void accentsFold() throws IOException {
    assertThat(terms(Analysis.indexAnalyzer("en"), "café")).contains("=cafe");
    assertThat(terms(Analysis.indexAnalyzer("de"), "Straßenbahn")).contains("=strassenbahn");
  }

  @Test
  void chineseJapaneseKoreanBecomeBigramsAndSingleCharacters() throws IOException {
    List<String> terms = terms(Analysis.indexAnalyzer("ja"), "東京で");
    assertThat(terms).contains("=東京", "=京で", "=東");
    assertThat(terms(Analysis.queryAnalyzer(), "東京")).contains("=東京").doesNotContain("=東");
  }

  @Test
  void otherLanguagesAreNotStemmedAsEnglish() throws IOException {
    assertThat(terms(Analysis.indexAnalyzer("de"), "Häuser")).containsExactly("=hauser", "hauser");
  }

  @Test
  void exactTermOfAWordFoldsAndMarks() {
    assertThat(Analysis.exactTerm("Café\u2019s")).isEqualTo("=cafe's");
  }
}
