package archive.solrcluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.impl.HttpClientUtil;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;
import org.apache.solr.security.Sha256AuthenticationProvider;
import org.apache.solr.util.SSLTestConfig;

/**
 * A SolrCloud of a few nodes on 127.0.0.1 with an embedded ZooKeeper, for trying archive's Solr
 * back end and for its integration tests.
 *
 * <pre>
 *   ./archive solr local [--nodes N] [--dir FOLDER] [--auth] [--tls]
 * </pre>
 *
 * <p>With {@code --tls}, the nodes answer on https only, with the certificate of Solr's test
 * framework (for 127.0.0.1 and localhost), and a trust store holding it is written to the data
 * folder: its path is printed as {@code truststore PATH} (password {@code secret}), for archive's
 * JVM to trust ({@code -Djavax.net.ssl.trustStore}).
 *
 * <p>With {@code --auth}, Solr asks every request for basic authentication: the user and password
 * come from {@code ARCHIVE_SOLR_USER} and {@code ARCHIVE_SOLR_PASSWORD}, which archive reads too.
 *
 * <p>Prints one line per node, {@code node 1 http://127.0.0.1:PORT/solr}, then {@code ready}. Reads
 * commands from standard input, one per line: {@code stop N} and {@code start N} stop and restart a
 * node, on the same port (answering {@code stopped N} or {@code started N URL}); {@code quit}, or the end of the input,
 * shuts the cluster down, and removes its data unless {@code --dir} named the folder. A test that
 * forks it needs nothing else to drive it.
 */
public final class LocalCluster {

  private LocalCluster() {}

  public static void main(String[] args) throws Exception {
    int nodes = 2;
    Path dir = null;
    boolean auth = false;
    boolean tls = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nodes" -> nodes = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--auth" -> auth = true;
        case "--tls" -> tls = true;
        default -> {
          System.err.println("usage: LocalCluster [--nodes N] [--dir FOLDER] [--auth] [--tls]");
          System.exit(2);
        }
      }
    }
    String security = auth ? securityJson() : null;
    boolean temporary = dir == null;
    if (dir == null) {
      dir = Files.createTempDirectory("solr-cluster");
    }
    System.setProperty("host", "127.0.0.1");
    System.setProperty("solr.log.dir", dir.resolve("logs").toString());
    SSLTestConfig ssl = tls ? secure(dir) : null;
    MiniSolrCloudCluster cluster;
    if (security == null && ssl == null) {
      JettyConfig jetty = JettyConfig.builder().setContext("/solr").stopAtShutdown(true).build();
      cluster = new MiniSolrCloudCluster(nodes, dir, jetty);
    } else {
      MiniSolrCloudCluster.Builder builder =
          new MiniSolrCloudCluster.Builder(nodes, dir)
              .withJettyConfig(
                  jetty -> {
                    jetty.setContext("/solr").stopAtShutdown(true);
                    if (ssl != null) {
                      jetty.withSSLConfig(ssl.buildServerSSLConfig());
                    }
                  });
      if (security != null) {
        builder.withSecurityJson(security);
      }
      cluster = builder.build();
    }
    Path data = dir;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> shutDown(cluster, temporary ? data : null)));
    // Our own list: the cluster's drops a node while it is stopped, and node numbers must not move.
    List<JettySolrRunner> runners = List.copyOf(cluster.getJettySolrRunners());
    for (int i = 0; i < runners.size(); i++) {
      System.out.println("node " + (i + 1) + " " + runners.get(i).getBaseUrl());
    }
    System.out.println("zookeeper " + cluster.getZkServer().getZkAddress());
    System.out.println("ready");
    System.out.flush();
    System.err.println("Ctrl-C or 'quit' stops it; 'stop N' and 'start N' stop and restart node N.");
    int status = 0;
    try {
      commands(cluster, runners);
    } catch (Throwable e) { // even an error must not leave the nodes running without a main thread
      System.err.println("stopping: " + e);
      status = 1;
    }
    System.exit(status); // the shutdown hook stops the nodes and ZooKeeper
  }

  /**
   * Solr's security settings for one user, from the environment, who may do anything: basic
   * authentication for every request, the password stored as Solr stores it (salted SHA-256).
   */
  private static String securityJson() {
    String user = System.getenv("ARCHIVE_SOLR_USER");
    String password = System.getenv("ARCHIVE_SOLR_PASSWORD");
    if (user == null || password == null || !user.matches("[A-Za-z0-9._-]+")) {
      System.err.println(
          "--auth takes the user (letters, digits, '.', '_', '-') and the password from"
              + " ARCHIVE_SOLR_USER and ARCHIVE_SOLR_PASSWORD");
      System.exit(2);
    }
    String hashed = Sha256AuthenticationProvider.getSaltedHashedValue(password);
    return "{\"authentication\": {\"class\": \"solr.BasicAuthPlugin\", \"blockUnknown\": true,"
        + " \"credentials\": {\"" + user + "\": \"" + hashed + "\"}},"
        + " \"authorization\": {\"class\": \"solr.RuleBasedAuthorizationPlugin\","
        + " \"permissions\": [{\"name\": \"all\", \"role\": \"admin\"}],"
        + " \"user-role\": {\"" + user + "\": \"admin\"}}}";
  }

  /**
   * Makes the nodes, and their requests to each other, use https with the test framework's
   * certificate, and writes a trust store holding that certificate for archive's JVM.
   */
  private static SSLTestConfig secure(Path dir) throws Exception {
    SSLTestConfig ssl = new SSLTestConfig(true, false, true); // the certificate of 127.0.0.1
    HttpClientUtil.setSocketFactoryRegistryProvider(ssl.buildClientSocketFactoryRegistryProvider());
    Http2SolrClient.setDefaultSSLConfig(ssl.buildClientSSLConfig());
    System.setProperty("urlScheme", "https");
    System.setProperty("jetty.testMode", "true"); // Solr's Jetty runner reads its SSL config then
    KeyStore keys = ssl.defaultKeyStore();
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    for (String alias : Collections.list(keys.aliases())) {
      trust.setCertificateEntry(alias, keys.getCertificate(alias));
    }
    Files.createDirectories(dir);
    Path file = dir.resolve("truststore.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      trust.store(out, "secret".toCharArray());
    }
    System.out.println("truststore " + file);
    return ssl;
  }

  /** Reads and carries out commands until {@code quit} or the end of the input. */
  private static void commands(MiniSolrCloudCluster cluster, List<JettySolrRunner> runners)
      throws IOException {
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
  }

  /** Stops the nodes and ZooKeeper, and removes the data folder if this run made it. */
  private static void shutDown(MiniSolrCloudCluster cluster, Path temporary) {
    try {
      cluster.shutdown();
    } catch (Exception e) {
      System.err.println("shutting the cluster down failed: " + e);
    }
    if (temporary != null) {
      try (Stream<Path> files = Files.walk(temporary)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        System.err.println("could not remove " + temporary + ": " + e.getMessage());
      }
    }
  }
}
