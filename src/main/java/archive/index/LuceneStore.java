package archive.index;

import archive.index.EntryIndexer.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/** The embedded index in a folder, written through one Lucene writer that holds its lock. */
final class LuceneStore implements IndexStore {

  private final Path indexDir;
  private final Directory directory;
  private final IndexWriter writer;
  private final DocSink sink;
  private final int maxMergedDocs;

  private LuceneStore(Path indexDir, Directory directory, IndexWriter writer, int maxMergedDocs) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.writer = writer;
    this.sink = new LuceneSink(writer);
    this.maxMergedDocs = maxMergedDocs;
  }

  /**
   * Opens (or creates) the index in a folder and takes its write lock.
   *
   * @throws IndexUnavailableException when another indexer holds the lock
   */
  static LuceneStore open(Path indexDir, int maxMergedDocs) throws IOException {
    Files.createDirectories(indexDir);
    Directory directory = FSDirectory.open(indexDir);
    try {
      return new LuceneStore(
          indexDir, directory, new IndexWriter(directory, config()), maxMergedDocs);
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

  private static IndexWriterConfig config() {
    IndexWriterConfig config = new IndexWriterConfig(Analysis.indexAnalyzer(""));
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCodec(ArchiveCodec.INSTANCE);
    config.setRAMBufferSizeMB(64);
    // A run is all or nothing: closing after a failure must not commit half of it.
    config.setCommitOnClose(false);
    return config;
  }

  Path indexDir() {
    return indexDir;
  }

  @Override
  public String name() {
    return "the index at " + indexDir;
  }

  @Override
  public Map<String, String> commitData() {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return data;
  }

  @Override
  public boolean exists() throws IOException {
    return DirectoryReader.indexExists(directory);
  }

  @Override
  public KnownDocs knownDocs() throws IOException {
    if (!exists()) {
      return KnownDocs.none();
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return KnownDocs.load(reader);
    }
  }

  @Override
  public DocSink sink() {
    return sink;
  }

  @Override
  public void deleteAll() throws IOException {
    writer.deleteAll();
  }

  @Override
  public boolean hasUncommittedChanges() {
    return writer.hasUncommittedChanges();
  }

  @Override
  public int pendingEntries(KnownDocs known) throws IOException {
    try (DirectoryReader pending = DirectoryReader.open(writer)) {
      return new IndexSearcher(pending)
          .count(new TermQuery(new Term(Fields.KIND, Fields.KIND_ENTRY)));
    }
  }

  /**
   * Merges the index into one segment when this run wrote most of it (a first run, {@code --full},
   * a site mostly rewritten) and it holds at most {@code maxMergedDocs} documents. A first run of
   * 10,000 entries flushes four segments, and a query repeats its per-segment work (term lookups,
   * the spelling automata, collection) in each: in one segment, 2,000 generated queries ran at p50
   * 0.81 instead of 0.97 ms and p99 5.3 instead of 6.6 ms, for a merge of 2.4 s after a 15 s run.
   * Its cost grows with the archive: a first run of the 100,000 generated entries took 203 s with
   * it and 166 s without, and peaked at 1.5 GB resident against 0.8 (the merged files are mapped
   * while they are read), so larger archives stay as Lucene's merge policy leaves them. A run that
   * changed a few entries leaves merging to that policy too, so that one new post never rewrites
   * the whole archive. The merge happens before the commit: a run killed while merging leaves the
   * previous index, as any other.
   */
  @Override
  public void compact(Tally tally, int before, Progress progress) throws IOException {
    int changes = tally.changes();
    if (changes > 0
        && changes * 2 >= before
        && writer.hasUncommittedChanges()
        && writer.getDocStats().numDocs <= maxMergedDocs) {
      progress.merging();
      writer.forceMerge(1);
    }
  }

  @Override
  public void commit(Map<String, String> data) throws IOException {
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  @Override
  public void rollback() throws IOException {
    writer.rollback();
  }

  /**
   * When the writer itself broke (a full disk, an I/O error), Lucene closes it and later calls say
   * only "this IndexWriter is closed": the cause it kept is what the reader needs, and the files
   * the run wrote before it broke are removed at once rather than at the next successful run.
   */
  @Override
  public IOException failed(Exception e) throws IOException {
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
            name()
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
    IndexWriterConfig config = config();
    config.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
    try (IndexWriter cleaner = new IndexWriter(directory, config)) {
      cleaner.rollback();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e); // the next run removes them instead
    }
  }

  @Override
  public int count(String kind) throws IOException {
    if (!exists()) {
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
}
