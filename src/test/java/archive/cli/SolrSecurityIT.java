package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import archive.testing.LocalSolrCloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SolrCloud on https that asks every request for basic authentication: archive, in a JVM that
 * trusts the cluster's certificate, sends the credentials the environment or a file gives; without
 * them, with a wrong password, or without trusting the certificate, it says in one line what to
 * set.
 */
@Timeout(300)
class SolrSecurityIT {

  private static final String USER = "archivist";
  private static final String PASSWORD = "correct horse: battery staple";

  @TempDir static Path dir;

  private static LocalSolrCloud cloud;
  private static String node;
  private static List<String> trusting;

  @BeforeAll
  static void start() throws Exception {
    cloud = LocalSolrCloud.startSecured(1, dir.resolve("cloud"), USER, PASSWORD);
    node = cloud.nodes().get(0).toString();
    assertThat(node).startsWith("https://");
    trusting =
        List.of(
            "-Djavax.net.ssl.trustStore=" + Objects.requireNonNull(cloud.trustStore()),
            "-Djavax.net.ssl.trustStorePassword=secret");
    Run init = run(trusting, credentials(), "solr", "init", node, "--collection", "blog");
    assertThat(init.exit()).as(init.err()).isZero();
    Run index = run(trusting, credentials(), "index", "examples/devlog", "--solr", node + "blog");
    assertThat(index.exit()).as(index.err()).isZero();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  private static Map<String, String> credentials() {
    return Map.of(SolrOptions.USER, USER, SolrOptions.PASSWORD, PASSWORD);
  }

  private record Run(int exit, String out, String err) {}

  /** {@code archive ARGS} in a JVM of its own, with options and archive's variables. */
  private static Run run(List<String> options, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder builder = CliRun.childJvm(options, Main.class, args);
    builder.environment().keySet().removeIf(name -> name.startsWith("ARCHIVE_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out, err);
  }

  @Test
  void credentialsFromTheEnvironmentAreSentOverTls() throws Exception {
    Run search = run(trusting, credentials(), "search", "nixos", "--solr", node + "blog");
    assertThat(search.exit()).as(search.err()).isZero();
    assertThat(search.out()).startsWith("3 results for \"nixos\"");
  }

  @Test
  void credentialsFromAFileAreSent() throws Exception {
    Path file = Files.writeString(dir.resolve("solr-credentials"), USER + ":" + PASSWORD + "\n");
    Run stats =
        run(
            trusting,
            Map.of(SolrOptions.CREDENTIALS_FILE, file.toString()),
            "stats",
            "--solr",
            node + "blog");
    assertThat(stats.exit()).as(stats.err()).isZero();
    assertThat(stats.out()).startsWith("30 entries");
  }

  @Test
  void noCredentialsOrAWrongPasswordSaysWhatToSetInOneLine() throws Exception {
    for (Map<String, String> env :
        List.of(
            Map.<String, String>of(),
            Map.of(SolrOptions.USER, USER, SolrOptions.PASSWORD, "wrong"))) {
      Run search = run(trusting, env, "search", "nixos", "--solr", node + "blog");
      assertThat(search.exit()).isEqualTo(1);
      assertThat(search.err())
          .startsWith("archive: Solr at " + node + " refused to ")
          .contains("(HTTP 401)")
          .contains("ARCHIVE_SOLR_USER")
          .doesNotContain("wrong")
          .hasLineCount(1);
    }
  }

  @Test
  void aCertificateTheJvmDoesNotTrustSaysHowToTrustItInOneLine() throws Exception {
    Run search = run(List.of(), credentials(), "search", "nixos", "--solr", node + "blog");
    assertThat(search.exit()).isEqualTo(1);
    assertThat(search.err())
        .startsWith("archive: no secure connection to Solr at " + node + " (")
        .contains("-Djavax.net.ssl.trustStore")
        .hasLineCount(1);
  }
}
