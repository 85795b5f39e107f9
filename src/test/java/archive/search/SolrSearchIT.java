package archive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import archive.index.EntryIndexer;
import archive.index.IndexReport;
import archive.index.IndexStats;
import archive.index.SolrCollection;
import archive.ingest.SiteCrawl;
import archive.ingest.SiteWalker;
import archive.ingest.TestBlog;
import archive.parse.ParseOptions;
import archive.testing.Folders;
import archive.testing.LocalSolrCloud;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example blog indexed into a 2-shard, 2-replica collection on a real two-node SolrCloud
 * answers as the same blog in the embedded index: the same hits in the same order with the same
 * snippets and section links, facets, archive pages, suggestions and statistics. Scores are not
 * compared: Solr keeps each text in two fields (README, SolrCloud), so its scores differ in scale.
 */
@Timeout(300)
class SolrSearchIT {

  private static final Path EXAMPLE = Path.of("examples/devlog");

  @TempDir static Path dir;

  private static SolrCollection collection;
  private static Searcher solr;
  private static Searcher embedded;

  @BeforeAll
  static void indexBoth() throws Exception {
    LocalSolrCloud cloud = LocalSolrCloud.shared();
    collection = cloud.createCollection("search");
    try (EntryIndexer indexer = EntryIndexer.open(collection, "devlog")) {
      indexer.index(
          SiteWalker.walk(EXAMPLE), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
    Path index = dir.resolve("index");
    try (EntryIndexer indexer = EntryIndexer.open(index)) {
      indexer.index(
          SiteWalker.walk(EXAMPLE), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
    solr = Searcher.open(collection, "devlog");
    embedded = Searcher.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    if (solr != null) {
      solr.close();
    }
    if (embedded != null) {
      embedded.close();
    }
  }

  /** A search's answer without what may differ: scores and time taken. */
  private record Answer(
      long total, String didYouMean, String note, List<Shown> hits, Facets facets) {}

  private record Shown(
      String url,
      String title,
      String date,
      List<String> tags,
      Snippet snippet,
      List<SectionHit> sections) {}

  private static Answer answer(SearchResult result) {
    return new Answer(
        result.total(),
        String.valueOf(result.didYouMean()),
        String.valueOf(result.note()),
        result.hits().stream()
            .map(
                h ->
                    new Shown(
                        h.url(),
                        h.title(),
                        String.valueOf(h.date()),
                        h.tags(),
                        h.snippet(),
                        h.sections()))
            .toList(),
        result.facets());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nixos",
        "nixxos",
        "routing tests",
        "\"file limit\"",
        "\"the box\"",
        "rout*",
        "box*",
        "tag:homelab",
        "year:2022 homelab",
        "title:dev",
        "after:2023-01-01 before:2023-06-01",
        "homelab -nixos",
        "sourdough",
        "raspbery pi",
        "dev log",
        "tag:ml"
      })
  void aSearchFindsWhatTheEmbeddedIndexFinds(String query) throws IOException {
    SearchRequest request = new SearchRequest(query, 1, 20, SortOrder.RELEVANCE, false);
    assertThat(answer(solr.search(request))).isEqualTo(answer(embedded.search(request)));
  }

  @Test
  void datesSortTheSameAndTickedYearsCountAsTheEmbeddedIndexCounts() throws IOException {
    for (SortOrder sort : List.of(SortOrder.DATE, SortOrder.DATE_DESC)) {
      SearchRequest request = new SearchRequest("work", 1, 5, sort, true, Set.of(2021, 2023));
      SearchResult found = solr.search(request);
      assertThat(found.hits()).hasSize(5);
      assertThat(found.facets().years()).hasSizeGreaterThan(2); // every year, not only the ticked
      assertThat(answer(found)).isEqualTo(answer(embedded.search(request)));
    }
  }

  @Test
  void aSearchBoxCountingUpToANumberGetsTheSamePage() throws IOException {
    SearchRequest request = SearchRequest.of("the").counted(SearchRequest.Counting.upTo(10));
    SearchResult found = solr.search(request);
    assertThat(found.facets()).isEqualTo(Facets.NONE);
    assertThat(found.hits())
        .extracting(Hit::url)
        .isEqualTo(embedded.search(request).hits().stream().map(Hit::url).toList());
  }

  @Test
  void theArchivePagesListTheSameEntries() throws IOException {
    assertThat(solr.listings(null, null, Searcher.MAX_LISTING))
        .isEqualTo(embedded.listings(null, null, Searcher.MAX_LISTING))
        .hasSize(30);
    assertThat(solr.listings(2022, null, 100)).isEqualTo(embedded.listings(2022, null, 100));
    assertThat(solr.listings(null, "Rust", 100)).isEqualTo(embedded.listings(null, "Rust", 100));
    assertThat(solr.tags()).isEqualTo(embedded.tags());
    assertThat(solr.calendar()).usingRecursiveComparison().isEqualTo(embedded.calendar());
    assertThat(solr.source()).isEqualTo(embedded.source());
  }

  @Test
  void anEntryReadsTheSameWithTheSameNeighbours() throws IOException {
    for (Listing listing : embedded.listings(null, null, 100)) {
      assertThat(solr.entryAt(listing.url())).isEqualTo(embedded.entryAt(listing.url()));
      assertThat(solr.neighbours(listing.url()))
          .as(listing.url())
          .isEqualTo(embedded.neighbours(listing.url()));
    }
    assertThat(solr.entryAt("/no/such/page/")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nix", "dev l", "ru", "kub", "x"})
  void suggestionsAreTheSame(String typed) throws IOException {
    assertThat(solr.suggest(typed, Searcher.MAX_SUGGESTIONS))
        .isEqualTo(embedded.suggest(typed, Searcher.MAX_SUGGESTIONS));
  }

  @Test
  void relatedEntriesAreOtherEntriesOfTheBlog() throws IOException {
    String url = "/site/2023/05/moving-to-nixos/";
    List<Listing> related = solr.related(url, 5);
    assertThat(related).hasSize(5).extracting(Listing::url).doesNotContain(url);
    for (Listing listing : related) {
      assertThat(embedded.entryAt(listing.url())).isPresent();
    }
  }

  @Test
  void statisticsCountTheSame() throws IOException {
    IndexStats fromSolr = solr.stats();
    IndexStats fromFolder = embedded.stats();
    assertThat(fromSolr)
        .usingRecursiveComparison()
        .ignoringFields("sizeBytes", "indexedAt")
        .isEqualTo(fromFolder);
    assertThat(fromSolr.sizeBytes()).isEqualTo(-1); // Solr's, spread over its nodes
    assertThat(fromSolr.indexedAt()).isNotNull();
  }

  @Test
  void sitesShareACollectionAndASecondRunChangesOnlyWhatChanged(@TempDir Path copy)
      throws IOException {
    Folders.copy(EXAMPLE, copy);
    IndexReport first = indexCopy(copy);
    assertThat(first.added()).isEqualTo(30);
    Searcher openBefore = Searcher.open(collection, "copy");
    java.time.Instant firstRun = openBefore.stats().indexedAt();
    Path changed = copy.resolve("posts/2021/dev-log-12.md");
    Files.writeString(changed, Files.readString(changed) + "\n\nA quokka visited the garden.\n");
    Files.delete(copy.resolve("posts/2022/postgres-vacuum.md"));
    IndexReport second = indexCopy(copy);
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.deleted()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(28);
    assertThat(second.entries()).isEqualTo(29);
    assertThat(openBefore.stats().indexedAt()).isEqualTo(firstRun); // read once, as a commit's
    assertThat(openBefore.refresh()).isTrue();
    assertThat(openBefore.refresh()).isFalse();
    assertThat(openBefore.stats().indexedAt()).isAfter(firstRun);
    openBefore.close();
    try (Searcher copySite = Searcher.open(collection, "copy");
        Searcher everySite = Searcher.open(collection, null)) {
      assertThat(copySite.search(SearchRequest.of("quokka")).hits())
          .extracting(Hit::url)
          .containsExactly("/posts/2021/dev-log-12.html");
      assertThat(solr.search(SearchRequest.of("quokka")).total()).isZero();
      assertThat(copySite.search(SearchRequest.of("vacuum")).total())
          .isLessThan(solr.search(SearchRequest.of("vacuum")).total());
      assertThat(everySite.stats().entries()).isEqualTo(30 + 29);
    }
  }

  private static IndexReport indexCopy(Path copy) throws IOException {
    try (EntryIndexer indexer = EntryIndexer.open(collection, "copy")) {
      return indexer.index(
          SiteWalker.walk(copy), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
  }

  /**
   * As {@code serve --watch} keeps one indexer open and brings the site up to date every few
   * seconds: each pass sees what changed since the last, and only that.
   */
  @Test
  void anIndexerKeptOpenSeesEachChangeOnce(@TempDir Path copy) throws IOException {
    Folders.copy(EXAMPLE, copy);
    try (EntryIndexer indexer = EntryIndexer.open(collection, "watched")) {
      assertThat(indexer.update(SiteWalker.walk(copy), ParseOptions.DEFAULTS).added())
          .isEqualTo(30);
      IndexReport idle = indexer.update(SiteWalker.walk(copy), ParseOptions.DEFAULTS);
      assertThat(idle.added() + idle.updated() + idle.deleted()).isZero();
      Files.delete(copy.resolve("posts/2022/postgres-vacuum.md"));
      assertThat(indexer.update(SiteWalker.walk(copy), ParseOptions.DEFAULTS).deleted())
          .isEqualTo(1);
      IndexReport after = indexer.update(SiteWalker.walk(copy), ParseOptions.DEFAULTS);
      assertThat(after.added() + after.updated() + after.deleted()).isZero();
      assertThat(after.entries()).isEqualTo(29);
    }
  }

  @Test
  void aCrawledBlogIsSearchableAndARecrawlFetchesOnlyWhatChanged() throws IOException {
    try (TestBlog blog = TestBlog.start(false);
        Searcher crawled = Searcher.open(collection, "crawled")) {
      SiteCrawl crawl = new SiteCrawl(blog.root().toString(), List.of(), 0, Duration.ofSeconds(5));
      IndexReport first = crawlInto(crawl);
      assertThat(first.added()).isPositive().isEqualTo(first.entries());
      IndexReport again = crawlInto(crawl);
      assertThat(again.unchanged()).isEqualTo(first.entries());
      assertThat(again.added() + again.updated() + again.deleted()).isZero();
      List<Hit> hits = crawled.search(SearchRequest.of("nixos")).hits();
      assertThat(hits).isNotEmpty();
      assertThat(hits).allMatch(hit -> hit.url().startsWith(blog.root().toString()));
      assertThat(crawled.source().orElseThrow().location()).isEqualTo(crawl.root().toString());
    }
  }

  private static IndexReport crawlInto(SiteCrawl crawl) throws IOException {
    try (EntryIndexer indexer = EntryIndexer.open(collection, "crawled")) {
      return indexer.crawl(crawl, ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
  }

  @Test
  void noSolrAtTheAddressIsOneLineThatNamesIt() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    URI dead = URI.create("http://127.0.0.1:" + port + "/solr/");
    SolrCollection nowhere = new SolrCollection(List.of(dead), "blog", null);
    assertThatThrownBy(() -> Searcher.open(nowhere, null))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("no Solr answers at " + dead)
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> EntryIndexer.open(nowhere, "devlog"))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("no Solr answers at " + dead)
        .hasMessageNotContaining("\n");
  }
}
