package archive.search;

import archive.index.Fields;
import archive.index.IndexFolder;
import archive.index.IndexStats;
import archive.index.IndexUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.jspecify.annotations.Nullable;

/**
 * Answers searches over the embedded index in a folder. Thread-safe; {@link #refresh()} picks up
 * what a later {@code archive index} committed, without failing searches in flight.
 *
 * <p>Queries are in Lucene's classic syntax with the blog's qualifiers (see {@link
 * BlogQueryParser}): words (all must match; when none match together, any word), {@code "exact
 * phrase"}, {@code -word}, {@code a OR b}, {@code prefix*}, {@code word~}, {@code title:word},
 * {@code tag:name}, {@code year:2021}, {@code date:[2020-01 TO 2021-06]}, {@code after:2021-01-01}
 * (on or after), {@code before:2021-06} (strictly before).
 */
final class LocalSearcher implements Searcher {

  private final Path indexDir;
  private final Directory directory;
  private final SearcherManager manager;
  private @Nullable StatsOf stats; // guarded by this

  /** Statistics and the reader version they describe. */
  private record StatsOf(long version, IndexStats stats) {}

  private LocalSearcher(Path indexDir, Directory directory, SearcherManager manager) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.manager = manager;
  }

  /**
   * Opens the index in a folder for reading.
   *
   * @throws IndexUnavailableException when there is no index there
   */
  static LocalSearcher open(Path indexDir) throws IOException {
    Directory directory = IndexFolder.openExisting(indexDir);
    try {
      return new LocalSearcher(
          indexDir, directory, new SearcherManager(directory, new SearcherFactory()));
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    IndexSearcher searcher = manager.acquire();
    try {
      return new SearchRun(new LocalEngine(searcher), request).run();
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public List<Listing> listings(@Nullable Integer year, @Nullable String tag, int max)
      throws IOException {
    if (max < 1 || max > MAX_LISTING) {
      throw new IllegalArgumentException("max not in 1.." + MAX_LISTING + ": " + max);
    }
    IndexSearcher searcher = manager.acquire();
    try {
      return Listings.list(searcher, year, tag, max);
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public Optional<StoredEntry> entryAt(String url) throws IOException {
    Objects.requireNonNull(url, "url");
    return withSearcher(s -> Optional.ofNullable(new EntryLookup(s).byUrl(url)));
  }

  @Override
  public Neighbours neighbours(String url) throws IOException {
    Objects.requireNonNull(url, "url");
    return withSearcher(s -> new EntryLookup(s).neighbours(url));
  }

  @Override
  public List<Listing> related(String url, int max) throws IOException {
    Objects.requireNonNull(url, "url");
    if (max < 1 || max > MAX_RELATED) {
      throw new IllegalArgumentException("max not in 1.." + MAX_RELATED + ": " + max);
    }
    return withSearcher(s -> new EntryLookup(s).related(url, max));
  }

  @Override
  public Optional<IndexSource> source() throws IOException {
    return withSearcher(
        s ->
            Optional.ofNullable(
                EntryLookup.source(
                    ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData())));
  }

  /** A read of the index that may fail. */
  private interface Read<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(Read<T> read) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return read.apply(searcher);
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public List<Facets.TagCount> tags() throws IOException {
    return withSearcher(
        s -> {
          FacetCollector counts = new FacetCollector(Fields.YEAR, Fields.TAG);
          s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_ENTRY)), counts);
          return Facets.mostUsedFirst(counts.tags().entrySet());
        });
  }

  @Override
  public Map<Integer, int[]> calendar() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return Listings.calendar(searcher);
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public List<Suggestion> suggest(String prefixText, int limit) throws IOException {
    Objects.requireNonNull(prefixText, "prefixText");
    if (limit < 1 || limit > MAX_SUGGESTIONS) {
      throw new IllegalArgumentException("limit not in 1.." + MAX_SUGGESTIONS + ": " + limit);
    }
    IndexSearcher searcher = manager.acquire();
    try {
      return new Suggester(searcher).suggest(prefixText, limit);
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public synchronized IndexStats stats() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      if (stats == null || stats.version() != reader.getVersion()) {
        stats = new StatsOf(reader.getVersion(), IndexStats.read(reader, indexDir));
      }
      return stats.stats();
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public boolean refresh() throws IOException {
    return manager.maybeRefresh();
  }

  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }
}
