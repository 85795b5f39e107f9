package archive.index;

import archive.ingest.CrawlTotals;
import archive.ingest.Format;
import archive.ingest.SiteCrawl;
import archive.ingest.SiteScan;
import archive.ingest.SourceFile;
import archive.parse.EntryParser;
import archive.parse.HtmlLinks;
import archive.parse.ParseOptions;
import archive.parse.SiteConfig;
import archive.parse.SiteNames;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes a site's entries into the index, incrementally, from its folder or by crawling it:
 * unchanged files are not even read (unchanged pages not downloaded again), changed ones are
 * replaced, vanished ones deleted. A run commits once, at the end, so a crash or kill mid-run
 * leaves the previous commit intact. Only one indexer may hold an index at a time.
 */
public final class EntryIndexer implements Closeable {

  /** Commit data: schema version, the root and options of the run, and when it finished. */
  static final String DATA_SCHEMA = "schema";

  /** Commit data: the folder's real path, or the crawled address. */
  public static final String DATA_SOURCE = "source";

  /** Commit data: {@link #SOURCE_FOLDER} or {@link #SOURCE_SITE}. */
  public static final String DATA_SOURCE_KIND = "sourceKind";

  static final String DATA_OPTIONS = "options";

  /**
   * Commit data: the blog's title, as its site generator's configuration names it, or for a crawled
   * site the name its pages' titles share; or empty.
   */
  public static final String DATA_SITE_TITLE = "siteTitle";

  /** Commit data: the base URL entry URLs were made absolute with; empty when site-relative. */
  public static final String DATA_BASE_URL = "baseUrl";

  static final String DATA_INDEXED_AT = "indexedAt";

  /**
   * Commit data of a crawled site: the site name its pages' titles share, as the first crawl
   * learned it ("" when they share none), kept for the crawls after it.
   */
  static final String DATA_SITE_NAME = "siteName";

  /** {@link #DATA_SOURCE_KIND} of an index of a site's folder. */
  public static final String SOURCE_FOLDER = "folder";

  /** {@link #DATA_SOURCE_KIND} of an index of a live site, crawled. */
  public static final String SOURCE_SITE = "site";

  private final IndexStore store;
  private @Nullable Path namedRoot; // the site folder whose name was learned, or null
  private @Nullable String learnedSiteName;

  private EntryIndexer(IndexStore store) {
    this.store = store;
  }

  /**
   * Opens (or creates) the index in a folder and takes its write lock.
   *
   * @throws IndexUnavailableException when another indexer holds the lock
   */
  public static EntryIndexer open(Path indexDir) throws IOException {
    return open(indexDir, MAX_MERGED_DOCS);
  }

  /** As {@link #open(Path)}, merging runs into one segment up to another number of documents. */
  static EntryIndexer open(Path indexDir, int maxMergedDocs) throws IOException {
    Objects.requireNonNull(indexDir, "indexDir");
    return new EntryIndexer(LuceneStore.open(indexDir, maxMergedDocs));
  }

  /**
   * Writes one site's entries into a SolrCloud collection that other sites may share: its documents
   * are tagged with the site's name, and a run reads, replaces and deletes only those.
   *
   * @param site the site's name, {@link SolrFields#SITE_PATTERN}
   * @throws IOException when the collection cannot be read, with the address
   */
  public static EntryIndexer open(SolrCollection collection, String site) throws IOException {
    return open(collection, site, SolrStore.BATCH_DOCS);
  }

  /** As {@link #open(SolrCollection, String)}, sending another number of updates per request. */
  static EntryIndexer open(SolrCollection collection, String site, int batchDocs)
      throws IOException {
    return new EntryIndexer(SolrStore.open(collection, site, batchDocs));
  }

  /**
   * Indexes every file of a scan and commits.
   *
   * @param full rewrite every entry even if unchanged
   * @param progress told after each file; may block (tests use that to kill a run midway)
   * @throws IOException when the index itself cannot be written; nothing of the run is committed
   */
  public IndexReport index(SiteScan scan, ParseOptions options, boolean full, Progress progress)
      throws IOException {
    return index(scan, options, full, progress, false);
  }

