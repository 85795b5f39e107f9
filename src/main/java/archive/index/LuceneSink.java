package archive.index;

import archive.index.Schema.Bookkeeping;
import archive.parse.Entry;
import java.io.IOException;
import org.apache.lucene.index.IndexWriter;

/** A run's documents into the embedded index's writer, which is thread-safe. */
record LuceneSink(IndexWriter writer) implements DocSink {

  @Override
  public void entry(Entry entry, Bookkeeping bookkeeping) throws IOException {
    writer.updateDocument(Fields.idTerm(entry.id()), Schema.entry(entry, bookkeeping));
  }

  @Override
  public void skipped(String id, String reason, Bookkeeping bookkeeping) throws IOException {
    writer.updateDocument(Fields.idTerm(id), Schema.skipped(id, reason, bookkeeping));
  }

  @Override
  public void delete(String id) throws IOException {
    writer.deleteDocuments(Fields.idTerm(id));
  }
}
