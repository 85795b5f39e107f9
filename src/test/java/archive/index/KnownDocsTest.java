package archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import archive.index.KnownDocs.Known;
import archive.ingest.Revisit;
import archive.ingest.Validators;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one run keeps of each document is what the next run reads back, whatever it holds. */
class KnownDocsTest {

  @TempDir Path indexDir;

  private static Document doc(Known known) throws IOException {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, known.id(), Field.Store.YES));
    doc.add(known.field());
    return doc;
  }

  private KnownDocs written(List<Known> docs, List<String> deleted) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir)) {
      IndexWriterConfig config = new IndexWriterConfig().setCodec(ArchiveCodec.INSTANCE);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (int i = 0; i < docs.size(); i++) {
          writer.addDocument(doc(docs.get(i)));
          if (i % 2 == 1) {
            writer.commit(); // several segments
          }
        }
        for (String id : deleted) {
          writer.deleteDocuments(Fields.idTerm(id));
        }
        writer.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        return KnownDocs.load(reader);
      }
    }
  }

  @Test
  void everyKindOfDocumentIsReadBackAsItWasWritten() throws IOException {
    List<String> links = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      links.add("https://blog.example/" + "deep/".repeat(10) + "page-" + i + "/"); // ~150 KB
    }
    Revisit crawled =
        new Revisit(
            new Validators("\"abc\"", "Tue, 01 Dec 2026 10:00:00 GMT"),
            links,
            Instant.parse("2026-11-30T08:00:00Z"));
    List<Known> docs =
        List.of(
            new Known(
                "posts/garden.md",
                Fields.KIND_ENTRY,
                "hash-1",
                "1234:1700000000000",
                List.of("url:/garden/", "title:garden|2021-01-18"),
                null,
                null),
            new Known("drafts/idea.md", Fields.KIND_SKIPPED, "", "9:1", List.of(), "draft", null),
            new Known(
                "index.html", Fields.KIND_LIST, "hash-2", "5:6", List.of("url:/"), null, null),
            new Known(
                "https://blog.example/a/", Fields.KIND_ENTRY, "h", "", List.of(), null, crawled),
            new Known(
                "https://blog.example/b/",
                Fields.KIND_ENTRY,
                "h",
                "",
                List.of(),
                null,
                new Revisit(new Validators("\"e\"", null), List.of(), null)),
            new Known("ünïcödé/日本.md", Fields.KIND_ENTRY, "h", "1:2", List.of(), null, null));

    KnownDocs known = written(docs, List.of());

    assertThat(known.ids()).hasSize(docs.size());
    for (Known doc : docs) {
      assertThat(known.get(doc.id())).isEqualTo(doc);
    }
    assertThat(known.entries()).isEqualTo(4);
  }

  @Test
  void aPageACrawlKeptNothingOfHasNoRevisit() throws IOException {
    Revisit nothing = new Revisit(Validators.NONE, List.of(), null);
    Known page =
        new Known("https://blog.example/c/", Fields.KIND_ENTRY, "h", "", List.of(), null, nothing);

    KnownDocs known = written(List.of(page), List.of());

    Known read = known.get(page.id());
    assertThat(read).isNotNull();
    assertThat(read.revisit()).isNull(); // fetched afresh, unconditionally, next time
    assertThat(known.revisits()).isEmpty();
  }

  @Test
  void deletedDocumentsAreNotKnown() throws IOException {
    List<Known> docs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      docs.add(
          new Known("p" + i + ".md", Fields.KIND_ENTRY, "h" + i, "1:" + i, List.of(), null, null));
    }

    KnownDocs known = written(docs, List.of("p1.md", "p4.md"));

    assertThat(known.ids()).containsExactlyInAnyOrder("p0.md", "p2.md", "p3.md", "p5.md");
    assertThat(known.get("p3.md")).isEqualTo(docs.get(3));
  }
}
