package archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored fields are kept uncompressed ({@link ArchiveCodec}) and read back exactly. */
class StoredFieldsTest {

  @TempDir Path indexDir;

  /** Bodies from empty to 100 KB: some fill many chunks of 16 KB and are stored in slices. */
  private static List<String> bodies() {
    Random random = new Random(42);
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int length = i % 50 == 0 ? 100_000 : random.nextInt(i % 3 == 0 ? 20 : 9_000);
      StringBuilder body = new StringBuilder(length);
      for (int c = 0; c < length; c++) {
        body.append(c % 97 == 0 ? 'é' : (char) ('a' + random.nextInt(26)));
      }
      bodies.add(body.toString());
    }
    return bodies;
  }

  private static void add(IndexWriter writer, int i, String body) throws IOException {
    Document doc = new Document();
    doc.add(new StringField("id", "doc-" + i, Field.Store.YES));
    doc.add(new StoredField("body", body));
    doc.add(new StoredField("n", (long) i * 31));
    doc.add(new StoredField("raw", new BytesRef(new byte[] {(byte) i, 0, (byte) -i})));
    writer.addDocument(doc);
    if (i % 40 == 39) {
      writer.commit(); // several segments, merged below
    }
  }

  private static IndexWriterConfig config(Codec codec) {
    return new IndexWriterConfig().setCodec(codec).setUseCompoundFile(false);
  }

  private static void assertReadsBack(Directory dir, List<String> bodies) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      assertThat(reader.numDocs()).isEqualTo(bodies.size());
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        Document read = stored.document(doc);
        int i = Integer.parseInt(read.get("id").substring("doc-".length()));
        assertThat(read.get("body")).as("body of %d", i).isEqualTo(bodies.get(i));
        assertThat(read.getField("n").numericValue().longValue()).isEqualTo((long) i * 31);
        assertThat(read.getBinaryValue("raw").bytes).containsExactly((byte) i, 0, (byte) -i);
      }
    }
  }

  private static void readsBackBeforeAndAfterMerging(
      Directory dir, IndexWriter writer, List<String> bodies) throws IOException {
    writer.commit();
    assertReadsBack(dir, bodies);
    writer.forceMerge(1);
    writer.commit();
    assertThat(codecs(dir)).containsExactly(ArchiveCodec.NAME);
    assertReadsBack(dir, bodies);
  }

  private static List<String> codecs(Directory dir) throws IOException {
    List<String> names = new ArrayList<>();
    for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(dir)) {
      names.add(segment.info.getCodec().getName());
    }
    return names;
  }

  @Test
  void everyStoredValueReadsBackAsWrittenAcrossSegmentsMergesAndSlices() throws IOException {
    List<String> bodies = bodies();
    try (Directory dir = FSDirectory.open(indexDir)) {
      try (IndexWriter writer = new IndexWriter(dir, config(ArchiveCodec.INSTANCE))) {
        for (int i = 0; i < bodies.size(); i++) {
          add(writer, i, bodies.get(i));
        }
        readsBackBeforeAndAfterMerging(dir, writer, bodies);
      }
    }
  }

  @Test
  void anIndexWrittenWithLucenesOwnCodecStaysReadableAndMergesIntoThisOne() throws IOException {
    List<String> bodies = bodies();
    try (Directory dir = FSDirectory.open(indexDir)) {
      try (IndexWriter older = new IndexWriter(dir, config(Codec.getDefault()))) {
        for (int i = 0; i < 150; i++) {
          add(older, i, bodies.get(i));
        }
        older.commit();
      }
      assertThat(codecs(dir)).doesNotContain(ArchiveCodec.NAME);
      try (IndexWriter writer = new IndexWriter(dir, config(ArchiveCodec.INSTANCE))) {
        for (int i = 150; i < bodies.size(); i++) {
          add(writer, i, bodies.get(i));
        }
        writer.commit();
        assertThat(codecs(dir)).contains(ArchiveCodec.NAME, Codec.getDefault().getName());
        readsBackBeforeAndAfterMerging(dir, writer, bodies);
      }
    }
  }

  @Test
  void theArchiveWritesItsSegmentsWithThisCodec() throws IOException {
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      indexer.index(
          SiteWalker.walk(Path.of("examples/devlog")),
          ParseOptions.DEFAULTS,
          false,
          EntryIndexer.Progress.NONE);
    }
    try (Directory dir = FSDirectory.open(indexDir)) {
      assertThat(codecs(dir)).isNotEmpty().containsOnly(ArchiveCodec.NAME);
    }
  }
}
