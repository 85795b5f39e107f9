package archive.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every subcommand that uses the index takes. */
final class CommonOptions {

  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "${env:ARCHIVE_INDEX:-index}",
      description = "Index folder (default: $ARCHIVE_INDEX, else ./index; now ${DEFAULT-VALUE}).")
  Path index = Path.of("index");

  @Option(
      names = "--solr",
      paramLabel = "URL",
      defaultValue = "${env:ARCHIVE_SOLR}",
      description = {
        "Keep the index in a SolrCloud collection instead of --index: a node's address and the",
        "collection, e.g. http://127.0.0.1:8983/solr/blog; several nodes comma-separated",
        "(default: $ARCHIVE_SOLR). Credentials from $ARCHIVE_SOLR_USER and",
        "$ARCHIVE_SOLR_PASSWORD, or $ARCHIVE_SOLR_CREDENTIALS, a file holding user:password."
      })
  @Nullable String solr;

  @Option(
      names = "--site",
      paramLabel = "NAME",
      description = {
        "With --solr, where several blogs share a collection: the blog's name. 'index' files",
        "entries under it (default: the folder's name or the blog's host); the other",
        "commands show only its entries (default: every blog's)."
      })
  @Nullable String site;

  @Mixin StackTraceOption stackTrace = new StackTraceOption();

  /** The index to search: the folder's, or with {@code --solr}, the collection's. */
  archive.search.Searcher searcher() throws java.io.IOException {
    archive.index.SolrCollection collection = solrCollection();
    return collection == null
        ? archive.search.Searcher.open(index)
        : archive.search.Searcher.open(collection, site);
  }

  /** The collection {@code --solr} names, or null for the index folder. */
  archive.index.@Nullable SolrCollection solrCollection() {
    if (solr == null || solr.isBlank()) {
      if (site != null) {
        throw new UsageError("--site applies with --solr, to a collection several blogs share");
      }
      return null;
    }
    if (site != null && !site.matches(archive.index.SolrFields.SITE_PATTERN)) {
      throw new UsageError(
          "--site takes letters, digits, '.', '_' and '-', up to 100 (not " + site + ")");
    }
    return SolrOptions.collection(solr);
  }

  /** Whether a SITE argument is a live site's address (to crawl) rather than a folder. */
  static boolean isAddress(String site) {
    String lower = site.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /** The value of a {@code --base-url} option, or null when it was not given. */
  static @Nullable URI baseUrl(@Nullable String value) {
    return url("--base-url", "https://blog.example.org/", value);
  }

  /** The value of an option that takes a URL, or null when not given. */
  static @Nullable URI url(String option, String example, @Nullable String value) {
    try {
      return value == null ? null : URI.create(value.strip());
    } catch (IllegalArgumentException e) {
      throw new UsageError(option + " is not a URL (e.g. " + example + "): " + value);
    }
  }
}
