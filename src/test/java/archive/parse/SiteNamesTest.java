package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteNamesTest {

  @TempDir Path site;

  @Test
  void learnsASiteNameThatLeadsMostTitles() {
    assertThat(
            SiteNames.fromTitles(
                List.of("Lyceum — dev log 55", "Lyceum — dev log 56", "Lyceum — About", "Lyceum")))
        .contains("Lyceum");
  }

  @Test
  void learnsASiteNameThatEndsMostTitlesWhateverTheSeparator() {
    assertThat(
            SiteNames.fromTitles(
                List.of(
                    "Part 1 - Setup | Notes",
                    "Dev log 12 | Notes",
                    "On estimates » Notes",
                    "Tags")))
        .contains("Notes");
  }

  @Test
  void learnsNothingFromTitlesThatShareNoPart() {
    assertThat(SiteNames.fromTitles(List.of("A - B", "C - D", "E - F", "G - H"))).isEmpty();
    assertThat(SiteNames.fromTitles(List.of("Blog - One", "Blog - Two"))).isEmpty();
  }

  @Test
  void takesANameOffEitherEndButLeavesATitleThatIsOnlyTheName() {
    assertThat(SiteNames.without("Lyceum :: Tools I use", "Lyceum")).isEqualTo("Tools I use");
    assertThat(SiteNames.without("Tools I use | Lyceum", "Lyceum")).isEqualTo("Tools I use");
    assertThat(SiteNames.without("Lyceum", "Lyceum")).isEqualTo("Lyceum");
    assertThat(SiteNames.without("Lyceum of the arts", "Lyceum")).isEqualTo("Lyceum of the arts");
  }

  @Test
  void learnsFromTheTitleElementsOfPagesOnDisk() throws IOException {
    List<Path> pages = new ArrayList<>();
    for (int i = 50; i < 56; i++) {
      Path page = site.resolve("devlog" + i + ".html");
      Files.writeString(
          page,
          "<html><head><title>Lyceum &#151 dev log " + i + "</title></head><body></body></html>",
          StandardCharsets.UTF_8);
      pages.add(page);
    }
    pages.add(site.resolve("missing.html"));
    assertThat(SiteNames.learn(pages)).contains("Lyceum");
  }
}
