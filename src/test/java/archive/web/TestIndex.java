package archive.web;

import archive.index.EntryIndexer;
import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import java.io.IOException;
import java.nio.file.Path;

/** Indexes a folder as {@code archive index} does, for the web tests to serve. */
final class TestIndex {

  private TestIndex() {}

  /** Indexes {@code folder} into {@code indexDir} with the default options. */
  static void build(Path folder, Path indexDir) throws IOException {
    build(folder, indexDir, ParseOptions.DEFAULTS);
  }

  /** Indexes {@code folder} into {@code indexDir} with {@code options}. */
  static void build(Path folder, Path indexDir, ParseOptions options) throws IOException {
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      indexer.index(SiteWalker.walk(folder), options, false, EntryIndexer.Progress.NONE);
    }
  }
}
