package archive.search;

import archive.index.IndexStats;
import archive.index.SolrCollection;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Answers searches over an index: the embedded one in a folder, or a SolrCloud collection; no
 * caller needs to know which. Thread-safe; {@link #refresh()} picks up what a later {@code archive
 * index} committed, without failing searches in flight.
 *
 * <p>Queries are in Lucene's classic syntax with the blog's qualifiers (see {@link
 * BlogQueryParser}): words (all must match; when none match together, any word), {@code "exact
 * phrase"}, {@code -word}, {@code a OR b}, {@code prefix*}, {@code word~}, {@code title:word},
 * {@code tag:name}, {@code year:2021}, {@code date:[2020-01 TO 2021-06]}, {@code after:2021-01-01}
 * (on or after), {@code before:2021-06} (strictly before).
 */
public interface Searcher extends Closeable {

  /** The longest listing served at once. */
  int MAX_LISTING = 10_000;

  /** The most entries {@link #related} returns. */
  int MAX_RELATED = 20;

  /** The most suggestions {@link #suggest} returns. */
  int MAX_SUGGESTIONS = 8;

  /** The most words and phrases a search uses; the rest are dropped with a note. */
  int MAX_WORDS = BlogQueryParser.MAX_PARTS;

  /**
   * How many words and phrases the query syntax reads in a query, including any beyond {@link
   * #MAX_WORDS}; a caller that would rather refuse such a query than drop words asks this first.
   */
  static int wordCount(String query) {
    return BlogQueryParser.countParts(query);
  }

  /**
   * Opens the embedded index in a folder for reading.
   *
   * @throws archive.index.IndexUnavailableException when there is no index there
   */
  static Searcher open(Path indexDir) throws IOException {
    return LocalSearcher.open(indexDir);
  }

  /**
   * Searches a SolrCloud collection: one site's entries, or every site's.
   *
   * @param site the site to search, or null for all the collection holds
   * @throws IOException when the collection does not answer, with its address
   */
  static Searcher open(SolrCollection collection, @Nullable String site) throws IOException {
    return SolrSearcher.open(collection, site);
  }

  /** Runs one search. Never fails on the query text; fails only when the index cannot be read. */
  SearchResult search(SearchRequest request) throws IOException;

  /**
   * Entries of a year and/or with a tag, newest first.
   *
   * @param year only this year, or null for any
   * @param tag only entries with this tag (any case), or null for any
   * @param max at most this many, 1..{@value #MAX_LISTING}
   */
  List<Listing> listings(@Nullable Integer year, @Nullable String tag, int max) throws IOException;

  /**
   * The entry or list page published at a URL, as the index stores it.
   *
   * @param url the URL exactly as the index holds it (as results show it)
   * @return the entry, or empty when no entry has that URL
   */
  Optional<StoredEntry> entryAt(String url) throws IOException;

  /**
   * The entries just older and newer than the one at a URL (same-day entries in id order); {@link
   * Neighbours#NONE} for an undated or unknown one.
   */
  Neighbours neighbours(String url) throws IOException;

  /**
   * Up to {@code max} entries most like the one at a URL, by the words of its title, tags and body,
   * best first; empty when the URL names no entry.
   *
   * @param max 1..{@value #MAX_RELATED}
   */
  List<Listing> related(String url, int max) throws IOException;

  /**
   * Where the entries came from, as the commit this searcher sees recorded it; empty if unknown.
   */
  Optional<IndexSource> source() throws IOException;

  /**
   * Every tag of the entries with how many entries carry it, most used first, then by name; the tag
   * in its normalised form, which {@code tag:} and {@link #listings} accept.
   */
  List<Facets.TagCount> tags() throws IOException;

  /** Entries per year, newest year first, each with its counts for January to December. */
  Map<Integer, int[]> calendar() throws IOException;

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
  List<Suggestion> suggest(String prefixText, int limit) throws IOException;

  /**
   * What the index holds, as of the commit this searcher sees. Counted once per commit: later calls
   * return the same answer until a refresh sees a newer commit.
   */
  IndexStats stats() throws IOException;

  /** Sees the latest commit, if there is a newer one; returns whether anything changed. */
  boolean refresh() throws IOException;
}
