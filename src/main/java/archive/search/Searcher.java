package archive.search;

import archive.index.Fields;
import archive.index.IndexFolder;
import archive.index.IndexStats;
import archive.index.IndexUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
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
 * Answers searches over an index. Thread-safe; {@link #refresh()} picks up what a later {@code
 * archive index} committed, without failing searches in flight.
 *
 * <p>Queries are in Lucene's classic syntax with the blog's qualifiers (see {@link
 * BlogQueryParser}): words (all must match; when none match together, any word), {@code "exact
 * phrase"}, {@code -word}, {@code a OR b}, {@code prefix*}, {@code word~}, {@code title:word},
 * {@code tag:name}, {@code year:2021}, {@code date:[2020-01 TO 2021-06]}, {@code after:2021-01-01}
 * (on or after), {@code before:2021-06} (strictly before).
 */
public final class Searcher implements Closeable {

  /** The longest listing served at once. */
  public static final int MAX_LISTING = 10_000;

  /** The most entries {@link #related} returns. */
  public static final int MAX_RELATED = 20;

  /** The most suggestions {@link #suggest} returns. */
  public static final int MAX_SUGGESTIONS = 8;

  /** The most words and phrases a search uses; the rest are dropped with a note. */
  public static final int MAX_WORDS = BlogQueryParser.MAX_PARTS;

  /**
   * How many words and phrases the query syntax reads in a query, including any beyond {@link
   * #MAX_WORDS}; a caller that would rather refuse such a query than drop words asks this first.
   */
  public static int wordCount(String query) {
    return BlogQueryParser.countParts(query);
  }

  private final Path indexDir;
  private final Directory directory;
  private final SearcherManager manager;
  private @Nullable StatsOf stats; // guarded by this

  /** Statistics and the reader version they describe. */
  private record StatsOf(long version, IndexStats stats) {}

  private Searcher(Path indexDir, Directory directory, SearcherManager manager) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.manager = manager;
  }

  /**
   * Opens the index in a folder for reading.
   *
   * @throws IndexUnavailableException when there is no index there
   */
  public static Searcher open(Path indexDir) throws IOException {
    Directory directory = IndexFolder.openExisting(indexDir);
    try {
      return new Searcher(
          indexDir, directory, new SearcherManager(directory, new SearcherFactory()));
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Runs one search. Never fails on the query text; fails only when the index cannot be read. */
  public SearchResult search(SearchRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    IndexSearcher searcher = manager.acquire();
    try {
      return new SearchRun(searcher, request).run();
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Entries of a year and/or with a tag, newest first.
   *
   * @param year only this year, or null for any
   * @param tag only entries with this tag (any case), or null for any
   * @param max at most this many, 1..{@value #MAX_LISTING}
   */
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

  /**
   * The entry or list page published at a URL, as the index stores it.
   *
   * @param url the URL exactly as the index holds it (as results show it)
   * @return the entry, or empty when no entry has that URL
   */
  public Optional<StoredEntry> entryAt(String url) throws IOException {
    Objects.requireNonNull(url, "url");
    return withSearcher(s -> Optional.ofNullable(new EntryLookup(s).byUrl(url)));
  }

  /**
   * The entries just older and newer than the one at a URL (same-day entries in id order); {@link
   * Neighbours#NONE} for an undated or unknown one.
   */
  public Neighbours neighbours(String url) throws IOException {
    Objects.requireNonNull(url, "url");
    return withSearcher(s -> new EntryLookup(s).neighbours(url));
  }

  /**
   * Up to {@code max} entries most like the one at a URL, by the words of its title, tags and body,
   * best first; empty when the URL names no entry.
   *
   * @param max 1..{@value #MAX_RELATED}
   */
  public List<Listing> related(String url, int max) throws IOException {
    Objects.requireNonNull(url, "url");
    if (max < 1 || max > MAX_RELATED) {
      throw new IllegalArgumentException("max not in 1.." + MAX_RELATED + ": " + max);
    }
    return withSearcher(s -> new EntryLookup(s).related(url, max));
  }

  /**
   * Where the entries came from, as the commit this searcher sees recorded it; empty if unknown.
   */
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

  /**
   * Every tag of the entries with how many entries carry it, most used first, then by name; the tag
   * in its normalised form, which {@code tag:} and {@link #listings} accept.
   */
  public List<Facets.TagCount> tags() throws IOException {
    return withSearcher(
        s -> {
          FacetCollector counts = new FacetCollector(Fields.YEAR, Fields.TAG);
          s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_ENTRY)), counts);
          return counts.tags().entrySet().stream()
              .sorted(
                  Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                      .thenComparing(Map.Entry.comparingByKey()))
              .map(e -> new Facets.TagCount(e.getKey(), e.getValue()))
              .toList();
        });
  }

  /** Entries per year, newest year first, each with its counts for January to December. */
  public Map<Integer, int[]> calendar() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return Listings.calendar(searcher);
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Suggestions for search-as-you-type: up to {@code limit} titles of entries whose words start
   * with the typed words (earlier words whole, the last one a prefix of at least two letters),
   * those starting with the text first; then, up to {@code limit} in all, frequent words of the
   * index that complete the last word, as the typed text with that word completed.
   *
   * <p>The text is untrusted and may be anything: it is NFKC-normalised, cut to 100 characters and
   * trimmed; text without a usable word gives an empty list, never an exception. The work is
   * bounded however short the prefix.
   *
   * @param prefixText what the user has typed so far; not null
   * @param limit the most suggestions, 1..{@value #MAX_SUGGESTIONS}
   * @throws IllegalArgumentException when {@code limit} is out of range
   * @throws IOException when the index cannot be read
   */
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

  /**
   * What the index holds, as of the commit this searcher sees. Counted once per commit: later calls
   * return the same answer until a refresh sees a newer commit.
   */
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

  /** Sees the latest commit, if there is a newer one; returns whether anything changed. */
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
