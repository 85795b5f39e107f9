package archive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real SolrCloud on 127.0.0.1 with an embedded ZooKeeper, in a JVM of its own: the launcher in
 * {@code src/solr-cluster}, built by the build before the integration tests (Solr's Jetty 10 must
 * not meet Spark's Jetty 9.4 in the tests' JVM). Stops the cluster when closed.
 */
public final class LocalSolrCloud implements AutoCloseable {

  private static final long START_SECONDS = 120;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
  private final List<URI> nodes;
  private final @org.jspecify.annotations.Nullable Path trustStore;
  private final StringBuilder log = new StringBuilder();

  private LocalSolrCloud(Process process) throws IOException, InterruptedException {
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.put(line);
                }
              } catch (IOException | InterruptedException e) {
                // the process ended
              }
            },
            "solr-cluster-output");
    reader.setDaemon(true);
    reader.start();
    List<URI> found = new ArrayList<>();
    Path trust = null;
    for (String line = next(START_SECONDS); !line.equals("ready"); line = next(START_SECONDS)) {
      if (line.startsWith("node ")) {
        found.add(URI.create(line.split(" ")[2] + "/"));
      } else if (line.startsWith("truststore ")) {
        trust = Path.of(line.substring("truststore ".length()));
      }
    }
    this.nodes = List.copyOf(found);
    this.trustStore = trust;
  }

  /** Starts a cluster of some nodes; throws, with the launcher's output, if it does not start. */
  public static LocalSolrCloud start(int nodes, Path dir) throws IOException, InterruptedException {
    return startWith(launcher(nodes, dir), java.util.Map.of());
  }

  /**
   * Starts a cluster that answers on https only and asks every request for this user's basic
   * authentication (which the launcher reads from the environment, as archive does); {@link
   * #trustStore()} holds its certificate.
   */
  public static LocalSolrCloud startSecured(int nodes, Path dir, String user, String password)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(launcher(nodes, dir));
    command.add("--auth");
    command.add("--tls");
    return startWith(
        command, java.util.Map.of("ARCHIVE_SOLR_USER", user, "ARCHIVE_SOLR_PASSWORD", password));
  }

  private static List<String> launcher(int nodes, Path dir) throws IOException {
    Path built = Path.of(System.getProperty("archive.solrCluster", "src/solr-cluster/target"));
    Path classpath = built.resolve("classpath.txt");
    if (!Files.isRegularFile(classpath)) {
      throw new IllegalStateException(
          "no local SolrCloud launcher at "
              + built
              + ": build it with ./mvnw -f src/solr-cluster/pom.xml package (./mvnw verify does)");
    }
    String cp =
        Files.readString(classpath).strip()
            + java.io.File.pathSeparator
            + built.resolve("solr-cluster.jar");
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-cp",
        cp,
        "archive.solrcluster.LocalCluster",
        "--nodes",
        String.valueOf(nodes),
        "--dir",
        dir.toString());
  }

  private static LocalSolrCloud shared;

  /**
   * One two-node cluster for the test classes of this JVM that leave its nodes running, started the
   * first time it is asked for and stopped when the JVM ends: each cluster costs seconds to start.
   * Each class uses collections of its own. A test that stops nodes starts its own.
   */
  public static synchronized LocalSolrCloud shared() throws IOException, InterruptedException {
    if (shared == null) {
      Path dir = Files.createTempDirectory("solr-shared");
      LocalSolrCloud cloud = start(2, dir);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      cloud.close();
                      try (var files = Files.walk(dir)) {
                        files
                            .sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                      }
                    } catch (IOException e) {
                      // a temporary folder left behind
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  },
                  "solr-shared-stop"));
      shared = cloud;
    }
    return shared;
  }

  /** Starts a cluster with a command that runs the launcher, such as {@code archive solr local}. */
  public static LocalSolrCloud startWith(List<String> command)
      throws IOException, InterruptedException {
    return startWith(command, java.util.Map.of());
  }

  private static LocalSolrCloud startWith(List<String> command, java.util.Map<String, String> env)
      throws IOException, InterruptedException {
    Path err = Files.createTempFile("solr-cluster", ".log");
    err.toFile().deleteOnExit();
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    try {
      return new LocalSolrCloud(process);
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "the local SolrCloud did not start: " + e.getMessage() + "\n" + tail(err), e);
    }
  }

  /** The launcher's exit status once it has stopped (after {@link #close()}). */
  public int exitValue() {
    return process.exitValue();
  }

  private static String tail(Path file) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** The launcher's next line of its own; Solr's logging may write to the same output. */
  private String next(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new IllegalStateException(
            "no answer from the local SolrCloud in " + seconds + " s; it said:\n" + log);
      }
      log.append(line).append('\n');
      if (line.matches(
          "(node|zookeeper|truststore|stopped|started|failed:|unknown command:) .*|ready")) {
        return line;
      }
    }
  }

  /**
   * The JSON a node answers a GET with; fails the test, with the answer, unless it is a 200. Solr's
   * admin calls are what the tests ask this cluster, so they share one client.
   */
  public static JsonObject json(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  /**
   * Uploads archive's configset and creates a collection of two shards of two replicas, one of each
   * shard on each node of a two-node cluster; its address names every node.
   */
  public archive.index.SolrCollection createCollection(String name) throws IOException {
    archive.index.SolrAdmin admin = new archive.index.SolrAdmin(nodes.get(0), null);
    admin.uploadConfigset();
    admin.createCollection(name, 2, 2);
    return new archive.index.SolrCollection(nodes, name, null);
  }

  /** A trust store (PKCS 12, password {@code secret}) of a cluster on https; null on http. */
  public @org.jspecify.annotations.Nullable Path trustStore() {
    return trustStore;
  }

  /** Each node's base address, {@code http://127.0.0.1:PORT/solr/}. */
  public List<URI> nodes() {
    return nodes;
  }

  /** Stops node n (from 1), waiting until it has stopped. */
  public void stop(int n) throws IOException, InterruptedException {
    command("stop " + n, "stopped " + n);
  }

  /** Starts node n (from 1) again, on the same port. */
  public void restart(int n) throws IOException, InterruptedException {
    command("start " + n, "started " + n);
  }

  private void command(String command, String expected) throws IOException, InterruptedException {
    commands.write(command + "\n");
    commands.flush();
    String answer = next(START_SECONDS);
    if (!answer.startsWith(expected)) {
      throw new IllegalStateException(command + ": " + answer);
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      commands.write("quit\n");
      commands.close();
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
