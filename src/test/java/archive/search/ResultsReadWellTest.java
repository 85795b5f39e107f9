package archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a result shows reads as prose, marks what matched, and carries real figures. */
class ResultsReadWellTest {

  private static final String TABLE_OF_CONTENTS =
      """
      <html><body><article><h1>Garden diary</h1>
      <nav class="toc"><ol><li><a href="#a">Tomatoes in pots</a></li>
      <li><a href="#b">Tomatoes outside</a></li><li><a href="#c">Compost</a></li></ol></nav>
      <h2 id="a">Tomatoes in pots</h2>
      <p>The tomatoes in pots ripened two weeks before the ones in the bed, and tasted sweeter.</p>
      <h2 id="c">Compost</h2>
      <p>The compost heap finally got warm enough to break down the autumn leaves properly.</p>
      <h2 id="r">References</h2>
      <ul><li>[1] Smith, J. (2019). Tomatoes. https://example.org/tomatoes 12 34</li></ul>
      </article></body></html>
      """;

  @TempDir Path site;
  @TempDir Path indexDir;

  private SearchResult search(String query) throws IOException {
    return IndexedSite.search(site, indexDir, query);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(site.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void theSnippetIsTheProseThatMatchesNotTheTableOfContents() throws IOException {
    write("diary.html", TABLE_OF_CONTENTS);

    Hit hit = search("tomatoes").hits().get(0);

    assertThat(Marked.of(hit.snippet()))
        .startsWith("The [tomatoes] in pots ripened")
        .doesNotContain("Compost");
  }

  @Test
  void aQueryOfQualifiersOnlyShowsTheDescriptionElseTheOpeningProse() throws IOException {
    write(
        "described.md",
        "---\ntitle: Described\ndate: 2021-03-04\ndescription: What the garden gave this year\n"
            + "---\n## Contents\n- one\n- two\n\nThe first real sentence of this entry is here.\n");
    write(
        "diary.html",
        TABLE_OF_CONTENTS.replace("<h1>", "<time datetime=\"2021-05-06\"></time><h1>"));

    SearchResult result = search("after:2021");

    assertThat(result.hits())
        .extracting(Hit::title, hit -> Marked.of(hit.snippet()))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Described", "What the garden gave this year"),
            org.assertj.core.groups.Tuple.tuple(
                "Garden diary",
                "The tomatoes in pots ripened two weeks before the ones in the bed, and tasted"
                    + " sweeter."));
  }

  @Test
  void everyOccurrenceOfAQueryWordInTheSnippetIsMarkedAlsoOutsideThePhrase() throws IOException {
    write(
        "flaky.md",
        "---\ntitle: Flaky\n---\nOur flaky deployments were flaky because every deployment raced.\n");

    Hit phrase = search("\"flaky deployments\"").hits().get(0);
    Hit words = search("flaky deployments").hits().get(0);

    // A quoted phrase asks for its exact words: "deployment" is not one of its forms.
    assertThat(Marked.of(phrase.snippet()))
        .isEqualTo("Our [flaky] [deployments] were [flaky] because every" + " deployment raced.");
    assertThat(Marked.of(words.snippet()))
        .isEqualTo("Our [flaky] [deployments] were [flaky] because every" + " [deployment] raced.");
  }

  @Test
  void aSectionFoundByItsHeadingMarksTheQueryInItsOpeningWords() throws IOException {
    write(
        "log.md",
        "---\ntitle: Log\n---\nA lead about other things entirely, nothing to see.\n\n"
            + "## Wombats\nWombats sleep in the day.\n");

    SectionHit section = search("wombats").hits().get(0).sections().get(0);

    assertThat(section.heading()).isEqualTo("Wombats");
    assertThat(Marked.of(section.snippet())).contains("[Wombats] sleep");
  }

  @Test
  void scoresAreTheRealRelevanceScoresBestFirst() throws IOException {
    write("a.md", "---\ntitle: Quolls\n---\nQuolls, quolls and more quolls.\n");
    write("b.md", "---\ntitle: Other\n---\nOne quoll, once, among many other animals here.\n");

    SearchResult result = search("quoll");

    assertThat(result.hits()).hasSize(2);
    assertThat(result.hits().get(0).score()).isGreaterThan(result.hits().get(1).score());
    assertThat(result.hits().get(1).score()).isPositive();
  }

  @Test
  void didYouMeanIsOfferedOnlyForASpellingThatHasResults() throws IOException {
    write("a.md", "---\ntitle: Garden\n---\nThe garden in spring.\n");

    assertThat(search("gardne").didYouMean()).isEqualTo("garden");
    assertThat(search("gardne zzyzx").didYouMean()).isNull();
  }

  @Test
  void aPrefixOrWildcardMarksEachCompletionInEveryShownEntry() throws IOException {
    write("a.md", "---\ntitle: Heap\n---\nThe compost heap was warm; composting works.\n");
    write("c.md", "---\ntitle: Score\n---\nA composition for a warm heap.\n");
    search("warm"); // the second entry is indexed by a later run: another segment
    write("b.md", "---\ntitle: Music\n---\nThe composer wrote it while the compost cooled.\n");

    SearchResult prefix = search("compos*");
    SearchResult wildcard = search("comp?st");

    assertThat(prefix.hits())
        .extracting(hit -> Marked.of(hit.snippet()))
        .containsExactlyInAnyOrder(
            "The [compost] heap was warm; [composting] works.",
            "A [composition] for a warm heap.",
            "The [composer] wrote it while the [compost] cooled.");
    assertThat(wildcard.hits())
        .extracting(hit -> Marked.of(hit.snippet()))
        .containsExactlyInAnyOrder(
            "The [compost] heap was warm; composting works.",
            "The composer wrote it while the [compost] cooled.");
  }

  @Test
  void theSnippetIsThePassageWithTheMostQueryWordsNotOneRepeatingAWord() throws IOException {
    write(
        "raptor.md",
        "---\ntitle: The new workstation\n---\n"
            + "We believe we have addressed the known failure modes, and we will watch for new"
            + " failure modes closely; every failure is logged.\n\n"
            + "Every machine experiences heat, and the old one experiences it worst of all when"
            + " summer comes and the office gets warm.\n\n"
            + "Among the problems I met:\n\n"
            + "- The CPU experiences a failure (???)\n- The fans are loud\n");

    Hit hit = search("experiences failure").hits().get(0);

    assertThat(Marked.of(hit.snippet())).contains("The CPU [experiences] a [failure]");
  }

  @Test
  void codeIsTheSnippetOnlyWhenNoProseMatches() throws IOException {
    write(
        "cache.md",
        "---\ntitle: Caching\n---\n"
            + "The first version kept everything in memory and was fine for a while, until the"
            + " traffic doubled over one winter and the service started to fall over at noon.\n\n"
            + "```\nlet cache = Cache::new(layer_count);\ncache.insert(layer, value); // layer\n"
            + "for layer in layers { layer.cache().clear(); }\n```\n\n"
            + "Later we put a cache in front of every layer of the service, which helped more than"
            + " anything else we tried that year, and the pager finally went quiet at night.\n\n"
            + "```\nfn evict(&mut self) -> Option<Entry> { self.lru.pop() }\n```\n");

    Hit prose = search("cache layer").hits().get(0);
    Hit code = search("evict").hits().get(0);

    assertThat(Marked.of(prose.snippet()))
        .startsWith("Later we put a [cache] in front of every [layer]");
    assertThat(Marked.of(code.snippet())).contains("fn [evict]");
  }
}
