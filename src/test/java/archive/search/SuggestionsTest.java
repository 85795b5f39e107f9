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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuggestionsTest {

  @TempDir static Path site;
  @TempDir static Path indexDir;
  private static Searcher searcher;

  @BeforeAll
  static void indexSite() throws IOException {
    post("k1.md", "Kubernetes at home: a post-mortem", "2022-03-01", "The kubelet died. Kubelet.");
    post("k2.md", "Kubectl tricks", "2023-01-01", "Use kubectl with the kubelet and things.");
    post("k3.md", "Notes on Kubernetes", "2021-01-01", "The kubelet and kubeadm; thinking.");
    post("n1.md", "Moving to NixOS", "2023-05-01", "Nix and nixos; the thing is nixos.");
    post("n2.md", "Nix flakes", "2023-06-01", "Nix flakes are a thing there; nixpkgs.");
    post("g1.md", "Into the garden", "2020-01-01", "Weeds.");
    post("_index.md", "Kubernetes archive", null, "A list page about kubernetes.");
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      indexer.index(
          SiteWalker.walk(site), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
    searcher = Searcher.open(indexDir);
  }

  private static void post(String file, String title, String date, String body) throws IOException {
    String dateLine = date == null ? "" : "date: " + date + "\n";
    Files.writeString(
        site.resolve(file),
        "---\ntitle: \"" + title + "\"\n" + dateLine + "---\n" + body + "\n",
        StandardCharsets.UTF_8);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static List<String> texts(List<Suggestion> suggestions) {
    return suggestions.stream().map(s -> s.kind() + ":" + s.text()).toList();
  }

  @Test
  void titlesStartingWithTheWordComeFirstThenTermsByFrequency() throws IOException {
    assertThat(texts(searcher.suggest("kube", 8)))
        .containsExactly(
            "title:Kubectl tricks",
            "title:Kubernetes at home: a post-mortem",
            "title:Notes on Kubernetes",
            "term:kubelet",
            "term:kubeadm",
            "term:kubectl",
            "term:kubernetes");
  }

  @Test
  void titleSuggestionsCarryTheEntryUrl() throws IOException {
    Suggestion first = searcher.suggest("kubec", 1).get(0);
    assertThat(first).isEqualTo(Suggestion.title("Kubectl tricks", "/k2.html"));
  }

  @Test
  void earlierWordsMustBeWholeWordsOfTheTitle() throws IOException {
    assertThat(texts(searcher.suggest("Moving to ni", 8)))
        .containsExactly("title:Moving to NixOS", "term:Moving to nix", "term:Moving to nixpkgs");
    assertThat(texts(searcher.suggest("moving to", 8))).first().isEqualTo("title:Moving to NixOS");
    assertThat(searcher.suggest("movin nix", 8))
        .extracting(Suggestion::kind)
        .doesNotContain("title");
  }

  @Test
  void stopWordsAndTheWordAsTypedAreNotCompletions() throws IOException {
    assertThat(texts(searcher.suggest("th", 8)))
        .containsExactly("term:thing", "term:things", "term:thinking");
    assertThat(texts(searcher.suggest("nix", 8)))
        .containsExactly("title:Nix flakes", "title:Moving to NixOS", "term:nixos", "term:nixpkgs");
  }

  @Test
  void neverReturnsMoreThanTheLimit() throws IOException {
    assertThat(texts(searcher.suggest("kube", 2)))
        .containsExactly("title:Kubectl tricks", "title:Kubernetes at home: a post-mortem");
    assertThat(texts(searcher.suggest("kube", 4))).endsWith("term:kubelet").hasSize(4);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 9})
  void rejectsALimitOutsideOneToEight(int limit) {
    assertThatThrownBy(() -> searcher.suggest("kube", limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit not in 1..8: " + limit);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "\"", "*", "((", "k", "-", ")(*&^%", "\u0000", "\uD800", "a b c"})
  void oddInputGivesNothing(String typed) throws IOException {
    assertThat(searcher.suggest(typed, 8)).isEmpty();
  }

  @Test
  void punctuationAroundWordsDoesNotChangeWhatMatches() throws IOException {
    assertThat(texts(searcher.suggest("\"((kube*", 5)))
        .containsExactly(
            "title:Kubectl tricks",
            "title:Kubernetes at home: a post-mortem",
            "title:Notes on Kubernetes",
            "term:\"((kubelet",
            "term:\"((kubeadm");
  }

  @Test
  void fullWidthLettersAreNormalised() throws IOException {
    assertThat(searcher.suggest("ｋｕｂｅ", 8)).isEqualTo(searcher.suggest("kube", 8));
  }

  @Test
  void longInputIsCutNotRejected() throws IOException {
    assertThat(searcher.suggest("x ".repeat(10_000) + "kube", 8)).isEmpty();
    assertThat(searcher.suggest("kubectl " + "x".repeat(200), 8)).isEmpty();
  }
}
