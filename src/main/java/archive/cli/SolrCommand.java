package archive.cli;

import archive.index.SolrAdmin;
import archive.index.SolrCollection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive solr}: sets a SolrCloud up to hold archive's index. */
@Command(
    name = "solr",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Set a SolrCloud up to hold the index, for hosts that outgrow one machine.",
    subcommands = {SolrCommand.Init.class, SolrCommand.Local.class, HelpCommand.class})
final class SolrCommand {

  /**
   * {@code archive solr local}: the {@code archive} launcher runs it, starting Solr's own
   * test-framework launcher in a JVM of its own (Solr's Jetty 10 must not meet the server's Jetty
   * 9.4); here it only tells a {@code java -jar} run where to go.
   */
  @Command(
      name = "local",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {
        "Start a SolrCloud on this machine, for trying archive on it: nodes on 127.0.0.1 and an"
            + " embedded ZooKeeper, until Ctrl-C. Through the ./archive launcher only, which"
            + " builds it (the first time, Solr comes from Maven Central) and runs it apart.",
      })
  static final class Local implements Callable<Integer> {

    @Mixin StackTraceOption stackTrace = new StackTraceOption();

    @Option(names = "--nodes", paramLabel = "N", description = "How many nodes (default: 2).")
    int nodes = 2;

    @Option(
        names = "--dir",
        paramLabel = "FOLDER",
        description = "Where the nodes keep their data (default: a temporary folder, removed).")
    String dir = "";

    @Option(
        names = "--auth",
        description =
            "Ask every request for basic authentication, as the user and password in"
                + " $ARCHIVE_SOLR_USER and $ARCHIVE_SOLR_PASSWORD (which archive sends).")
    boolean auth;

    @Option(
        names = "--tls",
        description =
            "Answer on https only, with Solr's test certificate for 127.0.0.1; prints the path of"
                + " a trust store that holds it.")
    boolean tls;

    @Override
    public Integer call() {
      throw new UsageError(
          "'solr local' runs through the archive launcher, which starts Solr in a JVM of its own:"
              + " ./archive solr local");
    }
  }

  /** {@code archive solr init URL}: uploads the configset and creates the collection. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {
        "Upload archive's configset (its schema and analysis, made of Solr's own factories: no jar"
            + " of ours on the nodes) to a SolrCloud and create a collection with it.",
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:ok", "1:failure, e.g. Solr refused or did not answer", "2:bad usage"})
  static final class Init implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin StackTraceOption stackTrace = new StackTraceOption();

    @Parameters(
        index = "0",
        paramLabel = "URL",
        description = "Any node of the SolrCloud, e.g. http://127.0.0.1:8983/solr/")
    String url = "";

    @Option(
        names = "--collection",
        paramLabel = "NAME",
        description = "The collection to create (default: ${DEFAULT-VALUE}).")
    String collection = "blog";

    @Option(
        names = "--shards",
        paramLabel = "N",
        description = "How many shards the index is split into (default: ${DEFAULT-VALUE}).")
    int shards = 1;

    @Option(
        names = "--replicas",
        paramLabel = "M",
        description =
            "How many copies of each shard, on different nodes (default: ${DEFAULT-VALUE}).")
    int replicas = 1;

    @Override
    public Integer call() throws Exception {
      URI node = node(url);
      if (!collection.matches(SolrCollection.NAME_PATTERN)) {
        throw new UsageError(
            "--collection takes letters, digits, '.', '_' and '-' (not first), up to 100: "
                + collection);
      }
      if (shards < 1 || shards > 64 || replicas < 1 || replicas > 16) {
        throw new UsageError("--shards takes 1 to 64 and --replicas 1 to 16");
      }
      SolrAdmin admin = new SolrAdmin(node, SolrOptions.credentials());
      admin.uploadConfigset();
      admin.createCollection(collection, shards, replicas);
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "collection %s created at %s: %d shard%s of %d replica%s, configset %s%n",
              collection,
              node,
              shards,
              shards == 1 ? "" : "s",
              replicas,
              replicas == 1 ? "" : "s",
              SolrAdmin.CONFIGSET);
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }

    /** The node's address, checked: http or https, with a host. */
    static URI node(String url) {
      try {
        URI uri = new URI(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
          return uri;
        }
      } catch (URISyntaxException e) {
        // said below
      }
      throw new UsageError(
          "give a Solr node's address, such as http://127.0.0.1:8983/solr/ (not " + url + ")");
    }
  }
}
