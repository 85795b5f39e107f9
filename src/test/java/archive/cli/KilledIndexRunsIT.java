package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import archive.index.IndexStats;
import archive.testing.Figures;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code archive index} with SIGKILL (as {@code kill -9}, the out-of-memory killer or a power
 * cut would stop it) at random moments of a run, a dozen times in a row, with the blog changing
 * between runs: entries added, rewritten and removed. After every kill the index must be whole
 * (Lucene's CheckIndex) and hold exactly one of the two states, the last committed or the new one,
 * never a mixture; the next run, left to finish, must then report exactly what changed.
 *
 * <p>The moments are drawn at random over the length of a run, measured first on this machine:
 * every other killed run is {@code --full} (every file read again, as long as a first run), the
 * others incremental, so that kills land while the JVM starts, while files are parsed and around
 * the commit. The seed is printed; {@code -Darchive.killSeed=N} repeats a sequence of delays.
 */
class KilledIndexRunsIT {

  private static final int ENTRIES = 1000;
  private static final int KILLS = 12;

  @TempDir Path site;
  @TempDir Path indexDir;
  private int round;

  /** Marker word → how many entries carry it, for the state the index should hold. */
  private record State(int entries, Map<String, Integer> markers) {}

  @Test
  @Timeout(600)
  void everyKillLeavesOneWholeStateAndTheNextRunReportsExactlyWhatChanged() throws Exception {
    GeneratedBlog blog = new GeneratedBlog(site, 11);
    Map<Integer, String> markerOf = new TreeMap<>();
    for (int n = 0; n < ENTRIES; n++) {
      blog.write(n, marker(0), 120);
      markerOf.put(n, marker(0));
    }
    long fullMillis = runToTheEnd("--full");
    // One incremental run, left to finish, for its length: a run after a change like those below.
    for (int n = 0; n < 60; n++) {
      blog.write(n, marker(0), 130);
    }
    long incrementalMillis = runToTheEnd();
    State committed = state(markerOf);
    assertThat(held()).isEqualTo(committed);

    long seed = Long.getLong("archive.killSeed", System.nanoTime());
    System.out.printf(
        "KilledIndexRunsIT: seed %d; a full run takes %d ms, an incremental one %d ms%n",
        seed, fullMillis, incrementalMillis);
    Random random = new Random(seed);
    int next = ENTRIES;
    int oldKept = 0;
    int newKept = 0;
    List<Long> delays = new ArrayList<>();
    int finished = 0;
    for (round = 1; delays.size() < KILLS; round++) {
      assertThat(round).as("rounds to get %d kills", KILLS).isLessThan(100);
      // The blog changes: 40 new entries, 60 rewritten, 20 removed.
      List<Integer> present = new ArrayList<>(markerOf.keySet());
      int added = 40;
      for (int i = 0; i < added; i++, next++) {
        blog.write(next, marker(round), 120);
        markerOf.put(next, marker(round));
      }
      int rewritten = 0;
      int removed = 0;
      for (int i = 0; i < 80; i++) {
        int n = present.remove(random.nextInt(present.size()));
        if (i < 60) {
          blog.write(n, marker(round), 120);
          markerOf.put(n, marker(round));
          rewritten++;
        } else {
          Files.delete(site.resolve(GeneratedBlog.fileName(n)));
          markerOf.remove(n);
          removed++;
        }
      }
      State changed = state(markerOf);

      boolean full = round % 2 == 1;
      long delay = (long) (random.nextDouble() * (full ? fullMillis : incrementalMillis) * 1.25);
      Process child = full ? start("--full") : start();
      boolean killed = !child.waitFor(delay, TimeUnit.MILLISECONDS);
      if (killed) {
        child.destroyForcibly(); // SIGKILL on Linux
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // The run may end on its own between the wait's end and the signal: exit 0, no kill.
        killed = child.exitValue() != 0;
      }
      if (!killed) {
        assertThat(child.exitValue()).isZero();
        finished++; // it ended first: not a kill, but the checks below still hold
      } else {
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        delays.add(delay);
      }

      assertClean();
      State held = held();
      assertThat(held)
          .as(
              "round %d, killed after %d ms, holds the committed state or the new one",
              round, delay)
          .isIn(committed, changed);
      String expected;
      if (held.equals(committed)) {
        oldKept++;
        expected =
            String.format(
                "%d entries: %d new, %d updated, %d deleted, %d unchanged",
                changed.entries(),
                added,
                rewritten,
                removed,
                changed.entries() - added - rewritten);
      } else {
        newKept += killed ? 1 : 0;
        expected =
            String.format(
                "%d entries: 0 new, 0 updated, 0 deleted, %d unchanged",
                changed.entries(), changed.entries());
      }

      CliRun again = CliRun.of("index", site.toString(), "--index", indexDir.toString());
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out()).as("the run after round %d", round).contains(expected);
      assertThat(held()).isEqualTo(changed);
      committed = changed;
    }
    assertClean();

    delays.sort(null);
    Figures.record(
        "killed-index-runs",
        List.of(
            String.format(
                "%d SIGKILLs of `archive index` (%d entries; runs of %.1f s full, %.1f s"
                    + " incremental here), at %d–%d ms (median %d ms): index clean after every"
                    + " kill; %d kept the last commit, %d the new one, 0 a mixture; every next run"
                    + " reported exactly what changed (%d more runs ended before their kill)",
                KILLS,
                committed.entries(),
                fullMillis / 1000.0,
                incrementalMillis / 1000.0,
                delays.get(0),
                delays.get(delays.size() - 1),
                delays.get(delays.size() / 2),
                oldKept,
                newKept,
                finished)));
  }

  /** Runs {@code archive index} in its own JVM to the end; returns how long it took. */
  private long runToTheEnd(String... options) throws Exception {
    long started = System.nanoTime();
    Process run = start(options);
    assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).isZero();
    return (System.nanoTime() - started) / 1_000_000;
  }

  private Process start(String... options) throws IOException {
    List<String> args =
        new ArrayList<>(List.of("index", site.toString(), "--index", indexDir.toString()));
    args.addAll(List.of(options));
    ProcessBuilder builder = CliRun.childProcess(args.toArray(String[]::new));
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }

  private static String marker(int round) {
    return "qqmark" + (char) ('a' + round / 26) + (char) ('a' + round % 26);
  }

  private static State state(Map<Integer, String> markerOf) {
    Map<String, Integer> counts = new TreeMap<>();
    markerOf.values().forEach(m -> counts.merge(m, 1, Integer::sum));
    return new State(markerOf.size(), counts);
  }

  /** What the index holds: its entries, and how many carry each marker used in the test. */
  private State held() throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (int r = 0; r <= round; r++) {
      int count = count(marker(r));
      if (count > 0) {
        counts.put(marker(r), count);
      }
    }
    return new State(IndexStats.read(indexDir).entries(), counts);
  }

  /**
   * How many entries the index has with {@code word} itself: quoted, so neither a close spelling
   * nor another word of the same stem counts ({@code qqmarkae} and {@code qqmarkas} both stem to
   * {@code qqmarka}).
   */
  private int count(String word) {
    CliRun run =
        CliRun.of(
            "search", "--json", "--limit", "1", '"' + word + '"', "--index", indexDir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    return json.get("note").isJsonNull() ? json.get("total").getAsInt() : 0;
  }

  private void assertClean() throws IOException {
    try (Directory dir = FSDirectory.open(indexDir);
        CheckIndex check = new CheckIndex(dir)) {
      assertThat(check.checkIndex().clean).isTrue();
    }
  }
}
