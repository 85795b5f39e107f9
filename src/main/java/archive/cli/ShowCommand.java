package archive.cli;

import archive.ingest.SiteWalker;
import archive.parse.ParseResult;
import archive.parse.Problem;
import archive.web.EntryJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archive show FILE|URL...}: what the index would hold for each source, read as {@code
 * archive index} reads it, for a person or as JSON Lines. Touches no index.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Show what the index would hold for each FILE (a Markdown entry or an HTML page) or URL"
          + " (a published page): title, dates, tags, language, kind, sections with their anchors,"
          + " and the text; or, for a page the index would leave out, why.",
      "Each is read as 'archive index' reads it. A file's path below --site is its id and gives"
          + " its URL, and can give its date (2021/01/18/) or make it a list page (tags/, page/2/).",
      "A URL is fetched once, as a crawl fetches it: robots.txt first, which may forbid it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every argument shown (pages the index would leave out included)",
      "1:an argument could not be read (a line on stderr says why); the others were shown",
      "2:bad usage, e.g. --site is not a folder"
    })
final class ShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StackTraceOption stackTrace;
  @Mixin ParsingOptions parsing;
  @Mixin ColorOption color;

  @Parameters(
      paramLabel = "FILE|URL",
      arity = "1..*",
      description = "Entries to show: files (.md, .markdown, .html, .htm) or http(s) addresses.")
  List<String> sources = List.of();

  @Option(
      names = "--site",
      paramLabel = "DIR",
      description =
          "The folder the files would be indexed under, as in 'archive index DIR' (default: the"
              + " current folder for a file inside it, else the file's own folder).")
  @Nullable Path site;

  @Option(
      names = "--json",
      description = "Print JSON Lines: one object a line for each argument, in order.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    ArgumentReader reader =
        new ArgumentReader(
            parsing.forFiles(), parsing.forPages(), site == null ? null : SiteWalker.root(site));
    EntryPrinter printer = new EntryPrinter(spec.commandLine().getOut(), color.ansi());
    int failed = 0;
    for (String source : sources) {
      if (!show(reader.read(source), printer)) {
        failed++;
      }
    }
    return failed == 0 ? ExitCode.OK : ExitCode.SOFTWARE;
  }

  /**
   * Prints what reading one argument gave, its warnings and any error on stderr, and flushes both,
   * so that a long run shows each as it comes.
   *
   * @return false when the argument could not be read
   */
  private boolean show(Reading reading, EntryPrinter printer) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Problem problem : reading.problems()) {
      err.println(IndexCommand.printable(ArchiveCommand.SAYS + "warning  " + problem));
    }
    ParseResult result = reading.result();
    String error = reading.error();
    if (error != null) {
      say(err, error, reading.cause());
    }
    if (json) {
      out.println(
          result == null
              ? EntryJson.failed(reading.source(), String.valueOf(error))
              : EntryJson.parsed(reading.source(), result));
    } else if (result != null) {
      printer.print(reading.source(), result);
    }
    out.flush();
    err.flush();
    return error == null;
  }

  /** One line on stderr; the stack trace too when {@code --stacktrace} asks for it. */
  private void say(PrintWriter err, String error, @Nullable Throwable cause) {
    err.println(IndexCommand.printable(ArchiveCommand.SAYS + error));
    if (cause != null && stackTrace.stacktrace) {
      cause.printStackTrace(err);
    }
  }
}
