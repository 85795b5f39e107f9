package archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import archive.index.EntryIndexer;
import archive.index.IndexReport;
import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Indexes the example blog ({@code examples/devlog}) and checks the results of queries of every
 * kind the syntax offers. The expectations come from reading the example's files, not from running
 * the engine.
 */
class DevlogGoldenTest {

  private static final String KUBE_HOME = "posts/2022/kubernetes-at-home.md";
  private static final String LOG_12 = "posts/2021/dev-log-12.md";
  private static final String LOG_13 = "posts/2021/dev-log-13.md";
  private static final String LOG_14 = "posts/2021/dev-log-14.md";
  private static final String LOG_23 = "posts/2022/dev-log-23.md";
  private static final String LOG_28 = "posts/2022/dev-log-28.md";
  private static final String LOG_35 = "posts/2023/dev-log-35.md";
  private static final String LOG_38 = "posts/2023/dev-log-38.md";
  private static final String LOG_39 = "posts/2023/dev-log-39.md";
  private static final String LOG_41_HTML = "site/2023/06/dev-log-41/index.html";
  private static final String NIXOS_HTML = "site/2023/05/moving-to-nixos/index.html";
  private static final String SQLITE_HTML = "site/2023/10/sqlite-for-small-things/index.html";
  private static final String PYTHON = "posts/2021/python-path-handling.md";
  private static final String COMMAS = "posts/2023/commas-in-the-price-field.md";
  private static final String LOG_26 = "posts/2022/dev-log-26.md";
  private static final String JAPANESE = "posts/2022/rust-ichinen.md";
  private static final String CONFERENCE = "posts/2022/2022-09-14-notes-from-a-small-conference.md";

  @TempDir static Path indexDir;
  private static Searcher searcher;
  private static IndexReport report;

