package archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader types two words they remember from an entry: the entry that says them, as typed and
 * close together, comes first, before entries that match only through stems or hold the words far
 * apart, however strong their titles. The shapes are those of the failures bench/relevance.sh found
 * on real blogs.
 */
class RememberedEntryFirstTest {

  @TempDir Path site;
  @TempDir Path indexDir;

  private SearchResult search(String query) throws IOException {
    return IndexedSite.search(site, indexDir, query);
  }

  private void entry(String name, String title, String date, String body) throws IOException {
    Files.writeString(
        site.resolve(name),
        "---\ntitle: " + title + "\ndate: " + date + "\n---\n" + body,
        StandardCharsets.UTF_8);
  }

  private static String filler(String topic, int sentences) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      text.append("This paragraph keeps talking about ")
          .append(topic)
          .append(" at some length, one sentence after another. ");
    }
    return text.append("\n\n").toString();
  }

  @Test
  void theEntryWithBothWordsAsTypedBeatsATitleThatHasThemOnlyAsStems() throws IOException {
    entry(
        "layered.md",
        "Caching for layered services",
        "2020-01-01",
        filler("services", 3)
            + "Each layer cached what it could, and the caches were layered again.\n");
    entry(
        "database.md",
        "A slow database",
        "2021-01-01",
        filler("the database", 6)
            + "So we added two caching layers in front of the database.\n\n"
            + filler("the database", 6));

    SearchResult result = search("caching layers");

    assertThat(result.hits())
        .extracting(Hit::title)
        .containsExactly("A slow database", "Caching for layered services");
  }

  @Test
  void wordsInOneSentenceBeatTheSameWordsFarApart() throws IOException {
    entry(
        "scattered.md",
        "Notes on tooling",
        "2020-01-01",
        "The compiler was new that year, and the compiler was slow.\n\n"
            + filler("tooling", 12)
            + "We wrote everything down in a notebook, page after page of notebook.\n");
    entry(
        "together.md",
        "What I worked on",
        "2021-01-01",
        filler("work", 8) + "I kept a notebook next to the compiler output all week.\n\n");

    SearchResult result = search("notebook compiler");

    assertThat(result.hits())
        .extracting(Hit::title)
        .containsExactly("What I worked on", "Notes on tooling");
  }

  @Test
  void aPossessiveCountsAsTheWordTyped() throws IOException {
    entry(
        "compiling.md",
        "Compiling Rust",
        "2020-01-01",
        filler("builds", 4) + "Our compilers were slow on the old laptop.\n");
    entry(
        "release.md",
        "Release notes",
        "2021-01-01",
        filler("the release", 6) + "Rust's compiler got faster in this release.\n");

    SearchResult result = search("rust compiler");

    assertThat(result.hits())
        .extracting(Hit::title)
        .containsExactly("Release notes", "Compiling Rust");
  }

  @Test
  void aStopWordTypedWithTheWordsNeedNotStandWithThem() throws IOException {
    entry(
        "greenhouse.md",
        "Greenhouse log",
        "2020-01-01",
        "The year started cold.\n\n"
            + filler("glass", 10)
            + "Tomatoes grew in a greenhouse by May.\n");
    entry(
        "tomatoes.md",
        "Tomatoes",
        "2021-01-01",
        "Tomatoes everywhere. The tomatoes did well.\n\n"
            + filler("seeds", 10)
            + "Next year a greenhouse.\n");

    SearchResult result = search("tomatoes the greenhouse");

    assertThat(result.hits()).extracting(Hit::title).containsExactly("Greenhouse log", "Tomatoes");
  }
}