  /**
   * As {@link #index(SiteScan, ParseOptions, boolean, Progress)}, and with {@code allowMassDelete}
   * a run may also take more than half of the entries away, or all of them: otherwise such a run
   * throws {@link MassDeleteException} and keeps the index as it was.
   */
  public IndexReport index(
      SiteScan scan, ParseOptions options, boolean full, Progress progress, boolean allowMassDelete)
      throws IOException {
    return run(scan, options, full, progress, true, allowMassDelete);
  }

  /**
   * Brings the index up to date with a scan, committing only when something changed: for a watcher
   * that runs every few seconds, so that readers are not reopened for nothing.
   *
   * @throws IOException when the index cannot be written; this indexer is then closed
   */
  public IndexReport update(SiteScan scan, ParseOptions options) throws IOException {
    return run(scan, options, false, Progress.NONE, false, false);
  }

  private IndexReport run(
      SiteScan scan,
      ParseOptions options,
      boolean full,
      Progress progress,
      boolean alwaysCommit,
      boolean allowMassDelete)
      throws IOException {
    long start = System.nanoTime();
    Tally tally = new Tally(scan.skipped());
    Map<String, String> previous = store.commitData();
    KnownDocs known = knownDocs(previous, tally);
    boolean rebuild = full || known.ids().isEmpty();
    if (full) {
      store.deleteAll();
    }
    options = withSiteName(options, scan);
    boolean trustStats = !rebuild && options.fingerprint().equals(previous.get(DATA_OPTIONS));
    IndexRun run =
        new IndexRun(
            store.sink(), new EntryParser(options), known, tally, trustStats, full, progress, scan);
    try {
      run.process(scan.files(), Format.HTML);
      run.process(scan.files(), Format.MARKDOWN);
      run.deleteUnseen(scan.skipped());
      if (!allowMassDelete) {
        refuseMassDelete(
            scan.root().toString(), "is the folder empty, moved or not mounted?", known);
      }
      store.compact(tally, known.ids().size(), progress);
      if (alwaysCommit || store.hasUncommittedChanges()) {
        store.commit(
            commitData(
                SOURCE_FOLDER,
                scan.root().toString(),
                SiteConfig.title(scan.root()).orElse(""),
                options));
      }
    } catch (IOException | RuntimeException e) {
      throw store.failed(e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return tally.finish(store.count(Fields.KIND_ENTRY), store.count(Fields.KIND_LIST), elapsed);
  }

  /**
   * Crawls a live site and writes what it finds, page by page, then commits once: pages that did
   * not change are not downloaded again, pages gone from the site are deleted, and pages that
   * failed keep what was indexed of them.
   *
   * @param full fetch and rewrite every page, asking nothing of the last crawl
   * @param progress told after each page, with the pages found so far as the total
   * @throws IOException when the index cannot be written, or the crawl is interrupted; nothing of
   *     the run is committed
   */
  public IndexReport crawl(SiteCrawl crawl, ParseOptions options, boolean full, Progress progress)
      throws IOException {
    return crawl(crawl, options, full, progress, false);
  }

  /**
   * As {@link #crawl(SiteCrawl, ParseOptions, boolean, Progress)}, and with {@code allowMassDelete}
   * a crawl may also take more than half of the entries away, or all of them: otherwise such a
   * crawl throws {@link MassDeleteException} and keeps the index as it was.
   */
  public IndexReport crawl(
      SiteCrawl crawl,
      ParseOptions options,
      boolean full,
      Progress progress,
      boolean allowMassDelete)
      throws IOException {
    long start = System.nanoTime();
    Tally tally = new Tally(List.of());
    Map<String, String> previous = store.commitData();
    KnownDocs known = knownDocs(previous, tally);
    if (full) {
      store.deleteAll();
    }
    String learned = previous.get(DATA_SITE_NAME);
    boolean learn = options.siteName() == null;
    if (learn
        && !full
        && learned != null
        && crawl.root().toString().equals(previous.get(DATA_SOURCE))) {
      // The name learned when the site was first crawled: a re-crawl brings only changed pages,
      // too few to learn from, and the same name keeps every title as it was.
      options = options.withSiteName(learned.isEmpty() ? null : learned);
      learn = false;
    }
    // A name still to be learned changes how every page reads: then every page is fetched again.
    boolean trust = !full && !learn && options.fingerprint().equals(previous.get(DATA_OPTIONS));
    CrawlRun run = new CrawlRun(store.sink(), options, learn, known, tally, progress);
    try {
      CrawlTotals totals = crawl.crawl(new HtmlLinks(), trust ? known.revisits() : Map.of(), run);
      if (run.finish(totals, crawl.root())) {
        if (!allowMassDelete) {
          refuseMassDelete(
              crawl.root().toString(),
              "has the site lost its pages, or does it answer with errors?",
              known);
        }
        store.compact(tally, known.ids().size(), progress);
        ParseOptions read = run.options();
        String siteName = read.siteName() == null ? "" : read.siteName();
        Map<String, String> data =
            new HashMap<>(commitData(SOURCE_SITE, crawl.root().toString(), siteName, read));
        data.put(DATA_SITE_NAME, siteName);
        store.commit(data);
      } else {
        store.rollback(); // the site did not answer: the index stays exactly as it was
      }
    } catch (InterruptedException e) {
      store.rollback();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the crawl was interrupted; nothing of it was kept");
    } catch (IOException | RuntimeException e) {
      throw store.failed(e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return tally.finish(store.count(Fields.KIND_ENTRY), store.count(Fields.KIND_LIST), elapsed);
  }

  private KnownDocs knownDocs(Map<String, String> previous, Tally tally) throws IOException {
    if (!store.exists()) {
      return KnownDocs.none();
    }
    String schema = previous.get(DATA_SCHEMA);
    if (!Fields.SCHEMA_VERSION.equals(schema)) {
      tally.notice(
          store.name()
              + " was written by another version (schema "
              + (schema == null ? "unknown" : schema)
              + ", now "
              + Fields.SCHEMA_VERSION
              + "); rebuilding it");
      store.deleteAll();
      return KnownDocs.none();
    }
    return store.knownDocs();
  }

  /**
   * The options with the site's name, when they have none: the one its pages' titles share, else
   * the title in its generator's configuration. Learned once per site folder by this indexer, so
   * that a watcher's runs every few seconds do not read the pages' heads again each time.
   */
  private ParseOptions withSiteName(ParseOptions options, SiteScan scan) {
    if (options.siteName() != null) {
      return options;
    }
    if (!scan.root().equals(namedRoot)) {
      List<Path> pages =
          scan.files().stream()
              .filter(f -> f.format() == Format.HTML)
              .map(SourceFile::path)
              .toList();
      learnedSiteName = SiteNames.of(scan.root(), pages).orElse(null);
      namedRoot = scan.root();
    }
    return options.withSiteName(learnedSiteName);
  }

  private static Map<String, String> commitData(
      String sourceKind, String source, String siteTitle, ParseOptions options) {
    return Map.of(
        DATA_SITE_TITLE,
        siteTitle,
        DATA_BASE_URL,
        options.baseUrl() == null ? "" : options.baseUrl().toString(),
        DATA_SCHEMA,
        Fields.SCHEMA_VERSION,
        DATA_SOURCE_KIND,
        sourceKind,
        DATA_SOURCE,
        source,
        DATA_OPTIONS,
        options.fingerprint(),
        DATA_INDEXED_AT,
        Instant.now().toString());
  }

  /**
   * The most documents a run merges into one segment: beyond, the merge costs more than it buys.
   */
  static final int MAX_MERGED_DOCS = 20_000;

  /**
   * Throws when the run, not yet committed, leaves fewer than half the entries there were, or none:
   * an emptied or unmounted folder must not wipe the archive.
   */
  private void refuseMassDelete(String root, String likely, KnownDocs known) throws IOException {
    int before = known.entries();
    if (before == 0 || !store.hasUncommittedChanges()) {
      return;
    }
    int after = store.pendingEntries(known);
    if (after == 0 || after * 2 < before) {
      throw new MassDeleteException(root, likely, before, after);
    }
  }

  /** Releases the index (the write lock of a folder) without committing anything uncommitted. */
  @Override
  public void close() throws IOException {
    store.close();
  }

  /** Told after each file of a run. */
  @FunctionalInterface
  public interface Progress {
    /** No progress reporting. */
    Progress NONE = (done, total) -> {};

    /**
     * Called after each file, from the worker thread that handled it.
     *
     * @param done files handled so far
     * @param total files in the run
     */
    void fileDone(int done, int total);

    /** Called when every file is handled and the index is being merged, which takes a while. */
    default void merging() {}
  }

  /** The index this indexer writes, as messages name it: "the index at ./index". */
  public String name() {
    return store.name();
  }
}
