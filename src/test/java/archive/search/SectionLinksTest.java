package archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import archive.index.EntryIndexer;
import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import archive.parse.UrlStyle;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A section's deep link is its page's own anchor where the page has one, and otherwise a text
 * fragment of as few of its words as make them the first match on the page.
 */
class SectionLinksTest {

  @TempDir Path site;
  @TempDir Path indexDir;

  private void index(ParseOptions options) throws IOException {
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      indexer.index(SiteWalker.walk(site), options, false, EntryIndexer.Progress.NONE);
    }
  }

  /** Section links by heading, of the first entry a query finds. */
  private Map<String, String> links(String query, ParseOptions options) throws IOException {
    index(options);
    return links(query);
  }

  private Map<String, String> links(String query) throws IOException {
    try (Searcher searcher = Searcher.open(indexDir)) {
      Hit hit = searcher.search(SearchRequest.of(query)).hits().get(0);
      return hit.sections().stream()
          .collect(Collectors.toMap(SectionHit::heading, SectionHit::url));
    }
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(site.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void aBuiltPageKeepsItsOwnIdsAndGetsTextFragmentsWhereItHasNone() throws IOException {
    write(
        "page.html",
        """
        <html><head><title>Wombat log</title></head><body><article><h1>Wombat log</h1>
        <p>The wombat lead paragraph.</p>
        <h2 id="burrows">Burrows</h2><p>Wombat burrows are long.</p>
        <h2>Night walks</h2><p>The wombat walks at night.</p>
        <p><strong>Food:</strong> The wombat eats grass, roots and bark.</p>
        </article></body></html>
        """);

    index(ParseOptions.DEFAULTS);

    assertThat(links("burrows night"))
        .containsEntry("Burrows", "/page.html#burrows")
        .containsEntry("Night walks", "/page.html#:~:text=Night%20walks");
    assertThat(links("grass roots"))
        .containsEntry("Food", "/page.html#:~:text=The%20wombat%20eats");
  }

  @Test
  void aHeadingThatIsNotTheFirstMatchIsPinnedByTheWordsAfterIt() throws IOException {
    write(
        "page.html",
        """
        <html><body><article><h1>Quoll notes</h1>
        <h2>Quolls</h2><p>First quoll sighting.</p>
        <h2>Quolls</h2><p>Second quoll sighting, by the creek.</p>
        </article></body></html>
        """);

    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      indexer.index(
          SiteWalker.walk(site), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
    try (Searcher searcher = Searcher.open(indexDir)) {
      Hit hit = searcher.search(SearchRequest.of("quoll sighting")).hits().get(0);
      assertThat(hit.sections())
          .extracting(SectionHit::url)
          .containsExactlyInAnyOrder(
              "/page.html#:~:text=Quolls", "/page.html#:~:text=Quolls,-Second");
    }
  }

  @Test
  void aBoldRunInWhoseFirstWordsRecurIsGivenMoreOfThem() throws IOException {
    write(
        "page.html",
        """
        <html><body><article><h1>Numbat days</h1>
        <p>Spent the day watching numbats in the park.</p>
        <p><b>Monday</b> Spent the day at the termite mound.</p>
        </article></body></html>
        """);

    assertThat(links("termite numbat", ParseOptions.DEFAULTS))
        .containsEntry("Monday", "/page.html#:~:text=Spent%20the%20day%20at");
  }

  @Test
  void markdownServedHereLinksEverySectionByItsAnchor() throws IOException {
    write(
        "log.md",
        "---\ntitle: Log\n---\nLead.\n\n**Job:** Started at Acme.\n\n## Acme notes\nMore acme.\n");

    assertThat(links("acme", ParseOptions.DEFAULTS))
        .containsEntry("Job", "/log.html#job")
        .containsEntry("Acme notes", "/log.html#acme-notes");
  }

  @Test
  void markdownPublishedByAGeneratorLinksRunInsByTheirWordsAndAvoidsQuotesItMayCurl()
      throws IOException {
    write(
        "log.md",
        "---\ntitle: Log\n---\nLead.\n\n**Job:** Started at Acme, it's fine.\n\n"
            + "**Home:** Acme's old office, the plan.\n\n## Acme notes\nMore acme.\n");
    ParseOptions published =
        new ParseOptions(URI.create("https://blog.example.org/"), UrlStyle.HTML, false);

    index(published);

    assertThat(links("started fine"))
        .containsEntry("Job", "https://blog.example.org/log.html#:~:text=Started%20at%20Acme%2C");
    assertThat(links("office plan"))
        .containsEntry("Home", "https://blog.example.org/log.html#:~:text=Home");
    assertThat(links("notes"))
        .containsEntry("Acme notes", "https://blog.example.org/log.html#acme-notes");
  }

  @Test
  void directiveTextIsEscapedAsTheSpecAsks() {
    assertThat(SectionLinks.encode("a-b, c&d é")).isEqualTo("a%2Db%2C%20c%26d%20%C3%A9");
  }
}
