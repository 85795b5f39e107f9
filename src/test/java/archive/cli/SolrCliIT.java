package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import archive.testing.LocalSolrCloud;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index}, {@code search} and {@code stats} with {@code --solr} (or {@code $ARCHIVE_SOLR}) on
 * a real SolrCloud print what they print for the index folder; a bad address is bad usage and a
 * dead one is one line.
 */
@Timeout(300)
class SolrCliIT {

  @TempDir static Path dir;

  private static String url;
  private static Path folderIndex;

  @BeforeAll
  static void indexBoth() throws Exception {
    String node = LocalSolrCloud.shared().nodes().get(0).toString();
    CliRun init =
        CliRun.of("solr", "init", node, "--collection", "cli", "--shards", "2", "--replicas", "2");
    assertThat(init.exitCode()).as(init.err()).isZero();
    url = node + "cli";
    CliRun indexed = CliRun.of("index", "examples/devlog", "--solr", url);
    assertThat(indexed.exitCode()).as(indexed.err()).isZero();
    assertThat(indexed.out())
        .contains("30 entries: 30 new, 0 updated, 0 deleted, 0 unchanged")
        .containsPattern("done in [0-9.]+ s → " + url + " \\(site devlog\\)");
    folderIndex = dir.resolve("index");
    assertThat(CliRun.of("index", "examples/devlog", "--index", folderIndex.toString()).exitCode())
        .isZero();
  }

  @Test
  void searchPrintsWhatItPrintsForTheIndexFolder() {
    for (String query : List.of("nixos", "\"file limit\"", "tag:homelab", "nixxos", "rout*")) {
      CliRun solr = CliRun.of("search", query, "--solr", url);
      CliRun folder = CliRun.of("search", query, "--index", folderIndex.toString());
      assertThat(solr.exitCode()).as(solr.err()).isZero();
      assertThat(solr.out()).as(query).isEqualTo(folder.out()).isNotEmpty();
    }
  }

  @Test
  void statsCountWhatTheFolderCounts() {
    CliRun solr = CliRun.of("stats", "--solr", url, "--site", "devlog");
    CliRun folder = CliRun.of("stats", "--index", folderIndex.toString());
    assertThat(solr.exitCode()).as(solr.err()).isZero();
    assertThat(solr.out().lines().limit(4)).isEqualTo(folder.out().lines().limit(4).toList());
    assertThat(solr.out()).contains("index:    " + url + " (site devlog)");
  }

  @Test
  void anotherSitesNameFindsNothing() {
    CliRun run = CliRun.of("search", "nixos", "--solr", url, "--site", "another-blog");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("No results for \"nixos\"");
  }

  @Test
  void theEnvironmentNamesTheCollection() throws Exception {
    ProcessBuilder search = CliRun.childProcess("search", "nixos");
    search.environment().put("ARCHIVE_SOLR", url);
    search.environment().remove("ARCHIVE_INDEX");
    Process process = search.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(out).startsWith("3 results for \"nixos\"");
  }

  @Test
  void aPasswordInTheAddressIsRefusedAndSaysWhereCredentialsGo() {
    CliRun run = CliRun.of("search", "x", "--solr", "http://me:secret@127.0.0.1:8983/solr/blog");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--solr must not carry a password")
        .contains("ARCHIVE_SOLR_USER")
        .doesNotContain("secret");
  }

  @Test
  void anAddressWithoutACollectionOrASiteWithoutSolrIsBadUsage() {
    CliRun noCollection = CliRun.of("search", "x", "--solr", "http://127.0.0.1:8983/solr/");
    assertThat(noCollection.exitCode()).isEqualTo(2);
    assertThat(noCollection.err())
        .contains("--solr takes a node's address and the collection, such as");
    CliRun siteAlone = CliRun.of("search", "x", "--site", "devlog");
    assertThat(siteAlone.exitCode()).isEqualTo(2);
    assertThat(siteAlone.err()).contains("--site applies with --solr");
  }

  @Test
  void noSolrAtTheAddressIsOneLineThatNamesIt() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    for (List<String> args :
        List.of(
            List.of("search", "nixos"), List.of("stats"), List.of("index", "examples/devlog"))) {
      List<String> withSolr = new java.util.ArrayList<>(args);
      withSolr.addAll(List.of("--solr", "http://127.0.0.1:" + port + "/solr/blog"));
      CliRun run = CliRun.of(withSolr.toArray(String[]::new));
      assertThat(run.exitCode()).as(args.toString()).isEqualTo(1);
      assertThat(run.err())
          .startsWith("archive: no Solr answers at http://127.0.0.1:" + port + "/solr/ (")
          .hasLineCount(1);
    }
  }
}
