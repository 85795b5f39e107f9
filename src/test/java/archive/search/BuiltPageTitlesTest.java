package archive.search;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * A built page whose {@code <title>} puts the site's name first, with no h1, is found and shown by
 * its own title: the index learns the site's title template from its pages.
 */
class BuiltPageTitlesTest {

  @TempDir Path site;
  @TempDir Path indexDir;

  private void page(String name, String title, String text) throws IOException {
    Files.writeString(
        site.resolve(name),
        "<html><head><title>"
            + title
            + "</title></head><body><div class=nav><a href=/>home</a>"
            + "</div><p>"
            + text
            + "</p></body></html>",
        StandardCharsets.UTF_8);
  }

  @Test
  void aTitleThatLeadsWithTheSiteNameIsFoundAndShownWithoutIt() throws IOException {
    page("index.html", "Lyceum", "Welcome to the lyceum, a place for notes on many things.");
    for (int i = 53; i < 57; i++) {
      page("devlog" + i + ".html", "Lyceum &#151 dev log " + i, "Notes of week " + i + " here.");
    }
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      indexer.index(
          SiteWalker.walk(site), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
    try (Searcher searcher = Searcher.open(indexDir)) {
      List<Hit> hits = searcher.search(SearchRequest.of("\"dev log 55\"")).hits();
      assertThat(hits).extracting(Hit::title).containsExactly("dev log 55");
    }
  }
}
