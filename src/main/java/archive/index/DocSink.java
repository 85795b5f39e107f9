package archive.index;

import archive.index.Schema.Bookkeeping;
import archive.parse.Entry;
import java.io.IOException;

/**
 * Where a run's documents go, whichever index holds them: each call replaces or deletes one
 * document by its id, to be kept only when the run commits. Thread-safe: a run's workers write
 * concurrently.
 */
interface DocSink {

  /** Writes an entry or list page, replacing any document of its id. */
  void entry(Entry entry, Bookkeeping bookkeeping) throws IOException;

  /** Writes the placeholder of a source that yields no entry, replacing any document of its id. */
  void skipped(String id, String reason, Bookkeeping bookkeeping) throws IOException;

  /** Deletes the document of an id, if there is one. */
  void delete(String id) throws IOException;
}
