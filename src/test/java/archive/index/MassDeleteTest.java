package archive.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An emptied, moved or unmounted folder must not wipe the archive: a run that would take more than
 * half of the entries away, or all of them, keeps the index as it was unless told otherwise (issue
 * 10, data safety).
 */
class MassDeleteTest {

  @TempDir Path site;
  @TempDir Path indexDir;

  @BeforeEach
  void indexFourEntries() throws IOException {
    for (String name : new String[] {"a", "b", "c", "d"}) {
      Files.writeString(
          site.resolve(name + ".md"),
          "---\ntitle: Entry " + name + "\n---\nAbout quolls.\n",
          StandardCharsets.UTF_8);
    }
    assertThat(index(false).added()).isEqualTo(4);
  }

  private IndexReport index(boolean allowMassDelete) throws IOException {
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      return indexer.index(
          SiteWalker.walk(site),
          ParseOptions.DEFAULTS,
          false,
          EntryIndexer.Progress.NONE,
          allowMassDelete);
    }
  }

  private int entries() throws IOException {
    return IndexStats.read(indexDir).entries();
  }

  private void remove(String... names) throws IOException {
    for (String name : names) {
      Files.delete(site.resolve(name + ".md"));
    }
  }

  @Test
  void anEmptiedFolderLeavesTheIndexAsItWasAndSaysHowToProceed() throws IOException {
    remove("a", "b", "c", "d");

    assertThatThrownBy(() -> index(false))
        .isInstanceOf(MassDeleteException.class)
        .hasMessageContaining("would leave 0 of the index's 4 entries")
        .hasMessageContaining("--allow-mass-delete");
    assertThat(entries()).isEqualTo(4);
  }

  @Test
  void removingMoreThanHalfIsRefusedButHalfIsAnEdit() throws IOException {
    remove("a", "b", "c");
    assertThatThrownBy(() -> index(false)).isInstanceOf(MassDeleteException.class);
    assertThat(entries()).isEqualTo(4);

    Files.writeString(site.resolve("c.md"), "---\ntitle: Entry c\n---\nAbout quolls.\n");
    assertThat(index(false).deleted()).isEqualTo(2);
    assertThat(entries()).isEqualTo(2);
  }

  @Test
  void whenAskedTheRunRemovesThemAll() throws IOException {
    remove("a", "b", "c", "d");

    assertThat(index(true).deleted()).isEqualTo(4);
    assertThat(entries()).isZero();
  }

  @Test
  void theWatchersUpdateIsGuardedToo() throws IOException {
    remove("a", "b", "c", "d");

    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      assertThatThrownBy(() -> indexer.update(SiteWalker.walk(site), ParseOptions.DEFAULTS))
          .isInstanceOf(MassDeleteException.class);
    }
    assertThat(entries()).isEqualTo(4);
  }
}
