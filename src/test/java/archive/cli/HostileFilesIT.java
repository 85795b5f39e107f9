package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files in a blog folder, indexed by the real command line in a JVM of its own (issue 10,
 * hostile files): the run must end, exit 0 and name each file it could not index in one line.
 */
class HostileFilesIT {

  /** Longest line the command line may print. */
  private static final int MAX_LINE = 300;

  @TempDir Path root;

  @Test
  @Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
  void aFileTooBigForTheMemoryJavaHasFailsAloneInOneLine() throws Exception {
    // A worker ran out of memory, died with a stack trace, and the file was left out of the tally
    // (issue 10, hostile files). A 5 MB file of headings takes far more than 96 MB to read.
    Path site = Files.createDirectories(root.resolve("blog"));
    Files.writeString(site.resolve("good.html"), "<title>Good</title><p>A quoll.</p>");
    Files.writeString(site.resolve("headings.md"), "# h\n".repeat(1_300_000));
    Path index = root.resolve("index");

    CliRun run =
        child(
            Map.of("JAVA_TOOL_OPTIONS", "-Xmx96m"),
            "index",
            site.toString(),
            "--index",
            index.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertPrintedCleanly(run);
    assertThat(run.out())
        .startsWith("1 entry: 1 new, 0 updated, 0 deleted, 0 unchanged; 1 failed")
        .contains(
            "  failed   headings.md — ran out of memory reading it (Java may use",
            "give Java more with -Xmx, or split the file");
    assertIndexIsClean(index);
  }

  /** Runs {@code archive ARGS} in a JVM of its own and collects what it printed. */
  private CliRun child(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    ProcessBuilder builder = CliRun.childProcess(args);
    builder.environment().putAll(env);
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("archive did not finish in 120 s: " + Files.readString(out));
    }
    // The JVM says it saw JAVA_TOOL_OPTIONS; that line is not the program's.
    String printed =
        Files.readString(err).replaceAll("(?m)^Picked up JAVA_TOOL_OPTIONS: .*\\R", "");
    return new CliRun(process.exitValue(), Files.readString(out), printed);
  }

  /**
   * No stack trace, no Java exception's name, no escape sequence, no line over {@value #MAX_LINE}
   * characters. A warning may quote a file's own {@code !!java.lang.ProcessBuilder}.
   */
  private static void assertPrintedCleanly(CliRun run) {
    String printed = run.out() + run.err();
    assertThat(printed).doesNotContain("\tat ", "Exception in", "\u001b");
    assertThat(printed).doesNotContainPattern("java\\.lang\\.\\w*(Exception|Error)");
    assertThat(printed.lines())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(MAX_LINE));
  }

  private static void assertIndexIsClean(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index);
        CheckIndex check = new CheckIndex(dir)) {
      assertThat(check.checkIndex().clean).isTrue();
    }
  }
}
