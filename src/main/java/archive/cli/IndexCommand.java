package archive.cli;

import archive.index.EntryIndexer;
import archive.index.IndexReport;
import archive.ingest.SiteScan;
import archive.ingest.SiteWalker;
import archive.ingest.Skip;
import archive.parse.ParseOptions;
import archive.parse.Problem;
import archive.parse.UrlStyle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive index SITE}: indexes a blog folder, incrementally. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index every entry (Markdown and HTML) under SITE.",
      "Incremental: unchanged files are skipped, changed ones replaced, removed ones deleted."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:indexed (some files may have been skipped)",
      "1:no entries found, or the index failed",
      "2:bad usage, e.g. SITE is not a folder"
    })
final class IndexCommand implements Callable<Integer> {

  /** Warnings listed in full; the rest are counted. */
  private static final int SHOWN_WARNINGS = 20;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "SITE", description = "The folder that holds the blog's entries.")
  String site;

  @Option(names = "--full", description = "Rebuild: re-read and rewrite every entry.")
  boolean full;

  @Option(names = "--drafts", description = "Include entries marked draft: true.")
  boolean drafts;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Public address of the blog, e.g. https://blog.example.org/ (default: none,"
              + " links stay site-relative).")
  @Nullable String baseUrl;

  @Option(
      names = "--url-style",
      paramLabel = "STYLE",
      defaultValue = "html",
      description =
          "How a.md is published: html (a.html), pretty (a/) or source (a.md)."
              + " Default: ${DEFAULT-VALUE}.")
  String urlStyle;

  @Override
  public Integer call() throws Exception {
    ParseOptions options = options();
    if (site.startsWith("http://") || site.startsWith("https://")) {
      throw new IllegalArgumentException(
          "indexing a live site over HTTP is not supported yet; index the folder your generator"
              + " builds (e.g. ./public) instead");
    }
    SiteScan scan = SiteWalker.walk(Path.of(site));
    PrintWriter out = spec.commandLine().getOut();
    IndexReport report;
    try (EntryIndexer indexer = EntryIndexer.open(common.index);
        ProgressBar bar = ProgressBar.forStderr(spec.commandLine().getErr())) {
      report = indexer.index(scan, options, full, bar);
    }
    print(report, out);
    if (report.nothingIndexed()) {
      spec.commandLine()
          .getErr()
          .println(
              "archive: no entries under "
                  + site
                  + " — give the folder that holds your posts (.md, .markdown, .html, .htm)");
      return ExitCode.SOFTWARE;
    }
    return ExitCode.OK;
  }

  private ParseOptions options() {
    UrlStyle style;
    try {
      style = UrlStyle.valueOf(urlStyle.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--url-style must be html, pretty or source, not '" + urlStyle + "'", e);
    }
    return new ParseOptions(CommonOptions.baseUrl(baseUrl), style, drafts);
  }

  private void print(IndexReport report, PrintWriter out) {
    report.notices().forEach(n -> out.println("note: " + n));
    out.println(report.summary());
    for (Skip skip : report.skipped()) {
      out.println("  skipped  " + skip.path() + " — " + hint(skip.reason()));
    }
    for (Skip failure : report.failed()) {
      out.println("  failed   " + failure.path() + " — " + failure.reason());
    }
    int shown = 0;
    for (Problem warning : report.warnings()) {
      if (shown++ == SHOWN_WARNINGS) {
        out.println("  … and " + (report.warnings().size() - SHOWN_WARNINGS) + " more warnings");
        break;
      }
      out.println("  warning  " + warning);
    }
    out.printf(
        Locale.ROOT,
        "done in %.1f s → %s%n",
        report.elapsed().toMillis() / 1000.0,
        common.index.toAbsolutePath().normalize());
    out.flush();
  }

  private static String hint(String reason) {
    return reason.equals("draft") ? "draft (index it with --drafts)" : reason;
  }
}
