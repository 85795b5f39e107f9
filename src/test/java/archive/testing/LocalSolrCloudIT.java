package archive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SolrCloud the Solr back end's tests run against is real: two nodes, one ZooKeeper. */
@Timeout(300)
class LocalSolrCloudIT {

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private int liveNodes(URI node) throws IOException, InterruptedException {
    JsonObject status =
        LocalSolrCloud.json(node.resolve("admin/collections?action=CLUSTERSTATUS&wt=json"));
    return status.getAsJsonObject("cluster").getAsJsonArray("live_nodes").size();
  }

  @Test
  void twoNodesAnswerAndOneGoesOnWhenTheOtherStops() throws Exception {
    try (LocalSolrCloud cloud = LocalSolrCloud.start(2, dir)) {
      assertThat(cloud.nodes())
          .hasSize(2)
          .allSatisfy(n -> assertThat(n.getHost()).isEqualTo("127.0.0.1"));
      for (URI node : cloud.nodes()) {
        JsonObject system = LocalSolrCloud.json(node.resolve("admin/info/system?wt=json"));
        assertThat(system.getAsJsonObject("lucene").get("lucene-spec-version").getAsString())
            .isEqualTo("9.12.3"); // the Lucene the embedded index is written with
        assertThat(liveNodes(node)).isEqualTo(2);
      }

      cloud.stop(2);

      assertThat(liveNodes(cloud.nodes().get(0))).isEqualTo(1);
      try {
        http.send(
            HttpRequest.newBuilder(cloud.nodes().get(1).resolve("admin/info/system")).build(),
            HttpResponse.BodyHandlers.discarding());
        throw new AssertionError("a stopped node answered");
      } catch (ConnectException expected) {
        // nothing listens there any more
      }

      cloud.restart(2);

      assertThat(liveNodes(cloud.nodes().get(0))).isEqualTo(2);
    }
  }
}
