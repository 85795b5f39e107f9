package archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import archive.search.BlogQueryParser.Mode;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the parser makes of a query before it runs: its notes, the words "did you mean" may correct,
 * and how many parts it counts. What queries find is in {@link DevlogGoldenTest}.
 */
class BlogQueryParserTest {

  private static BlogQuery parse(String query) {
    return BlogQueryParser.parse(query, Mode.ALL, false);
  }

  @Test
  void plainWordsAreThoseTypedWithoutQualifierQuotesOrWildcards() {
    BlogQuery q = parse("kubernetes -dns title:home \"a phrase\" kube* sourdough OR rye tag:go");
    assertThat(q.words()).containsExactly("kubernetes", "sourdough", "rye");
  }

  @Test
  void orBindsTighterThanTheWordsAroundIt() {
    BooleanQuery q = (BooleanQuery) parse("sourdough OR rye bread").query();
    // (sourdough OR rye), bread, the proximity boost of the plain words, and the kind filter
    assertThat(q.clauses()).extracting(BooleanClause::getOccur).startsWith(Occur.MUST, Occur.MUST);
    assertThat(parse("sourdough OR rye bread").clauses()).isEqualTo(2);
  }

  @Test
  void qualifiersOnlyAreFiltersOverEveryEntry() {
    BlogQuery q = parse("tag:infra year:2021");
    assertThat(q.empty()).isFalse();
    assertThat(q.clauses()).isZero();
    assertThat(q.notes()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"", "-", "*", "/.*/", "((( )))", "!!", "*:*", "~"})
  void punctuationAloneHasNothingToSearchFor(String query) {
    BlogQuery q = parse(query);
    assertThat(q.empty()).isTrue();
    assertThat(q.notes()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"unclosed phrase", "(rye", "rye OR", "OR rye", "rye -", "hello!"})
  void brokenSyntaxIsReadAsWordsWithANote(String query) {
    BlogQuery q = parse(query);
    assertThat(q.empty()).isFalse();
    assertThat(q.notes()).first().asString().startsWith("read as plain words");
  }

  @Test
  void wellFormedSyntaxGetsNoNote() {
    assertThat(
            parse("(kubernetes OR k8s) AND \"home lab\"~2 -title:draft^2 year:[2020 TO 2022]")
                .notes())
        .isEmpty();
  }

  @Test
  void colonsAndSlashesOutsideQualifiersAreText() {
    assertThat(parse("ctx:cancel").words()).containsExactly("ctx:cancel");
    assertThat(parse("https://example.com/a/b and/or").notes()).isEmpty();
    assertThat(parse("https://example.com/a/b").empty()).isFalse();
  }

  @Test
  void aRegularExpressionIsSearchedAsItsWordsAndSaysSo() {
    assertThat(parse("/kube.*netes/").notes())
        .containsExactly("searched for the words between slashes (no regular expressions)");
  }

  @Test
  void leadingWildcardsAreDroppedWithANote() {
    BlogQuery q = parse("*netes");
    assertThat(q.words()).containsExactly("netes");
    assertThat(q.notes()).containsExactly("a word cannot start with * or ?; searched for netes");
  }

  @Test
  void aPrefixNeedsTwoLetters() {
    assertThat(parse("k*").words()).containsExactly("k");
    assertThat(parse("ku*").words()).isEmpty();
  }

  @Test
  void aQuestionMarkAtTheEndIsPunctuation() {
    assertThat(parse("what is kubernetes?").words()).containsExactly("what", "is", "kubernetes");
  }

  @Test
  void editsAndSlopAreBoundedWithANote() {
    assertThat(parse("kubernetes~9").notes())
        .containsExactly("used kubernetes~2 (two edits at most)");
    assertThat(parse("\"a b\"~2147483648").notes())
        .containsExactly("used ~20 for \"a b\" (phrase words move at most that far)");
  }

  @Test
  void closeSpellingsAreSoughtForTheFirstEightWordsOnly() {
    String query = "alpha~ bravo~ charlie~ delta~ echo~ foxtrot~ golf~ hotel~ india~";
    assertThat(parse(query).notes())
        .containsExactly("close spellings (~) are sought for the first 8 words");
  }

  @Test
  void rangesAreForDates() {
    assertThat(parse("kubernetes title:[a TO c]").notes())
        .containsExactly(
            "ignored a range after title: (ranges are for dates, as in date:[2020-01 TO 2021-06])");
  }

  @Test
  void badDatesAreDroppedWithANote() {
    BlogQuery q = parse("rust after:2021-13 year:soon year:2021-06 date:[2020 TO never]");
    assertThat(q.notes())
        .containsExactly(
            "ignored after:2021-13 (use YYYY, YYYY-MM or YYYY-MM-DD)",
            "ignored year:soon (use a year such as year:2021)",
            "ignored year:2021-06 (use a year such as year:2021)",
            "ignored date:never (use YYYY, YYYY-MM or YYYY-MM-DD)");
    assertThat(q.words()).containsExactly("rust");
  }

  @Test
  void veryLongQueriesAreCappedWithANote() {
    BlogQuery q = parse("word ".repeat(100));
    assertThat(q.parts()).isEqualTo(100);
    assertThat(q.words()).hasSize(BlogQueryParser.MAX_PARTS);
    assertThat(q.notes()).containsExactly("used the first 32 words of the query");
  }

  @Test
  void wordCountIncludesPhrasesAndWordsBeyondTheCapButNotQualifiers() {
    assertThat(BlogQueryParser.countParts("rust \"error handling\" -java tag:go year:2021 a OR b"))
        .isEqualTo(5);
    assertThat(BlogQueryParser.countParts("  ")).isZero();
  }

  @Test
  void theWidenedSearchNeverExcludesByCloseSpelling() {
    Query widened = BlogQueryParser.parse("sourdough -starter", Mode.ALL_FUZZY, false).query();
    BooleanClause excluded =
        ((BooleanQuery) widened)
            .clauses().stream()
                .filter(c -> c.getOccur() == Occur.MUST_NOT)
                .findFirst()
                .orElseThrow();
    assertThat(excluded.getQuery().toString()).contains("starter").doesNotContain("starter~");
    assertThat(widened.toString()).contains("sourdough~");
  }

  @Test
  void controlCharactersAndTypographicQuotesAreCleaned() {
    assertThat(QueryText.clean("rust\u0000\u0007 wasm\u200b")).isEqualTo("rust wasm");
    assertThat(QueryText.clean("\u201cflaky deployments\u201d")).isEqualTo("\"flaky deployments\"");
  }
}
