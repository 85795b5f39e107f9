package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import archive.testing.LocalSolrCloud;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code archive solr init} sets a real SolrCloud up, and says in one line why when it cannot. */
@Timeout(300)
class SolrInitIT {

  @TempDir Path dir;

  @Test
  void initCreatesTheCollectionOnceAndThenSaysItExists() throws Exception {
    try (LocalSolrCloud cloud = LocalSolrCloud.start(2, dir)) {
      URI node = cloud.nodes().get(1);

      CliRun first =
          CliRun.of(
              "solr",
              "init",
              node.toString(),
              "--collection",
              "blog",
              "--shards",
              "2",
              "--replicas",
              "2");
      CliRun again = CliRun.of("solr", "init", node.toString(), "--collection", "blog");

      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(first.out())
          .isEqualTo(
              "collection blog created at "
                  + node
                  + ": 2 shards of 2 replicas, configset archive"
                  + System.lineSeparator());
      assertThat(again.exitCode()).isEqualTo(1);
      assertThat(again.err())
          .startsWith("archive: Solr at " + node + " could not create the collection blog: ")
          .contains("blog")
          .hasLineCount(1);
    }
  }

  @Test
  void noSolrAtTheAddressIsOneLineThatNamesIt() {
    CliRun run = CliRun.of("solr", "init", "http://127.0.0.1:9/solr/");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "archive: no Solr answers at http://127.0.0.1:9/solr/ (connection refused);"
                + " is it running, and is the address right?"
                + System.lineSeparator());
  }

  @Test
  void anAddressThatIsNotHttpIsBadUsage() {
    CliRun run = CliRun.of("solr", "init", "localhost:8983");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("give a Solr node's address, such as http://127.0.0.1:8983/solr/");
  }
}
