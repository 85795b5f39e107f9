package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index folder comes from {@code --index}, else {@code ARCHIVE_INDEX}, else {@code ./index}.
 */
class IndexLocationIT {

  @TempDir Path indexDir;
  @TempDir Path workDir;

  private Process archive(Path cwd, String env, String... args) throws IOException {
    ProcessBuilder builder = CliRun.childProcess(args).directory(cwd.toFile());
    builder.environment().remove("ARCHIVE_INDEX");
    if (env != null) {
      builder.environment().put("ARCHIVE_INDEX", env);
    }
    builder.redirectErrorStream(true);
    return builder.start();
  }

  private static String output(Process process) throws Exception {
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process.exitValue() + ":" + text;
  }

  @Test
  @Timeout(120)
  void environmentVariableNamesTheIndexWhenNoOptionDoes() throws Exception {
    Path site = Path.of("examples/devlog").toAbsolutePath();
    assertThat(output(archive(workDir, indexDir.toString(), "index", site.toString())))
        .startsWith("0:30 entries");
    assertThat(output(archive(workDir, indexDir.toString(), "stats"))).contains("30 entries");
    assertThat(output(archive(workDir, null, "stats")))
        .startsWith("1:archive: no index at index — run 'archive index SITE' first");
  }

  @Test
  @Timeout(120)
  void defaultIndexIsTheIndexFolderOfTheWorkingDirectory() throws Exception {
    Path site = Path.of("examples/devlog").toAbsolutePath();
    assertThat(output(archive(workDir, null, "index", site.toString()))).startsWith("0:30 entries");
    assertThat(workDir.resolve("index")).isDirectoryContaining("glob:**/segments_*");
    assertThat(output(archive(workDir, null, "search", "--color", "auto", "kubernetes")))
        .startsWith("0:4 results")
        .doesNotContain("\u001b[");
  }
}
