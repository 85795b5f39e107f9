package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills an indexing process ({@link PausingIndex}: the command's walk, parse and writer, paused at
 * a known file) in the middle of a run (SIGKILL, as {@code kill -9}; SIGTERM, as a service manager
 * stops it) and checks that the previous index is intact and the next run completes.
 */
class CrashSafetyIT {

  @TempDir Path site;
  @TempDir Path indexDir;

  private void writeSite(int count, String word) throws IOException {
    for (int i = 0; i < count; i++) {
      String text =
          "---\ntitle: Entry "
              + i
              + "\ndate: 2022-01-"
              + (1 + i % 28)
              + "\n---\n"
              + "Entry number "
              + i
              + " is about "
              + word
              + ".\n\n## Notes\nMore text.\n";
      Files.writeString(site.resolve("entry-" + i + ".md"), text, StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "forcibly={0}")
  @ValueSource(booleans = {true, false})
  @Timeout(120)
  void killedRunLeavesThePreviousIndexAndTheNextRunCompletes(boolean forcibly) throws Exception {
    writeSite(40, "kestrels");
    assertThat(archive("index", site.toString()).exitCode()).isZero();
    writeSite(60, "herons");

    Process child = startIndexPausingAfter(5);
    waitForPause(child);
    if (forcibly) {
      child.destroyForcibly();
    } else {
      child.destroy();
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(total("kestrels")).isEqualTo(40);
    assertThat(total("herons")).isZero();
    try (Directory dir = FSDirectory.open(indexDir);
        CheckIndex check = new CheckIndex(dir)) {
      assertThat(check.checkIndex().clean).isTrue();
    }

    CliRun next = archive("index", site.toString());
    assertThat(next.exitCode()).isZero();
    assertThat(next.out()).contains("60 entries: 20 new, 40 updated, 0 deleted, 0 unchanged");
    assertThat(total("herons")).isEqualTo(60);
  }

  private CliRun archive(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--index");
    all.add(indexDir.toString());
    return CliRun.of(all.toArray(String[]::new));
  }

  private int total(String word) {
    CliRun run = archive("search", "--json", word);
    assertThat(run.exitCode()).isZero();
    return com.google.gson.JsonParser.parseString(run.out())
        .getAsJsonObject()
        .get("total")
        .getAsInt();
  }

  private Process startIndexPausingAfter(int files) throws IOException {
    ProcessBuilder builder =
        CliRun.childJvm(
            PausingIndex.class, site.toString(), indexDir.toString(), String.valueOf(files));
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }

  private static void waitForPause(Process child) throws IOException {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line = err.readLine(); line != null; line = err.readLine()) {
      if (line.startsWith("paused after")) {
        return;
      }
      seen.add(line);
    }
    throw new AssertionError("the child ended before pausing; it printed: " + seen);
  }
}
