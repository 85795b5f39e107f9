package archive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import archive.index.EntryIndexer;
import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetTest {

  @TempDir Path site;
  @TempDir Path indexDir;

  private static Snippet.Range at(String source, String word) {
    int start = source.indexOf(word);
    return new Snippet.Range(start, start + word.length());
  }

  private static List<String> matched(Snippet snippet) {
    return snippet.matches().stream()
        .map(m -> snippet.text().substring(m.start(), m.end()))
        .toList();
  }

  @Test
  void whitespaceCollapsesAndTheMatchesMoveWithTheirWords() {
    String source = "\n  Tom &\t\tJerry's   \"<b>cheese</b>\"  \n\n";
    Snippet snippet =
        Snippet.of(
            source, 0, source.length(), List.of(at(source, "Jerry's"), at(source, "cheese")));
    assertThat(snippet.text()).isEqualTo("Tom & Jerry's \"<b>cheese</b>\"");
    assertThat(matched(snippet)).containsExactly("Jerry's", "cheese");
    assertThat(snippet.matches())
        .containsExactly(new Snippet.Range(6, 13), new Snippet.Range(18, 24));
  }

  @Test
  void rangesCountCharsSoEmojiAndCjkKeepTheirWordsWhole() {
    String source = "😀  日本語の   検索 😀tapir  🦛 end";
    Snippet snippet =
        Snippet.of(
            source,
            0,
            source.length(),
            List.of(at(source, "日本語"), at(source, "検索"), at(source, "tapir"), at(source, "🦛")));
    assertThat(snippet.text()).isEqualTo("😀 日本語の 検索 😀tapir 🦛 end");
    assertThat(matched(snippet)).containsExactly("日本語", "検索", "tapir", "🦛");
    assertThat(snippet.matches().get(2)).isEqualTo(new Snippet.Range(13, 18));
  }

  @Test
  void aPassageKeepsItsOwnTextAndTheMatchesInIt() {
    String source = "before. The tapir sleeps. after";
    int from = source.indexOf("The");
    int to = source.indexOf(" after");
    Snippet snippet =
        Snippet.of(source, from, to, List.of(at(source, "before"), at(source, "tapir")));
    assertThat(Marked.of(snippet)).isEqualTo("The [tapir] sleeps.");
  }

  @Test
  void aMatchOverTheSameCharactersAsTheOneBeforeIsDropped() {
    String source = "running late";
    Snippet snippet =
        Snippet.of(
            source,
            0,
            source.length(),
            List.of(new Snippet.Range(0, 7), new Snippet.Range(0, 4), new Snippet.Range(8, 12)));
    assertThat(Marked.of(snippet)).isEqualTo("[running] [late]");
  }

  @Test
  void whitespaceAtTheEdgesOfAMatchStaysOutsideIt() {
    String source = "a  tapir  b";
    Snippet snippet = Snippet.of(source, 0, source.length(), List.of(new Snippet.Range(1, 10)));
    assertThat(Marked.of(snippet)).isEqualTo("a [tapir] b");
  }

  @Test
  void matchesMustBeSortedApartInsideTheTextAndWholeCharacters() {
    assertThatThrownBy(() -> new Snippet.Range(3, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3..3");
    assertThatThrownBy(
            () -> new Snippet("abcdef", List.of(new Snippet.Range(2, 4), new Snippet.Range(3, 5))))
        .hasMessageContaining("sorted, apart");
    assertThatThrownBy(() -> new Snippet("abc", List.of(new Snippet.Range(1, 4))))
        .hasMessageContaining("within 3 chars");
    assertThatThrownBy(() -> new Snippet("a😀b", List.of(new Snippet.Range(1, 2))))
        .hasMessageContaining("surrogate pair");
  }

  @Test
  void searchMarksTheQueryWordsInTextWithMarkupCharactersEmojiAndCjk() throws IOException {
    Files.writeString(
        site.resolve("tapirs.md"),
        "---\ntitle: Odd text\n---\n"
            + "😀 Tapirs & `\"<tapir>\"` aren't 'tapirs'? 🦛 The tapir's nose. 東京の夜 tapir.\n",
        StandardCharsets.UTF_8);
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      indexer.index(
          SiteWalker.walk(site), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
    try (Searcher searcher = Searcher.open(indexDir)) {
      Snippet words = searcher.search(SearchRequest.of("tapir")).hits().get(0).snippet();
      assertThat(Marked.of(words))
          .isEqualTo(
              "😀 [Tapirs] & \"<[tapir]>\" aren't '[tapirs]'? 🦛 The [tapir's] nose. 東京の夜"
                  + " [tapir].");
      Snippet cjk = searcher.search(SearchRequest.of("東京")).hits().get(0).snippet();
      assertThat(matched(cjk)).isNotEmpty().allMatch(m -> "東京".contains(m));
    }
  }
}
