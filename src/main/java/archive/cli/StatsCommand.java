package archive.cli;

import archive.index.EntryIndexer;
import archive.index.IndexStats;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code archive stats}: what the index holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Show what the index holds: entries, sections, dates, years, tags, size.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:failure, e.g. no index", "2:bad usage"})
final class StatsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    IndexStats stats;
    archive.index.SolrCollection solr = common.solrCollection();
    if (solr == null) {
      stats = IndexStats.read(common.index);
    } else {
      try (archive.search.Searcher searcher = common.searcher()) {
        stats = searcher.stats();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%d entries, %d sections, %d list pages%n",
        stats.entries(),
        stats.sections(),
        stats.lists());
    if (stats.first() != null) {
      out.println("dates:    " + stats.first() + " to " + stats.last());
    }
    StringBuilder years = new StringBuilder();
    stats
        .perYear()
        .forEach((year, count) -> years.append(year).append(": ").append(count).append("  "));
    if (years.length() > 0) {
      out.println("per year: " + years.toString().strip());
    }
    StringBuilder tags = new StringBuilder();
    for (Map.Entry<String, Integer> tag : stats.topTags()) {
      tags.append(tag.getKey()).append(" (").append(tag.getValue()).append(")  ");
    }
    if (tags.length() > 0) {
      out.println("top tags: " + tags.toString().strip());
    }
    if (solr == null) {
      out.printf(Locale.ROOT, "size:     %.1f MB on disk%n", stats.sizeBytes() / 1e6);
    } else {
      out.println(
          "index:    "
              + solr.address()
              + (common.site == null ? " (every site)" : " (site " + common.site + ")"));
    }
    out.println(
        "indexed:  " + (stats.indexedAt() == null ? "unknown" : stats.indexedAt().toString()));
    if (stats.source() != null) {
      out.println("source:   " + source(stats.sourceKind(), stats.source()));
    }
    out.flush();
    return ExitCode.OK;
  }

  /**
   * Where the index came from: {@code folder /home/me/blog} or {@code site https://… (crawled)}.
   */
  private static String source(@Nullable String kind, String source) {
    if (EntryIndexer.SOURCE_SITE.equals(kind)) {
      return "site " + source + " (crawled)";
    }
    return "folder " + source; // indexes written before kinds were recorded were all folders
  }
}
