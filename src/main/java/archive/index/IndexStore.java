package archive.index;

import archive.index.EntryIndexer.Progress;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/**
 * What holds the index an {@link EntryIndexer} writes: the embedded Lucene index in a folder, or a
 * site's part of a SolrCloud collection. A run reads what the last one committed, writes through
 * the {@link #sink()}, and then commits with the run's data or rolls back.
 */
interface IndexStore extends Closeable {

  /** The index, as messages name it: "the index at ./index". */
  String name();

  /** What the last committed run recorded (schema, source, options); empty when none did. */
  Map<String, String> commitData() throws IOException;

  /** Whether a run ever committed here. */
  boolean exists() throws IOException;

  /** The bookkeeping of every document committed. */
  KnownDocs knownDocs() throws IOException;

  /** Where the run's documents go. */
  DocSink sink();

  /** Deletes every document, within the run. */
  void deleteAll() throws IOException;

  /** Whether the run has written or deleted anything yet. */
  boolean hasUncommittedChanges() throws IOException;

  /** How many entries the index would hold if the run committed now. */
  int pendingEntries(KnownDocs known) throws IOException;

  /** Lets the store reorganise itself after a run that wrote most of it; may do nothing. */
  void compact(Tally tally, int before, Progress progress) throws IOException;

  /** Makes the run visible to searches, with its data. */
  void commit(Map<String, String> data) throws IOException;

  /** Drops what the run wrote, as far as the store can. */
  void rollback() throws IOException;

  /**
   * Rolls a failed run back and says why it failed, adding what the store knows of the cause.
   *
   * @return the exception to throw
   * @throws RuntimeException the failure itself, when it was one
   */
  IOException failed(Exception e) throws IOException;

  /** How many committed documents are of a kind ({@link Fields#KIND_ENTRY}, ...). */
  int count(String kind) throws IOException;
}
