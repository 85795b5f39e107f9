package archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionHitsTest {

  @TempDir Path site;
  @TempDir Path indexDir;

  private Hit onlyHit(String query) throws IOException {
    SearchResult result = IndexedSite.search(site, indexDir, query);
    assertThat(result.hits()).hasSize(1);
    return result.hits().get(0);
  }

  @Test
  void shortSectionsEachKeepTheirOwnMatches() throws IOException {
    Files.writeString(
        site.resolve("log.md"),
        "---\ntitle: Weekly log\n---\nA short lead.\n\n**Job:** Started at Acme.\n\n"
            + "## Next week\n- item one\n- item two about acme\n",
        StandardCharsets.UTF_8);
    Hit hit = onlyHit("acme");
    assertThat(hit.sections()).extracting(SectionHit::anchor).containsExactly("job", "next-week");
    assertThat(Marked.of(hit.sections().get(0).snippet())).isEqualTo("Started at [Acme].");
    assertThat(Marked.of(hit.sections().get(1).snippet())).doesNotContain("Started");
    assertThat(hit.sections().get(1).url()).isEqualTo("/log.html#next-week");
  }

  @Test
  void headingThatNamesTheQueryComesFirst() throws IOException {
    Files.writeString(
        site.resolve("notes.md"),
        "---\ntitle: Notes\n---\n## Garden\nThe garden is fine; nothing about the shed.\n\n"
            + "## Shed\nRepainted it.\n",
        StandardCharsets.UTF_8);
    Hit hit = onlyHit("shed");
    assertThat(hit.sections()).extracting(SectionHit::heading).first().isEqualTo("Shed");
  }

  @Test
  void snippetsAreTheTextTheEntryWroteNotMarkup() throws IOException {
    Files.writeString(
        site.resolve("xss.md"),
        "---\ntitle: Escaping\n---\nWrite `<b onclick=\"x()\">zebra</b>` & friends.\n",
        StandardCharsets.UTF_8);
    Hit hit = onlyHit("zebra");
    assertThat(hit.snippet().text()).isEqualTo("Write <b onclick=\"x()\">zebra</b> & friends.");
    assertThat(hit.snippet().matches()).containsExactly(new Snippet.Range(23, 28));
  }
}
