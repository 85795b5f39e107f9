package archive.cli;

import archive.search.SearchRequest;
import archive.search.SearchResult;
import archive.search.Searcher;
import archive.search.SortOrder;
import archive.web.SearchJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code archive search QUERY...}: answers from the terminal. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Search the index. All words must match; when nothing matches them all, any word does.",
      "",
      "Syntax (Lucene's): \"exact phrase\"  \"near words\"~3  -exclude  this OR that  (a OR b) c",
      "        prefix*  close~  word^2  title:word  heading:  body:  tag:name  year:2021",
      "        date:[2020-01 TO 2021-06]  after:2021-01-01 (on or after)  before:2021-06 (before)",
      "Close spellings are tried when a query finds little; \"did you mean\" is offered."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:searched (even with no results)", "1:failure, e.g. no index", "2:bad usage"})
final class SearchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "What to look for.")
  List<String> words;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "Results per page, 1..100 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--page",
      paramLabel = "N",
      defaultValue = "1",
      description = "Page of results (default: ${DEFAULT-VALUE}).")
  int page;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      defaultValue = "relevance",
      converter = SortWord.class,
      description = "relevance, date (oldest first) or -date (newest first).")
  SortOrder sort;

  @Option(names = "--json", description = "Print JSON (a stable shape other tools rely on).")
  boolean json;

  @Option(names = "--lists", description = "Include list pages (archives, tag pages).")
  boolean lists;

  @Mixin ColorOption color;

  /** Reads {@code --sort}'s word; a word that names no order is a usage error naming them. */
  static final class SortWord implements ITypeConverter<SortOrder> {
    @Override
    public SortOrder convert(String word) {
      return SortOrder.of(word)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "expected " + SortOrder.WORDS + ", not '" + word + "'"));
    }
  }

  @Override
  public Integer call() throws Exception {
    SearchRequest request =
        UsageError.checking(
            () -> new SearchRequest(String.join(" ", words), page, limit, sort, lists));
    SearchResult result;
    try (Searcher searcher = common.searcher()) {
      result = searcher.search(request);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(SearchJson.toJson(result));
    } else {
      new ResultPrinter(out, color.ansi()).print(result, limit);
    }
    out.flush();
    return ExitCode.OK;
  }
}
