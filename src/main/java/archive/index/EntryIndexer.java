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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
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

  private final Path indexDir;
  private final Directory directory;
  private final IndexWriter writer;
  private final int maxMergedDocs;
  private @Nullable Path namedRoot; // the site folder whose name was learned, or null
  private @Nullable String learnedSiteName;

  private EntryIndexer(Path indexDir, Directory directory, IndexWriter writer, int maxMergedDocs) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.writer = writer;
    this.maxMergedDocs = maxMergedDocs;
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
    Files.createDirectories(indexDir);
    Directory directory = FSDirectory.open(indexDir);
    IndexWriterConfig config = new IndexWriterConfig(Analysis.indexAnalyzer(""));
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCodec(ArchiveCodec.INSTANCE);
    config.setRAMBufferSizeMB(64);
    // A run is all or nothing: closing after a failure must not commit half of it.
    config.setCommitOnClose(false);
    try {
      return new EntryIndexer(
          indexDir, directory, new IndexWriter(directory, config), maxMergedDocs);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexUnavailableException(
          "another archive process is writing to "
              + indexDir
              + " (an 'archive index', or an 'archive serve --watch' that indexes as it serves);"
              + " wait for it to finish, or stop it, and run again",
          e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
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
    Map<String, String> previous = commitData();
    KnownDocs known = knownDocs(previous, tally);
    boolean rebuild = full || known.ids().isEmpty();
    if (full) {
      writer.deleteAll();
    }
    options = withSiteName(options, scan);
    boolean trustStats = !rebuild && options.fingerprint().equals(previous.get(DATA_OPTIONS));
    IndexRun run =
        new IndexRun(
            writer, new EntryParser(options), known, tally, trustStats, full, progress, scan);
    try {
      run.process(scan.files(), Format.HTML);
      run.process(scan.files(), Format.MARKDOWN);
      run.deleteUnseen(scan.skipped());
      if (!allowMassDelete) {
        refuseMassDelete(
            scan.root().toString(), "is the folder empty, moved or not mounted?", known.entries());
      }
      compactWhenMostlyNew(tally, known.ids().size(), progress);
      if (alwaysCommit || writer.hasUncommittedChanges()) {
        writer.setLiveCommitData(
            commitData(
                    SOURCE_FOLDER,
                    scan.root().toString(),
                    SiteConfig.title(scan.root()).orElse(""),
                    options)
                .entrySet());
        writer.commit();
      }
    } catch (IOException | RuntimeException e) {
      throw failed(e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return tally.finish(count(Fields.KIND_ENTRY), count(Fields.KIND_LIST), elapsed);
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
    Map<String, String> previous = commitData();
    KnownDocs known = knownDocs(previous, tally);
    if (full) {
      writer.deleteAll();
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
    CrawlRun run = new CrawlRun(writer, options, learn, known, tally, progress);
    try {
      CrawlTotals totals = crawl.crawl(new HtmlLinks(), trust ? known.revisits() : Map.of(), run);
      if (run.finish(totals, crawl.root())) {
        if (!allowMassDelete) {
          refuseMassDelete(
              crawl.root().toString(),
              "has the site lost its pages, or does it answer with errors?",
              known.entries());
        }
        compactWhenMostlyNew(tally, known.ids().size(), progress);
        ParseOptions read = run.options();
        String siteName = read.siteName() == null ? "" : read.siteName();
        Map<String, String> data =
            new HashMap<>(commitData(SOURCE_SITE, crawl.root().toString(), siteName, read));
        data.put(DATA_SITE_NAME, siteName);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
      } else {
        writer.rollback(); // the site did not answer: the index stays exactly as it was
      }
    } catch (InterruptedException e) {
      writer.rollback();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the crawl was interrupted; nothing of it was kept");
    } catch (IOException | RuntimeException e) {
      throw failed(e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return tally.finish(count(Fields.KIND_ENTRY), count(Fields.KIND_LIST), elapsed);
  }

  private KnownDocs knownDocs(Map<String, String> previous, Tally tally) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return KnownDocs.none();
    }
    String schema = previous.get(DATA_SCHEMA);
    if (!Fields.SCHEMA_VERSION.equals(schema)) {
      tally.notice(
          "the index at "
              + indexDir
              + " was written by another version (schema "
              + (schema == null ? "unknown" : schema)
              + ", now "
              + Fields.SCHEMA_VERSION
              + "); rebuilding it");
      writer.deleteAll();
      return KnownDocs.none();
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return KnownDocs.load(reader);
    }
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

  private Map<String, String> commitData() {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return data;
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
   * Merges the index into one segment when this run wrote most of it (a first run, {@code --full},
   * a site mostly rewritten) and it holds at most {@link #MAX_MERGED_DOCS} documents. A first run
   * of 10,000 entries flushes four segments, and a query repeats its per-segment work (term
   * lookups, the spelling automata, collection) in each: in one segment, 2,000 generated queries
   * ran at p50 0.81 instead of 0.97 ms and p99 5.3 instead of 6.6 ms, for a merge of 2.4 s after a
   * 15 s run. Its cost grows with the archive: a first run of the 100,000 generated entries took
   * 203 s with it and 166 s without, and peaked at 1.5 GB resident against 0.8 (the merged files
   * are mapped while they are read), so larger archives stay as Lucene's merge policy leaves them.
   * A run that changed a few entries leaves merging to that policy too, so that one new post never
   * rewrites the whole archive. The merge happens before the commit: a run killed while merging
   * leaves the previous index, as any other.
   */
  private void compactWhenMostlyNew(Tally tally, int before, Progress progress) throws IOException {
    int changes = tally.changes();
    if (changes > 0
        && changes * 2 >= before
        && writer.hasUncommittedChanges()
        && writer.getDocStats().numDocs <= maxMergedDocs) {
      progress.merging();
      writer.forceMerge(1);
    }
  }

  /**
   * The most documents a run merges into one segment: beyond, the merge costs more than it buys.
   */
  static final int MAX_MERGED_DOCS = 20_000;

  /**
   * Rolls a failed run back and says why it failed. When the writer itself broke (a full disk, an
   * I/O error), Lucene closes it and later calls say only "this IndexWriter is closed": the cause
   * it kept is what the reader needs, and the files the run wrote before it broke are removed at
   * once rather than at the next successful run.
   */
  private IOException failed(Exception e) throws IOException {
    Throwable tragic = writer.getTragicException();
    try {
      writer.rollback();
    } catch (IOException | RuntimeException again) {
      e.addSuppressed(again);
    }
    if (tragic == null) {
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      return (IOException) e;
    }
    removeLeftovers(e);
    IOException cause =
        new IOException(
            "the index at "
                + indexDir
                + " could not be written ("
                + (tragic.getMessage() == null
                    ? tragic.getClass().getSimpleName()
                    : tragic.getMessage())
                + "); nothing of this run was kept and the index is as it was",
            tragic);
    cause.addSuppressed(e);
    return cause;
  }

  /** Opening a writer deletes every file no commit refers to: what the broken run left. */
  private void removeLeftovers(Exception failure) {
    IndexWriterConfig config = new IndexWriterConfig(Analysis.indexAnalyzer(""));
    config.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
    config.setCodec(ArchiveCodec.INSTANCE);
    config.setCommitOnClose(false);
    try (IndexWriter cleaner = new IndexWriter(directory, config)) {
      cleaner.rollback();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e); // the next run removes them instead
    }
  }

  /**
   * Throws when the run, not yet committed, leaves fewer than half the entries there were, or none:
   * an emptied or unmounted folder must not wipe the archive.
   */
  private void refuseMassDelete(String root, String likely, int before) throws IOException {
    if (before == 0 || !writer.hasUncommittedChanges()) {
      return;
    }
    int after;
    try (DirectoryReader pending = DirectoryReader.open(writer)) {
      after =
          new IndexSearcher(pending).count(new TermQuery(new Term(Fields.KIND, Fields.KIND_ENTRY)));
    }
    if (after == 0 || after * 2 < before) {
      throw new MassDeleteException(root, likely, before, after);
    }
  }

  private int count(String kind) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return 0; // a first run that committed nothing
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return new IndexSearcher(reader).count(new TermQuery(new Term(Fields.KIND, kind)));
    }
  }

  /** Releases the write lock without committing anything not yet committed. */
  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      directory.close();
    }
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

  /** The folder of the index this indexer writes. */
  public Path indexDir() {
    return indexDir;
  }
}
