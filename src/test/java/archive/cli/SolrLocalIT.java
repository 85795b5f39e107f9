package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import archive.testing.LocalSolrCloud;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ./archive solr local} starts a SolrCloud to try archive on, and stops it cleanly. */
@Timeout(300)
class SolrLocalIT {

  @Test
  void theLauncherStartsASolrCloudThatAnswersAndQuitsLeavingNothingBehind() throws Exception {
    Path launcher = Path.of("archive").toAbsolutePath();
    List<Path> before = solrTempFolders();
    LocalSolrCloud cloud =
        LocalSolrCloud.startWith(List.of(launcher.toString(), "solr", "local", "--nodes", "1"));
    try {
      assertThat(cloud.nodes()).hasSize(1);
      JsonObject system =
          LocalSolrCloud.json(cloud.nodes().get(0).resolve("admin/info/system?wt=json"));
      assertThat(system.getAsJsonObject("lucene").get("solr-spec-version").getAsString())
          .isEqualTo("9.10.1");
    } finally {
      cloud.close();
    }

    assertThat(cloud.exitValue()).isZero();
    assertThat(solrTempFolders()).as("its temporary data folder is removed").isEqualTo(before);
  }

  private static List<Path> solrTempFolders() throws Exception {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(
              p -> p.getFileName().toString().startsWith("solr-cluster") && Files.isDirectory(p))
          .sorted()
          .toList();
    }
  }

  @Test
  void runWithoutTheLauncherItSaysToUseIt() {
    CliRun run = CliRun.of("solr", "local");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("./archive solr local");
  }
}
