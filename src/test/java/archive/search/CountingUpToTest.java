package archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import archive.search.SearchRequest.Counting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search that counts matches only up to a number (the embedded box's) shows the same page as one
 * that counts them all, and says honestly whether its total is exact.
 */
class CountingUpToTest {

  @TempDir static Path site;
  @TempDir static Path indexDir;
  private static Searcher searcher;

  /** 60 entries about crabs, each saying "crab" a different number of times; 5 about gophers. */
  @BeforeAll
  static void index() throws IOException {
    for (int i = 0; i < 60; i++) {
      String body = "The crab walks sideways. " + "crab ".repeat(1 + i % 7) + "filler ".repeat(i);
      post("crab-" + i + ".md", "Crab note " + i, 2010 + i % 12, i % 28 + 1, body);
    }
    for (int i = 0; i < 5; i++) {
      post("gopher-" + i + ".md", "Gopher " + i, 2020, i + 1, "A gopher digs.");
    }
    IndexedSite.index(site, indexDir);
    searcher = Searcher.open(indexDir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static void post(String file, String title, int year, int day, String body)
      throws IOException {
    Files.writeString(
        site.resolve(file),
        "---\ntitle: "
            + title
            + "\ndate: "
            + year
            + "-03-"
            + String.format("%02d", day)
            + "\ntags: [notes]\n---\n"
            + body
            + "\n",
        StandardCharsets.UTF_8);
  }

  private static SearchResult search(String query, int page, SortOrder sort, Counting counting)
      throws IOException {
    return searcher.search(
        new SearchRequest(query, page, 5, sort, false, Set.of()).counted(counting));
  }

  private static List<String> page(SearchResult result) {
    return result.hits().stream().map(hit -> hit.id() + " " + hit.score()).toList();
  }

  @Test
  void beyondTheNumberTheTotalSaysAtLeastAndThePageIsTheSame() throws IOException {
    for (SortOrder sort : SortOrder.values()) {
      SearchResult all = search("crab", 1, sort, Counting.EXACT);
      SearchResult upTo = search("crab", 1, sort, Counting.upTo(10));
      assertThat(all.total()).isEqualTo(60);
      assertThat(all.totalExact()).isTrue();
      assertThat(upTo.totalExact()).as(sort.name()).isFalse();
      assertThat(upTo.total()).as(sort.name()).isEqualTo(10);
      assertThat(page(upTo)).as(sort.name()).isEqualTo(page(all)).hasSize(5);
    }
  }

  @Test
  void aPageDeeperThanTheNumberCountsAtLeastToItsEnd() throws IOException {
    SearchResult all = search("crab", 3, SortOrder.RELEVANCE, Counting.EXACT);
    SearchResult upTo = search("crab", 3, SortOrder.RELEVANCE, Counting.upTo(10));
    assertThat(upTo.total()).isEqualTo(15); // pages 1..3 of 5: at least 15 matched
    assertThat(upTo.totalExact()).isFalse();
    assertThat(page(upTo)).isEqualTo(page(all));
  }

  @Test
  void withinTheNumberTheTotalIsExact() throws IOException {
    SearchResult upTo = search("gopher", 1, SortOrder.RELEVANCE, Counting.upTo(10));
    assertThat(upTo.total()).isEqualTo(5);
    assertThat(upTo.totalExact()).isTrue();
    assertThat(search("crab", 1, SortOrder.RELEVANCE, Counting.upTo(100)).total()).isEqualTo(60);
  }

  @Test
  void countingUpToANumberCountsNoFacets() throws IOException {
    assertThat(search("crab", 1, SortOrder.RELEVANCE, Counting.EXACT).facets().tags()).isNotEmpty();
    assertThat(search("crab", 1, SortOrder.RELEVANCE, Counting.upTo(100)).facets())
        .isEqualTo(Facets.NONE);
  }

  @Test
  void aTypoStillWidensToCloseSpellings() throws IOException {
    SearchResult upTo = search("gophre", 1, SortOrder.RELEVANCE, Counting.upTo(10));
    assertThat(upTo.note()).contains("close spellings");
    assertThat(upTo.total()).isEqualTo(5);
  }
}