  @BeforeAll
  static void indexExample() throws IOException {
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      report =
          indexer.index(
              SiteWalker.walk(Path.of("examples/devlog")),
              ParseOptions.DEFAULTS,
              false,
              EntryIndexer.Progress.NONE);
    }
    searcher = Searcher.open(indexDir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static SearchResult search(String query) throws IOException {
    return searcher.search(new SearchRequest(query, 1, 50, SortOrder.RELEVANCE, false));
  }

  private static List<String> ids(String query) throws IOException {
    return search(query).hits().stream().map(Hit::id).toList();
  }

  static Stream<Arguments> exactSets() {
    return Stream.of(
        Arguments.of("kubernetes", List.of(KUBE_HOME, LOG_14, LOG_28, LOG_35)),
        Arguments.of("kubernetes dns", List.of(LOG_28)),
        Arguments.of("sourdough rye", List.of(LOG_41_HTML)),
        Arguments.of("sourdough OR rye", List.of(LOG_13, LOG_23, LOG_41_HTML)),
        Arguments.of("kubectl OR sqlite", List.of(KUBE_HOME, LOG_39, SQLITE_HTML)),
        Arguments.of("sourdough -rye", List.of(LOG_13)),
        Arguments.of("kubernetes -cluster", List.of(LOG_14, LOG_35)),
        Arguments.of("\"flaky deployments\"", List.of(LOG_23)),
        Arguments.of("flaky deployments", List.of(LOG_23, LOG_38)),
        Arguments.of("kube*", List.of(KUBE_HOME, LOG_14, LOG_28, LOG_35, LOG_39)),
        Arguments.of("title:kubernetes", List.of(KUBE_HOME)),
        Arguments.of("title:nixos", List.of(NIXOS_HTML)),
        Arguments.of("tag:infra kubernetes", List.of(KUBE_HOME, LOG_14, LOG_28)),
        Arguments.of("kubernetes after:2022-06-01", List.of(LOG_28, LOG_35)),
        Arguments.of("kubernetes before:2022-01-01", List.of(LOG_14)),
        Arguments.of("kubernetes after:2022-01-01 before:2022-12-01", List.of(KUBE_HOME)),
        Arguments.of("flaky year:2022", List.of(LOG_23)),
        Arguments.of("debugged", List.of(LOG_13, LOG_28)),
        Arguments.of("debugging", List.of(LOG_13, LOG_28)),
        Arguments.of("\"debugged\"", List.of(LOG_13)),
        Arguments.of("infrastructure", List.of(LOG_28, LOG_12)),
        Arguments.of("infrastrucutre", List.of(LOG_12, LOG_28)),
        Arguments.of("kubrenetes", List.of(KUBE_HOME, LOG_14, LOG_28, LOG_35)),
        Arguments.of("cafe", List.of(CONFERENCE)),
        Arguments.of("\"what's changed\"", List.of(LOG_41_HTML)),
        Arguments.of("\"don\u2019t write\"", List.of("posts/2021/why-i-keep-a-dev-log.md")),
        Arguments.of("os.path.join", List.of(PYTHON)),
        Arguments.of("join", List.of(PYTHON)),
        Arguments.of("MAX_SIZE", List.of(LOG_39)),
        Arguments.of("parseFloat", List.of(COMMAS)),
        Arguments.of("ctx.cancel", List.of(LOG_26)),
        Arguments.of("東京", List.of(JAPANESE)),
        Arguments.of("検索エンジン", List.of(JAPANESE)),
        Arguments.of("nixpkgs", List.of(NIXOS_HTML)),
        Arguments.of("zeppelin", List.of()),
        Arguments.of("platypus", List.of()),
        Arguments.of("newsletter", List.of()),
        Arguments.of("colophon", List.of()),
        Arguments.of("blogroll", List.of()),
        Arguments.of("miscellany", List.of()),
        Arguments.of("tag:ideas", List.of()),
        // Lucene's syntax: operators, grouping, fields, slop, fuzziness, ranges.
        Arguments.of("sourdough AND rye", List.of(LOG_41_HTML)),
        Arguments.of("sourdough NOT rye", List.of(LOG_13)),
        Arguments.of("kubernetes AND NOT cluster", List.of(LOG_14, LOG_35)),
        Arguments.of("cupboard OR sqlite kubectl", List.of(KUBE_HOME)),
        Arguments.of("title:(kubernetes home)", List.of(KUBE_HOME)),
        Arguments.of("subtitle:cupboard", List.of(KUBE_HOME)),
        Arguments.of("body:kubernetes -title:kubernetes", List.of(LOG_14, LOG_28, LOG_35)),
        Arguments.of("\"running cluster\"", List.of()),
        Arguments.of("\"running cluster\"~1", List.of(KUBE_HOME)),
        Arguments.of("kubrenetes~", List.of(KUBE_HOME, LOG_14, LOG_28, LOG_35)),
        Arguments.of("ku?ectl", List.of(KUBE_HOME, LOG_39)),
        Arguments.of("kubernetes^3 dns", List.of(LOG_28)),
        Arguments.of("what is kubernetes?", List.of(KUBE_HOME, LOG_14, LOG_28, LOG_35)),
        Arguments.of("date:2022-12", List.of(LOG_28)),
        Arguments.of("kubernetes date:[2022-06 TO 2022-12]", List.of(LOG_28)),
        Arguments.of("kubernetes year:[* TO 2021]", List.of(LOG_14)),
        Arguments.of("kubernetes year:{2022 TO *]", List.of(LOG_35)),
        Arguments.of("-tag:infra kubernetes", List.of(LOG_35)),
        Arguments.of("tag:inf*", List.of(KUBE_HOME, LOG_12, LOG_14, LOG_28)),
        Arguments.of(
            "tag:infra OR tag:nix", List.of(KUBE_HOME, LOG_12, LOG_14, LOG_28, NIXOS_HTML)),
        // Stray operators and broken syntax are read as words.
        Arguments.of("OR rye", List.of(LOG_23, LOG_41_HTML)),
        Arguments.of("rye OR", List.of(LOG_23, LOG_41_HTML)),
        Arguments.of("rye -", List.of(LOG_23, LOG_41_HTML)),
        Arguments.of("(rye", List.of(LOG_23, LOG_41_HTML)),
        Arguments.of("\"flaky deployments", List.of(LOG_23, LOG_38)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactSets")
  void queryFindsExactlyTheseEntries(String query, List<String> expected) throws IOException {
    assertThat(ids(query)).containsExactlyInAnyOrderElementsOf(expected);
  }

  static Stream<Arguments> topHits() {
    return Stream.of(
        Arguments.of("kubernetes", KUBE_HOME),
        Arguments.of("max", LOG_39),
        Arguments.of("size", LOG_39),
        Arguments.of("float", COMMAS),
        Arguments.of("parse", COMMAS),
        Arguments.of("cancel", LOG_26),
        Arguments.of("teh", "posts/2021/dev-log-15.md"),
        Arguments.of("shortcodes", "site/2023/08/a-tiny-static-site-generator/index.html"),
        Arguments.of("hammock", "site/2023/09/dev-log-44/index.html"),
        Arguments.of("sqlite", SQLITE_HTML),
        Arguments.of("infrastructure", LOG_28),
        Arguments.of("infrastrucutre", LOG_12));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topHits")
  void queryRanksThisEntryFirst(String query, String expectedFirst) throws IOException {
    assertThat(ids(query)).first().isEqualTo(expectedFirst);
  }

  @Test
  void titleOutranksHeadingWhichOutranksBody() throws IOException {
    assertThat(ids("postgres"))
        .containsExactly(
            "posts/2022/postgres-vacuum.md",
            "posts/2022/dev-log-24.md",
            "posts/2021/year-in-review-2021.md");
  }

  @Test
  void exactPhraseOutranksScatteredWords() throws IOException {
    assertThat(ids("flaky deployments")).first().isEqualTo(LOG_23);
  }

  @Test
  void yearFilterCountsEntriesDatedFromEverySource() throws IOException {
    assertThat(search("year:2021").total()).isEqualTo(8);
    assertThat(search("year:2022").total()).isEqualTo(10);
    assertThat(ids("year:2023"))
        .hasSize(11)
        .contains(
            "site/2023/08/a-tiny-static-site-generator/index.html",
            "site/2023/09/dev-log-44/index.html",
            SQLITE_HTML);
  }

  @Test
  void tagFilterMatchesTagsAsWritten() throws IOException {
    assertThat(ids("tag:rust"))
        .containsExactlyInAnyOrder(
            LOG_13,
            "posts/2021/dev-log-16.md",
            "posts/2022/dev-log-20.md",
            "posts/2022/dev-log-21.md",
            JAPANESE,
            LOG_39);
  }

  @Test
  void resultsCarryDatesFromFileNameAndOddFormats() throws IOException {
    assertThat(search("cafe").hits().get(0).date()).hasToString("2022-09-14");
    assertThat(search("ctx.cancel").hits().get(0).date()).hasToString("2022-10-03");
    assertThat(search("title:postgres").hits()).hasSize(1);
    assertThat(search("\"Postgres upgrade\"").hits().get(0).date()).hasToString("2022-07-04");
  }

  @Test
  void sectionsLinkToTheirAnchors() throws IOException {
    Hit python = search("os.path.join").hits().get(0);
    assertThat(python.sections()).extracting(SectionHit::anchor).first().isEqualTo("the-quick-fix");
    assertThat(python.sections().get(0).url()).endsWith("python-path-handling.html#the-quick-fix");
    Hit flaky = search("\"flaky deployments\"").hits().get(0);
    assertThat(flaky.sections()).extracting(SectionHit::anchor).first().isEqualTo("work");
    Hit heading = search("postgres").hits().get(1);
    assertThat(heading.sections())
        .extracting(SectionHit::anchor)
        .first()
        .isEqualTo("postgres-upgrade");
  }

  @Test
  void htmlSectionsUseTheIdsOfTheBuiltPage() throws IOException {
    Hit sqlite = search("sqlite").hits().get(0);
    assertThat(sqlite.sections())
        .extracting(SectionHit::anchor)
        .isNotEmpty()
        .isSubsetOf("why-sqlite", "settings-that-matter", "what-it-is-not-for");
  }

  @Test
  void snippetsMarkTheMatchesAndNothingElse() throws IOException {
    Snippet snippet = search("kubernetes").hits().get(0).snippet();
    assertThat(snippet.matches()).isNotEmpty();
    assertThat(snippet.matches())
        .allSatisfy(
            m ->
                assertThat(snippet.text().substring(m.start(), m.end()))
                    .isEqualToIgnoringCase("kubernetes"));
  }

  @Test
  void closeSpellingsAndPrefixesAreHighlightedToo() throws IOException {
    assertThat(Marked.of(search("kubrenetes").hits().get(0).snippet())).contains("[Kubernetes]");
    assertThat(Marked.of(search("kube*").hits().get(0).snippet())).contains("[kubectl]");
  }

  @Test
  void typoFallbackSaysSoAndSuggestsTheCommonSpelling() throws IOException {
    SearchResult misspelt = search("infrastrucutre");
    assertThat(misspelt.note()).contains("close spellings");
    assertThat(search("infrastructure").didYouMean()).isNull();
    SearchResult typo = search("kubrenetes");
    assertThat(typo.didYouMean()).isEqualTo("kubernetes");
  }

  @Test
  void correctlySpeltRareWordsGetNoSuggestion() throws IOException {
    assertThat(search("flaky deployments").didYouMean()).isNull();
    assertThat(search("\"flaky\"").hits())
        .extracting(Hit::id)
        .containsExactlyInAnyOrder(LOG_23, LOG_38);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"\"", "-", "*", "/.*/", "((( )))"})
  void queryWithoutWordsFindsNothingAndSaysWhy(String query) throws IOException {
    SearchResult result = search(query);
    assertThat(result.total()).isZero();
    assertThat(result.note()).startsWith("no words to search for");
  }

  @Test
  void aQueryBeyondLucenesClauseLimitSaysSoInsteadOfFailing() throws IOException {
    int limit = IndexSearcher.getMaxClauseCount();
    IndexSearcher.setMaxClauseCount(16); // the index is small: lower the limit, not raise the query
    try {
      SearchResult result = search("kubernetes~ deployments~ infrastructure~ debugging~");
      assertThat(result.total()).isZero();
      assertThat(result.note()).contains("matches too many different words");
    } finally {
      IndexSearcher.setMaxClauseCount(limit);
    }
    assertThat(search("kubernetes~ deployments~ infrastructure~ debugging~").note()).isNull();
  }

  @Test
  void noCommonMatchFallsBackToAnyWordAndSaysSo() throws IOException {
    SearchResult result = search("sourdough zeppelin");
    assertThat(result.note()).contains("any of them");
    assertThat(result.hits()).extracting(Hit::id).contains(LOG_13);
  }

  @Test
  void listPagesAreFoundOnlyWhenAskedFor() throws IOException {
    SearchResult withLists =
        searcher.search(new SearchRequest("miscellany", 1, 10, SortOrder.RELEVANCE, true));
    assertThat(withLists.hits()).extracting(Hit::kind).containsExactly("list");
  }

  @Test
  void builtPageCarriesTheTagsOfItsMarkdownSource() throws IOException {
    assertThat(ids("tag:nix")).containsExactly(NIXOS_HTML);
    assertThat(search("nixpkgs").hits().get(0).tags()).contains("nix", "homelab");
  }

  @Test
  void sameEntryAsSourceAndBuiltPageIsIndexedOnce() throws IOException {
    assertThat(report.skipped())
        .anySatisfy(s -> assertThat(s.path()).isEqualTo("posts/2023/moving-to-nixos.md"));
    assertThat(ids("title:nixos")).hasSize(1);
  }

  @Test
  void reportCountsEntriesAndNamesWhatWasSkipped() {
    assertThat(report.entries()).isEqualTo(30);
    assertThat(report.lists()).isEqualTo(2);
    assertThat(report.skipped())
        .extracting(s -> s.path())
        .contains("posts/2023/ideas-for-next-year.md", "site/2023/11/private-notes/index.html");
  }

  @Test
  void sortByDateOrdersOldestOrNewestFirst() throws IOException {
    List<Hit> oldest =
        searcher.search(new SearchRequest("kubernetes", 1, 10, SortOrder.DATE, false)).hits();
    assertThat(oldest).extracting(Hit::id).containsExactly(LOG_14, KUBE_HOME, LOG_28, LOG_35);
    List<Hit> newest =
        searcher.search(new SearchRequest("kubernetes", 1, 10, SortOrder.DATE_DESC, false)).hits();
    assertThat(newest).extracting(Hit::id).containsExactly(LOG_35, LOG_28, KUBE_HOME, LOG_14);
  }

  @Test
  void pagesSliceTheResults() throws IOException {
    SearchResult second =
        searcher.search(new SearchRequest("kubernetes", 2, 3, SortOrder.DATE, false));
    assertThat(second.total()).isEqualTo(4);
    assertThat(second.page()).isEqualTo(2);
    assertThat(second.hits()).extracting(Hit::id).containsExactly(LOG_35);
  }

  @Test
  void yearFacetOfAYearFilterIsThatYearAlone() throws IOException {
    SearchResult result =
        searcher.search(new SearchRequest("year:2022", 1, 1, SortOrder.DATE, false));
    assertThat(result.facets().years()).containsExactly(new Facets.YearCount(2022, 10));
    assertThat(result.facets().tags()).first().isEqualTo(new Facets.TagCount("work", 4));
    assertThat(result.facets().tags()).contains(new Facets.TagCount("rust", 3));
  }

  @Test
  void typingKubeSuggestsThePostMortem() throws IOException {
    assertThat(searcher.suggest("kube", 5))
        .first()
        .extracting(Suggestion::text, Suggestion::kind)
        .containsExactly("Kubernetes at home: a post-mortem", Suggestion.TITLE);
  }
}
