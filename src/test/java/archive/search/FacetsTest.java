package archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import archive.index.EntryIndexer;
import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import archive.search.Facets.TagCount;
import archive.search.Facets.YearCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FacetsTest {

  @TempDir Path site;
  @TempDir Path indexDir;

  @BeforeEach
  void writeSite() throws IOException {
    post("a.md", "Crabs at work", "2021-03-01", "[Rust, work]", "Ferris the crab.");
    post("b.md", "Second crab", "2021-07-01", "[rust]", "Ferris again.");
    post("c.md", "Gophers", "2022-01-05", "[go, work]", "Ferris meets a gopher.");
    post("d.md", "Both", "2023-02-02", "[rust, go]", "Ferris and a gopher.");
    post("e.md", "Undated", null, "[misc]", "Ferris, some day.");
    post("f.md", "Fruit", "2020-05-05", "[fruit]", "Bananas only.");
  }

  private void post(String file, String title, String date, String tags, String body)
      throws IOException {
    String dateLine = date == null ? "" : "date: " + date + "\n";
    Files.writeString(
        site.resolve(file),
        "---\ntitle: " + title + "\n" + dateLine + "tags: " + tags + "\n---\n" + body + "\n",
        StandardCharsets.UTF_8);
  }

  private SearchResult search(String query, int pageSize) throws IOException {
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      indexer.index(
          SiteWalker.walk(site), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
    try (Searcher searcher = Searcher.open(indexDir)) {
      return searcher.search(new SearchRequest(query, 1, pageSize, SortOrder.RELEVANCE, false));
    }
  }

  @Test
  void countsCoverEveryMatchNotOnlyThePage() throws IOException {
    SearchResult result = search("ferris", 1);
    assertThat(result.hits()).hasSize(1);
    assertThat(result.total()).isEqualTo(5);
    assertThat(result.facets().years())
        .containsExactly(new YearCount(2021, 2), new YearCount(2022, 1), new YearCount(2023, 1));
    assertThat(result.facets().tags())
        .containsExactly(
            new TagCount("rust", 3),
            new TagCount("go", 2),
            new TagCount("work", 2),
            new TagCount("misc", 1));
  }

  @Test
  void countsFollowFilters() throws IOException {
    Facets facets = search("ferris tag:go", 10).facets();
    assertThat(facets.years()).containsExactly(new YearCount(2022, 1), new YearCount(2023, 1));
    assertThat(facets.tags())
        .containsExactly(new TagCount("go", 2), new TagCount("rust", 1), new TagCount("work", 1));
  }

  @Test
  void countsFollowTheCloseSpellingFallback() throws IOException {
    SearchResult result = search("feris", 1);
    assertThat(result.note()).contains("close spellings");
    assertThat(result.total()).isEqualTo(5);
    assertThat(result.facets()).isEqualTo(search("ferris", 1).facets());
  }

  @Test
  void countsFollowTheAnyWordFallback() throws IOException {
    SearchResult result = search("bananas gopher", 10);
    assertThat(result.note()).contains("any of them");
    assertThat(result.facets().years())
        .containsExactly(new YearCount(2020, 1), new YearCount(2022, 1), new YearCount(2023, 1));
  }

  @Test
  void noMatchesMeansNoCounts() throws IOException {
    assertThat(search("xylophone", 10).facets()).isEqualTo(Facets.NONE);
    assertThat(search("((*", 10).facets()).isEqualTo(Facets.NONE);
  }

  @Test
  void removedEntriesAreNotCounted() throws IOException {
    search("ferris", 10);
    Files.delete(site.resolve("d.md"));
    Facets facets = search("ferris", 10).facets();
    assertThat(facets.years()).containsExactly(new YearCount(2021, 2), new YearCount(2022, 1));
    assertThat(facets.tags()).contains(new TagCount("rust", 2), new TagCount("go", 1));
  }

  @Test
  void keepsTheTwentyMostFrequentTagsByCountThenName() throws IOException {
    List<String> many = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      many.add(String.format("t%02d", i));
    }
    post("many.md", "Many tags", "2024-01-01", many.toString(), "Ferris, tagged a lot.");
    List<TagCount> tags = search("ferris", 10).facets().tags();
    assertThat(tags).hasSize(Facets.TOP_TAGS);
    assertThat(tags.subList(0, 4))
        .containsExactly(
            new TagCount("rust", 3),
            new TagCount("go", 2),
            new TagCount("work", 2),
            new TagCount("misc", 1));
    assertThat(tags.get(4)).isEqualTo(new TagCount("t01", 1));
    assertThat(tags.get(19)).isEqualTo(new TagCount("t16", 1));
  }
}
