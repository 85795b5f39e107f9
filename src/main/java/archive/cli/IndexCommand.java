package archive.cli;

import archive.index.EntryIndexer;
import archive.index.IndexReport;
import archive.index.SolrCollection;
import archive.ingest.SiteCrawl;
import archive.ingest.SiteScan;
import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import archive.parse.ParseResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive index SITE}: indexes a blog folder, or crawls a published blog, incrementally. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Index every entry (Markdown and HTML) under SITE, a folder, or crawl SITE, the address of"
          + " a published blog (http:// or https://).",
      "Incremental: unchanged files are skipped, changed ones replaced, removed ones deleted. A"
          + " crawl asks the server whether each page changed and downloads only those that did.",
      "A crawl reads robots.txt, the sitemaps and feeds, then follows links on the same host;"
          + " it sends at most --rate requests per second, over one connection."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:indexed (some files or pages may have been skipped or failed)",
      "1:no entries found, the site did not answer, or the index failed",
      "2:bad usage, e.g. SITE is neither a folder nor an http(s) address"
    })
final class IndexCommand implements Callable<Integer> {

  /** Skipped files, failures and warnings listed each; the rest are counted. */
  private static final int SHOWN_LINES = 20;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(
      paramLabel = "SITE",
      description =
          "The folder that holds the blog's entries, or the blog's address to crawl"
              + " (https://blog.example.org/).")
  String site;

  @Option(
      names = "--full",
      description =
          "Rebuild: re-read and rewrite every entry (for a crawl, download every page again).")
  boolean full;

  @Option(
      names = "--verbose",
      description = "List every skipped file and warning (default: the first 20 of each).")
  boolean verbose;

  @Option(
      names = "--allow-mass-delete",
      description = {
        "Let this run remove more than half of the entries, or all of them. Without it such",
        "a run (an emptied, moved or unmounted folder; a site that lost its pages) keeps",
        "the index as it was."
      })
  boolean allowMassDelete;

  @Mixin ParsingOptions parsing;

  @Option(
      names = "--also-host",
      paramLabel = "HOST",
      description =
          "Crawl only: another host name of the same blog, whose links are followed too"
              + " (e.g. www.example.org). Repeatable.")
  List<String> alsoHosts = new ArrayList<>();

