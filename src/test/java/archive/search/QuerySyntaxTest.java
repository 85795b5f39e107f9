package archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import archive.search.ParsedQuery.Phrase;
import archive.search.ParsedQuery.Word;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuerySyntaxTest {

  @Test
  void wordsAreEachRequired() {
    ParsedQuery q = QuerySyntax.parse("flaky  deployments");
    assertThat(q.required())
        .containsExactly(
            List.of(new Word("flaky", null, false)), List.of(new Word("deployments", null, false)));
  }

  @Test
  void quotedWordsFormAPhrase() {
    assertThat(QuerySyntax.parse("\"flaky deployments\" ci").required())
        .containsExactly(
            List.of(new Phrase("flaky deployments", null)), List.of(new Word("ci", null, false)));
  }

  @Test
  void typographicQuotesFormAPhraseToo() {
    assertThat(QuerySyntax.parse("\u201cflaky deployments\u201d").required())
        .containsExactly(List.of(new Phrase("flaky deployments", null)));
  }

  @Test
  void unbalancedQuoteIsTakenAsText() {
    assertThat(QuerySyntax.parse("\"flaky deployments").required())
        .containsExactly(
            List.of(new Word("flaky", null, false)), List.of(new Word("deployments", null, false)));
  }

  @Test
  void minusExcludesAWordOrPhrase() {
    ParsedQuery q = QuerySyntax.parse("sourdough -rye -\"white bread\"");
    assertThat(q.required()).containsExactly(List.of(new Word("sourdough", null, false)));
    assertThat(q.excluded())
        .containsExactly(new Word("rye", null, false), new Phrase("white bread", null));
  }

  @Test
  void orJoinsNeighboursIntoOneGroup() {
    ParsedQuery q = QuerySyntax.parse("sourdough OR rye bread");
    assertThat(q.required())
        .containsExactly(
            List.of(new Word("sourdough", null, false), new Word("rye", null, false)),
            List.of(new Word("bread", null, false)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"OR rye", "rye OR", "-", "rye -"})
  void strayOperatorsNeverFail(String query) {
    ParsedQuery q = QuerySyntax.parse(query);
    assertThat(q.required()).isNotEmpty();
    assertThat(q.required().get(0)).isNotEmpty();
  }

  @Test
  void trailingStarMakesAPrefixOfTwoOrMoreLetters() {
    assertThat(QuerySyntax.parse("kube*").required())
        .containsExactly(List.of(new Word("kube", null, true)));
    assertThat(QuerySyntax.parse("k*").required())
        .containsExactly(List.of(new Word("k", null, false)));
  }

  @Test
  void leadingStarIsDropped() {
    assertThat(QuerySyntax.parse("*netes").required())
        .containsExactly(List.of(new Word("netes", null, false)));
  }

  @Test
  void qualifiersBecomeFieldsAndFilters() {
    ParsedQuery q = QuerySyntax.parse("title:kubernetes tag:Infra after:2021-01-01 before:2021-06");
    assertThat(q.required()).containsExactly(List.of(new Word("kubernetes", "title", false)));
    assertThat(q.tags()).containsExactly("infra");
    assertThat(q.from()).isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(q.until()).isEqualTo(LocalDate.of(2021, 6, 1));
  }

  @Test
  void titlePhraseQualifier() {
    assertThat(QuerySyntax.parse("title:\"dev log\"").required())
        .containsExactly(List.of(new Phrase("dev log", "title")));
  }

  @Test
  void yearIsTheWholeYear() {
    ParsedQuery q = QuerySyntax.parse("year:2021");
    assertThat(q.from()).isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(q.until()).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(q.required()).isEmpty();
  }

  @Test
  void badDatesAreDroppedWithANote() {
    ParsedQuery q = QuerySyntax.parse("rust after:2021-13 year:soon");
    assertThat(q.from()).isNull();
    assertThat(q.notes()).hasSize(2).allSatisfy(n -> assertThat(n).startsWith("ignored"));
    assertThat(q.required()).containsExactly(List.of(new Word("rust", null, false)));
  }

  @Test
  void unknownQualifierIsAWord() {
    assertThat(QuerySyntax.parse("ctx:cancel").required())
        .containsExactly(List.of(new Word("ctx:cancel", null, false)));
  }

  @Test
  void veryLongQueriesAreCappedWithANote() {
    ParsedQuery q = QuerySyntax.parse("word ".repeat(100));
    assertThat(q.required()).hasSize(QuerySyntax.MAX_PARTS);
    assertThat(q.notes()).containsExactly("used the first 32 words of the query");
  }

  @Test
  void wordCountIncludesPhrasesAndWordsBeyondTheCapButNotQualifiers() {
    assertThat(QuerySyntax.countParts("rust \"error handling\" -java tag:go year:2021 a OR b"))
        .isEqualTo(5);
    assertThat(QuerySyntax.countParts("word ".repeat(100))).isEqualTo(100);
    assertThat(QuerySyntax.countParts("  ")).isZero();
  }

  @Test
  void controlCharactersAreRemoved() {
    assertThat(QuerySyntax.clean("rust\u0000\u0007 wasm\u200b")).isEqualTo("rust wasm");
  }
}
