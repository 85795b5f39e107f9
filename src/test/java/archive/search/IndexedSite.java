package archive.search;

import archive.index.EntryIndexer;
import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import java.io.IOException;
import java.nio.file.Path;

/** A test's site folder indexed as `archive index` would, then searched as `archive search`. */
final class IndexedSite {

  private IndexedSite() {}

  /** Indexes the site's files into the index folder, incrementally. */
  static void index(Path site, Path indexDir) throws IOException {
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      indexer.index(
          SiteWalker.walk(site), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
  }

  /** Indexes the site's files into the index folder (incrementally), then runs the query. */
  static SearchResult search(Path site, Path indexDir, String query) throws IOException {
    index(site, indexDir);
    try (Searcher searcher = Searcher.open(indexDir)) {
      return searcher.search(SearchRequest.of(query));
    }
  }
}
