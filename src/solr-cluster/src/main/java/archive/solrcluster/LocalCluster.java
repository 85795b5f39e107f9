package archive.solrcluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A SolrCloud of a few nodes on 127.0.0.1 with an embedded ZooKeeper, for trying archive's Solr
 * back end and for its integration tests.
 *
 * <pre>
 *   java -cp "$(cat target/classpath.txt):target/solr-cluster.jar" archive.solrcluster.LocalCluster [--nodes N] [--dir FOLDER]
 * </pre>
 *
 * <p>Prints one line per node, {@code node 1 http://127.0.0.1:PORT/solr}, then {@code ready}. Reads
 * commands from standard input, one per line: {@code stop N} and {@code start N} stop and restart a
 * node, on the same port (answering {@code stopped N} or {@code started N URL}); {@code quit}, or the end of the input,
 * shuts the cluster down. A test that forks it needs nothing else to drive it.
 */
public final class LocalCluster {

  private LocalCluster() {}

  public static void main(String[] args) throws Exception {
    int nodes = 2;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nodes" -> nodes = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        default -> {
          System.err.println("usage: LocalCluster [--nodes N] [--dir FOLDER]");
          System.exit(2);
        }
      }
    }
    if (dir == null) {
      dir = Files.createTempDirectory("solr-cluster");
    }
    System.setProperty("host", "127.0.0.1");
    System.setProperty("solr.log.dir", dir.resolve("logs").toString());
    JettyConfig jetty = JettyConfig.builder().setContext("/solr").stopAtShutdown(true).build();
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster(nodes, dir, jetty);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(cluster)));
    // Our own list: the cluster's drops a node while it is stopped, and node numbers must not move.
    List<JettySolrRunner> runners = List.copyOf(cluster.getJettySolrRunners());
    for (int i = 0; i < runners.size(); i++) {
      System.out.println("node " + (i + 1) + " " + runners.get(i).getBaseUrl());
    }
    System.out.println("zookeeper " + cluster.getZkServer().getZkAddress());
    System.out.println("ready");
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.strip().split("\\s+");
      try {
        if (words[0].equals("quit")) {
          break;
        } else if (words.length == 2 && words[0].equals("stop")) {
          int n = Integer.parseInt(words[1]);
          JettySolrRunner runner = runners.get(n - 1);
          cluster.stopJettySolrRunner(runner);
          cluster.waitForJettyToStop(runner);
          System.out.println("stopped " + n);
        } else if (words.length == 2 && words[0].equals("start")) {
          int n = Integer.parseInt(words[1]);
          JettySolrRunner runner = cluster.startJettySolrRunner(runners.get(n - 1), true);
          cluster.waitForNode(runner, 60);
          System.out.println("started " + n + " " + runner.getBaseUrl());
        } else {
          System.out.println("unknown command: " + line);
        }
      } catch (Exception e) {
        System.out.println("failed: " + e);
      }
      System.out.flush();
    }
    System.exit(0); // the shutdown hook stops the nodes and ZooKeeper
  }

  private static void shutDown(MiniSolrCloudCluster cluster) {
    try {
      cluster.shutdown();
    } catch (Exception e) {
      System.err.println("shutting the cluster down failed: " + e);
    }
  }
}
