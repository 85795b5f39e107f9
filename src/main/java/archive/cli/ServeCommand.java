package archive.cli;

import archive.index.EntryIndexer;
import archive.index.SolrCollection;
import archive.parse.ParseOptions;
import archive.web.ArchiveServer;
import archive.web.ServerConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archive serve}: the search server with its JSON API. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Serve the index over HTTP: the search page (/), the archive (/archive), feeds,",
      "the JSON API (/api/search, /api/suggest, /api/stats) and the embeddable box (/embed.js).",
      "Binds 127.0.0.1 unless --host says otherwise; Ctrl-C stops it, after letting",
      "requests in flight finish (for up to 10 s)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    // A signal ends the JVM with 128 + its number, whatever call() returns: it never exits 0.
    exitCodeList = {
      "1:could not start, e.g. no index or port in use",
      "2:bad usage",
      "130:stopped by Ctrl-C (SIGINT)",
      "143:stopped by SIGTERM"
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "4567",
      description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--allow-origin",
      paramLabel = "ORIGIN",
      description =
          "A site whose pages may call the API, e.g. https://blog.example.org (repeatable).")
  List<String> origins = new ArrayList<>();

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Public address of the blog, for absolute links in feeds (default: this server).")
  @Nullable String baseUrl;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description = {
        "This server's own public address, e.g. https://search.example.org/, for the absolute",
        "links of /opensearch.xml and /feed.xml (default: relative links; a request's Host",
        "header is never used)."
      })
  @Nullable String publicUrl;

  @Option(
      names = "--watch",
      paramLabel = "SITE",
      description =
          "Index the folder SITE now and again every 2 s while serving (holds the index's lock).")
  @Nullable String watch;

  @Override
  public Integer call() throws Exception {
    @Nullable URI base = CommonOptions.baseUrl(baseUrl);
    @Nullable URI publicAddress =
        CommonOptions.url("--public-url", "https://search.example.org/", publicUrl);
    ServerConfig config =
        UsageError.checking(
            () -> new ServerConfig(host, port, common.index, base, origins, publicAddress));
    if (watch != null && CommonOptions.isAddress(watch)) {
      throw new UsageError(
          "--watch takes a folder; to keep a crawled blog up to date, run 'archive index "
              + watch
              + "' now and then (cron, say) while the server runs");
    }
    PrintWriter err = spec.commandLine().getErr();
    SolrCollection solr = common.solrCollection();
    SiteWatcher watching = null;
    if (watch != null) {
      String siteName = common.site == null ? SolrOptions.siteName(watch) : common.site;
      SiteWatcher.Opener opener =
          solr == null
              ? () -> EntryIndexer.open(common.index)
              : () -> EntryIndexer.open(solr, siteName);
      watching =
          SiteWatcher.start(
              Path.of(watch), opener, ParseOptions.DEFAULTS, spec.commandLine().getOut());
    }
    SiteWatcher watcher = watching;
    ArchiveServer server = ArchiveServer.start(config, common.searcher());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  closeQuietly(server, err);
                  closeQuietly(watcher, err);
                  spec.commandLine().getOut().println(ArchiveCommand.SAYS + "stopped");
                  spec.commandLine().getOut().flush();
                },
                "archive-serve-stop"));
    for (String notice : server.notices()) {
      err.println(ArchiveCommand.SAYS + "note: " + notice);
    }
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
      err.println(ArchiveCommand.SAYS + "listening on " + host + ", reachable from other machines");
    }
    spec.commandLine()
        .getOut()
        .println(
            ArchiveCommand.SAYS
                + "serving "
                + (solr == null ? common.index : solr.address())
                + " at "
                + server.url()
                + " — Ctrl-C stops");
    spec.commandLine().getOut().flush();
    err.flush();
    server.join();
    // Moot: join() returns only during the shutdown a signal began, and that sets the status.
    return ExitCode.OK;
  }

  /**
   * Closes while the JVM goes down, saying in one line what failed. Nothing can be lost: the server
   * only reads the index, and a watcher's re-index is committed whole or not at all.
   */
  private static void closeQuietly(@Nullable AutoCloseable closeable, PrintWriter err) {
    try {
      if (closeable != null) {
        closeable.close();
      }
    } catch (Exception e) {
      err.println(ArchiveCommand.SAYS + "while stopping: " + e);
      err.flush();
    }
  }
}