  @Option(
      names = "--rate",
      paramLabel = "N",
      description =
          "Crawl only: at most N requests per second to the blog (default: 2; 0 for no limit,"
              + " for your own server). A longer Crawl-delay in robots.txt wins, up to 10 s.")
  @Nullable Double rate;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description =
          "Crawl only: how long one page may take to arrive before it counts as failed"
              + " (default: 30).")
  @Nullable Double timeout;

  /** How long the walk of the folder took: "done in" counts it, as the reader waits for it too. */
  private Duration walked = Duration.ZERO;

  /** Where the run wrote, as the summary names it. */
  private String target = "";

  @Override
  public Integer call() throws Exception {
    if (CommonOptions.isAddress(site)) {
      return crawl();
    }
    if (!alsoHosts.isEmpty() || rate != null || timeout != null) {
      throw new UsageError(
          "--also-host, --rate and --timeout apply to crawling an http(s) address, not to the"
              + " folder "
              + site);
    }
    ParseOptions options = parsing.forFiles();
    Path folder = Path.of(site);
    if (!Files.exists(folder) && site.matches("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+(:\\d+)?(/.*)?")) {
      throw new UsageError(
          "no folder named " + site + "; to crawl a blog, give its address: https://" + site);
    }
    long walkStart = System.nanoTime();
    SiteScan scan = SiteWalker.walk(folder);
    walked = Duration.ofNanos(System.nanoTime() - walkStart);
    IndexReport report;
    try (EntryIndexer indexer = openIndexer();
        ProgressBar bar = ProgressBar.forStderr(spec.commandLine().getErr(), "files")) {
      report = indexer.index(scan, options, full, bar, allowMassDelete);
    }
    return finish(
        report,
        "no entries under "
            + site
            + " — give the folder that holds your posts (.md, .markdown, .html, .htm)");
  }

  private Integer crawl() throws Exception {
    if (parsing.forFilesGiven()) {
      throw new UsageError(
          "--base-url and --url-style apply to a folder; a crawled page keeps its own address"
              + " (or its rel=canonical one)");
    }
    double seconds = timeout == null ? 30 : timeout;
    if (!(seconds > 0) || seconds > 3600) {
      throw new UsageError("--timeout must be a number of seconds above 0, at most 3600");
    }
    SiteCrawl crawl =
        UsageError.checking(
            () ->
                new SiteCrawl(
                    site,
                    alsoHosts,
                    rate == null ? 2 : rate,
                    Duration.ofMillis(Math.round(seconds * 1000))));
    ParseOptions options = parsing.forPages();
    IndexReport report;
    try (EntryIndexer indexer = openIndexer();
        ProgressBar bar = ProgressBar.forStderr(spec.commandLine().getErr(), "pages")) {
      report = indexer.crawl(crawl, options, full, bar, allowMassDelete);
    }
    if (report.unreachable()) {
      print(report, spec.commandLine().getOut());
      spec.commandLine()
          .getErr()
          .println(
              ArchiveCommand.SAYS
                  + "could not crawl "
                  + crawl.root()
                  + " (see the note above); check that it opens in a browser. The index was"
                  + " left as it was.");
      return ExitCode.SOFTWARE;
    }
    return finish(
        report,
        "no entries found at "
            + crawl.root()
            + " — check that it opens in a browser; the notes above say what the crawl met");
  }

  /** The index folder's indexer, or with {@code --solr}, the collection's for this site. */
  private EntryIndexer openIndexer() throws IOException {
    SolrCollection solr = common.solrCollection();
    if (solr == null) {
      target = common.index.toAbsolutePath().normalize().toString();
      return EntryIndexer.open(common.index);
    }
    String name = common.site == null ? SolrOptions.siteName(site) : common.site;
    target = solr.address() + " (site " + name + ")";
    return EntryIndexer.open(solr, name);
  }

  /** Prints the report; with nothing indexed, says so on stderr and fails. */
  private Integer finish(IndexReport report, String nothingFound) {
    print(report, spec.commandLine().getOut());
    if (report.nothingIndexed()) {
      spec.commandLine().getErr().println(ArchiveCommand.SAYS + nothingFound);
      return ExitCode.SOFTWARE;
    }
    return ExitCode.OK;
  }

  private void print(IndexReport report, PrintWriter out) {
    report.notices().forEach(n -> out.println("note: " + n));
    out.println(report.summary());
    lines(
        out,
        "skipped",
        report.skipped(),
        s -> "  skipped  " + s.path() + " — " + skipHint(s.reason()));
    lines(out, "failed", report.failed(), f -> "  failed   " + f.path() + " — " + f.reason());
    lines(out, "warnings", report.warnings(), w -> "  warning  " + w);
    out.printf(
        Locale.ROOT,
        "done in %.1f s → %s%n",
        report.elapsed().plus(walked).toMillis() / 1000.0,
        target);
    out.flush();
  }

  /**
   * One line each, the first {@value #SHOWN_LINES} unless {@code --verbose}: a blog with two
   * thousand copies of a page needs a count, not two thousand lines.
   */
  private <T> void lines(PrintWriter out, String what, List<T> items, Function<T, String> line) {
    int shown = 0;
    for (T item : items) {
      if (!verbose && shown++ == SHOWN_LINES) {
        out.println(
            "  … and "
                + (items.size() - SHOWN_LINES)
                + " more "
                + what
                + " (--verbose lists them)");
        return;
      }
      out.println(printable(line.apply(item)));
    }
  }

  /**
   * A line as a terminal should get it. A file name may hold a newline, which split its line in
   * two, or an escape sequence, which the terminal would obey (issue 10, hostile files); each
   * control character is written as an escape instead: {@code \n}, {@code \t}, or its code in hex.
   */
  static String printable(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A skip reason as a person reads it: how to index a draft after all. */
  static String skipHint(String reason) {
    return reason.equals(ParseResult.DRAFT) ? "draft (index it with --drafts)" : reason;
  }
}
