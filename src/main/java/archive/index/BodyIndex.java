package archive.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A page of entries' bodies in an index in memory, analysed as the embedded index analyses them:
 * for highlighting what another index (Solr) found with the embedded index's own passages, so that
 * snippets and section links are the same whichever index answered.
 */
public final class BodyIndex {

  private BodyIndex() {}

  /** The bodies, each with its language, as documents 0, 1, ... of a searcher in memory. */
  public static IndexSearcher of(List<String> bodies, List<String> langs) throws IOException {
    if (bodies.size() != langs.size()) {
      throw new IllegalArgumentException(
          "a language per body: " + bodies.size() + " and " + langs.size());
    }
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(Analysis.indexAnalyzer(""));
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < bodies.size(); i++) {
        Document doc = new Document();
        doc.add(
            new Field(
                Fields.BODY,
                Analysis.indexAnalyzer(langs.get(i)).tokenStream(Fields.BODY, bodies.get(i)),
                Schema.BODY_TEXT));
        writer.addDocument(doc);
      }
    }
    return new IndexSearcher(DirectoryReader.open(directory));
  }
}
