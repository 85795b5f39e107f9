package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import archive.testing.LocalSolrCloud;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code archive solr init} sets a real SolrCloud up, and says in one line why when it cannot. */
@Timeout(300)
class SolrInitIT {

  @Test
  void initCreatesTheCollectionOnceAndThenSaysItExists() throws Exception {
    URI node = LocalSolrCloud.shared().nodes().get(1);

    CliRun first =
        CliRun.of(
            "solr",
            "init",
            node.toString(),
            "--collection",
            "initblog",
            "--shards",
            "2",
            "--replicas",
            "2");
    CliRun again = CliRun.of("solr", "init", node.toString(), "--collection", "initblog");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .isEqualTo(
            "collection initblog created at "
                + node
                + ": 2 shards of 2 replicas, configset archive"
                + System.lineSeparator());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .startsWith("archive: Solr at " + node + " could not create the collection initblog: ")
        .contains("initblog")
        .hasLineCount(1);
  }

  @Test
  void noSolrAtTheAddressIsOneLineThatNamesIt() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    CliRun run = CliRun.of("solr", "init", "http://127.0.0.1:" + port + "/solr/");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "archive: no Solr answers at http://127.0.0.1:"
                + port
                + "/solr/ (connection refused); is it running, and is the address right?"
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
