package archive.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import archive.ingest.SiteScan;
import archive.ingest.SiteWalker;
import archive.ingest.Skip;
import archive.ingest.SourceFile;
import archive.parse.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalIndexTest {

  @TempDir Path site;
  @TempDir Path indexDir;

  @BeforeEach
  void writeSite() throws IOException {
    post("a.md", "Alpha", "2021-01-01", "The alpha entry talks about rust.");
    post("b.md", "Bravo", "2021-02-01", "The bravo entry talks about go.");
    post("c.md", "Charlie", "2021-03-01", "The charlie entry talks about zig.");
  }

  private void post(String name, String title, String date, String body) throws IOException {
    Path file = site.resolve(name);
    Files.createDirectories(file.getParent());
    String text = "---\ntitle: " + title + "\ndate: " + date + "\n---\n" + body + "\n";
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private IndexReport index(boolean full) throws IOException {
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      return indexer.index(
          SiteWalker.walk(site), ParseOptions.DEFAULTS, full, EntryIndexer.Progress.NONE);
    }
  }

  private List<String> idsMatching(String field, String term) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<String> ids = new ArrayList<>();
      for (var hit : searcher.search(new TermQuery(new Term(field, term)), 100).scoreDocs) {
        Document doc = searcher.storedFields().document(hit.doc);
        ids.add(doc.get(Fields.ID));
      }
      return ids;
    }
  }

  @Test
  void firstRunAddsEveryEntry() throws IOException {
    IndexReport report = index(false);
    assertThat(report.summary()).startsWith("3 entries: 3 new, 0 updated, 0 deleted, 0 unchanged");
  }

  @Test
  void aTagTooLongForTheIndexLeavesTheRestOfTheRunStanding() throws IOException {
    // Lucene refused the 40,000-byte tag term and the whole run stopped (issue 10, hostile files).
    Files.writeString(
        site.resolve("long-tag.md"),
        "---\ntitle: Long\ntags: [" + "k".repeat(40_000) + "]\n---\nA quoll.\n");

    IndexReport report = index(false);

    assertThat(report.summary()).startsWith("4 entries: 4 new");
    assertThat(report.warnings())
        .singleElement()
        .hasToString(
            "long-tag.md:3: tag longer than 200 characters left out: \"" + "k".repeat(60) + "…\"");
  }

  @Test
  void secondRunWithoutChangesRewritesNothing() throws IOException {
    index(false);
    List<String> segments = segmentNames();
    IndexReport report = index(false);
    assertThat(report.unchanged()).isEqualTo(3);
    assertThat(report.added() + report.updated() + report.deleted()).isZero();
    assertThat(segmentNames()).isEqualTo(segments);
  }

  /** Three entries beside the three the site starts with: as many new entries as old. */
  private void postThreeMore() throws IOException {
    post("d.md", "Delta", "2021-04-01", "The delta entry talks about ocaml.");
    post("e.md", "Echo", "2021-05-01", "The echo entry talks about elixir.");
    post("f.md", "Foxtrot", "2021-06-01", "The foxtrot entry talks about fortran.");
  }

  @Test
  void aRunThatWroteMostOfTheIndexLeavesItInOneSegment() throws IOException {
    index(false);
    postThreeMore();

    IndexReport report = index(false); // 3 new beside 3: without the merge, a second segment

    assertThat(report.added()).isEqualTo(3);
    assertThat(segmentNames()).hasSize(1);
    assertThat(idsMatching(Fields.BODY, "elixir")).containsExactly("e.md");
  }

  @Test
  void anIndexOverTheMergeLimitIsLeftToTheMergePolicy() throws IOException {
    index(false);
    postThreeMore();

    try (EntryIndexer indexer = EntryIndexer.open(indexDir, 5)) { // 6 documents: over the limit
      indexer.index(
          SiteWalker.walk(site), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }

    // The first run's segment and one or two of this run's (one per worker that wrote), unmerged.
    assertThat(segmentNames()).hasSizeGreaterThan(1);
    assertThat(idsMatching(Fields.BODY, "elixir")).containsExactly("e.md");
  }

  @Test
  void aRunThatChangedAFewEntriesLeavesTheRestOfTheIndexAsItWas() throws IOException {
    for (String name : List.of("d", "e", "f", "g")) {
      post(name + ".md", name.toUpperCase(Locale.ROOT), "2021-04-01", "Entry " + name + ".");
    }
    index(false);
    String merged = segmentNames().get(0);
    post("b.md", "Bravo", "2021-02-01", "The bravo entry now talks about lisp.");

    IndexReport report = index(false);

    assertThat(report.updated()).isEqualTo(1);
    // The old segment stays, with b.md's old version marked deleted; the new one is beside it.
    assertThat(segmentNames()).hasSize(2).first().asString().startsWith(merged.split("/")[0] + "/");
    assertThat(idsMatching(Fields.BODY, "lisp")).containsExactly("b.md");
  }

  @Test
  void updateWithoutChangesCommitsNothing() throws IOException {
    index(false);
    long generation;
    try (Directory dir = FSDirectory.open(indexDir)) {
      generation = org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getGeneration();
    }
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      IndexReport report = indexer.update(SiteWalker.walk(site), ParseOptions.DEFAULTS);
      assertThat(report.unchanged()).isEqualTo(3);
    }
    try (Directory dir = FSDirectory.open(indexDir)) {
      assertThat(org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getGeneration())
          .isEqualTo(generation);
    }
  }

  @Test
  void reindexReplacesChangedEntry() throws IOException {
    index(false);
    post("b.md", "Bravo", "2021-02-01", "The bravo entry now talks about haskell.");
    touch("b.md", 5_000);
    IndexReport report = index(false);
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.unchanged()).isEqualTo(2);
    assertThat(idsMatching(Fields.BODY, "haskel")).containsExactly("b.md");
    assertThat(idsMatching(Fields.BODY, "go")).isEmpty();
  }

  @Test
  void reindexDeletesVanishedEntry() throws IOException {
    index(false);
    Files.delete(site.resolve("c.md"));
    IndexReport report = index(false);
    assertThat(report.deleted()).isEqualTo(1);
    assertThat(report.entries()).isEqualTo(2);
    assertThat(idsMatching(Fields.ID, "c.md")).isEmpty();
  }

  @Test
  void reindexAddsNewEntry() throws IOException {
    index(false);
    post("d/d.md", "Delta", "2021-04-01", "Delta talks about ocaml.");
    IndexReport report = index(false);
    assertThat(report.added()).isEqualTo(1);
    assertThat(idsMatching(Fields.BODY, "ocaml")).containsExactly("d/d.md");
  }

  @Test
  void touchedButUnchangedFileCountsAsUnchanged() throws IOException {
    index(false);
    touch("a.md", 10_000);
    IndexReport report = index(false);
    assertThat(report.unchanged()).isEqualTo(3);
    assertThat(report.updated()).isZero();
  }

  @Test
  void fullRebuildRewritesEverythingAndSaysSo() throws IOException {
    index(false);
    IndexReport report = index(true);
    assertThat(report.updated()).isEqualTo(3); // it was "0 updated, 3 unchanged" (issue 10)
    assertThat(report.unchanged()).isZero();
    assertThat(report.entries()).isEqualTo(3);
    assertThat(idsMatching(Fields.BODY, "rust")).containsExactly("a.md");
  }

  @Test
  void entryThatBecomesADraftLeavesTheIndex() throws IOException {
    index(false);
    Files.writeString(site.resolve("a.md"), "---\ntitle: Alpha\ndraft: true\n---\nrust again\n");
    touch("a.md", 5_000);
    IndexReport report = index(false);
    assertThat(report.deleted()).isEqualTo(1);
    assertThat(report.skipped()).extracting(s -> s.path()).containsExactly("a.md");
    assertThat(idsMatching(Fields.KIND, Fields.KIND_ENTRY))
        .containsExactlyInAnyOrder("b.md", "c.md");
  }

  @Test
  void builtPageWinsOverItsMarkdownSourceAndTheSourceReturnsWhenThePageGoes() throws IOException {
    builtAlpha("The alpha page talks about rust.");
    IndexReport first = index(false);
    assertThat(first.entries()).isEqualTo(3);
    assertThat(first.skipped())
        .extracting(s -> s.reason())
        .containsExactly("same entry as alpha.html");
    Files.delete(site.resolve("alpha.html"));
    IndexReport second = index(false);
    assertThat(second.entries()).isEqualTo(3);
    assertThat(idsMatching(Fields.BODY, "rust")).containsExactly("a.md");
  }

  @Test
  void builtPageKeepsItsSourceTagsAcrossRuns() throws IOException {
    Files.writeString(
        site.resolve("a.md"),
        "---\ntitle: Alpha\ndate: 2021-01-01\ntags: [lisp]\n---\nThe alpha entry talks about rust.\n");
    builtAlpha("The alpha page talks about rust.");
    index(false);
    assertThat(idsMatching(Fields.TAG, "lisp")).containsExactly("alpha.html");
    builtAlpha("The alpha page now talks about zig.");
    touch("alpha.html", 5_000);
    IndexReport second = index(false);
    assertThat(second.updated()).isEqualTo(1);
    assertThat(idsMatching(Fields.TAG, "lisp")).containsExactly("alpha.html");
    Files.writeString(
        site.resolve("a.md"),
        "---\ntitle: Alpha\ndate: 2021-01-01\ntags: [scheme]\n---\nThe alpha entry talks about rust.\n");
    touch("a.md", 5_000);
    IndexReport third = index(false);
    assertThat(third.updated()).isEqualTo(1);
    assertThat(third.unchanged()).isEqualTo(2);
    assertThat(idsMatching(Fields.TAG, "scheme")).containsExactly("alpha.html");
    assertThat(idsMatching(Fields.TAG, "lisp")).isEmpty();
    Files.writeString(
        site.resolve("a.md"),
        "---\ntitle: Alpha\ndate: 2021-01-01\n---\nThe alpha entry talks about rust.\n");
    touch("a.md", 10_000);
    index(false);
    assertThat(idsMatching(Fields.TAG, "scheme")).isEmpty();
    Files.writeString(
        site.resolve("a.md"),
        "---\ntitle: Alpha\ndate: 2021-01-01\ntags: [ml]\n---\nThe alpha entry talks about rust.\n");
    touch("a.md", 15_000);
    index(false);
    assertThat(idsMatching(Fields.TAG, "ml")).containsExactly("alpha.html");
    Files.delete(site.resolve("a.md"));
    IndexReport last = index(false);
    assertThat(last.entries()).isEqualTo(3);
    assertThat(idsMatching(Fields.TAG, "ml")).isEmpty();
  }

  @Test
  void indexOfAnotherSchemaVersionIsRebuiltWithANotice() throws IOException {
    try (Directory dir = FSDirectory.open(indexDir);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
      Document old = new Document();
      old.add(
          new org.apache.lucene.document.StringField(
              Fields.ID, "old.md", org.apache.lucene.document.Field.Store.YES));
      writer.addDocument(old);
      writer.setLiveCommitData(Map.of("schema", "0").entrySet());
      writer.commit();
    }
    IndexReport report = index(false);
    assertThat(report.notices()).singleElement().asString().contains("rebuilding");
    assertThat(report.added()).isEqualTo(3);
    assertThat(idsMatching(Fields.ID, "old.md")).isEmpty();
  }

  @Test
  void secondWriterIsRefusedWithAClearMessage() throws IOException {
    try (EntryIndexer first = EntryIndexer.open(indexDir)) {
      assertThatThrownBy(() -> EntryIndexer.open(indexDir))
          .isInstanceOf(IndexUnavailableException.class)
          .hasMessageContaining("another archive process is writing to")
          .hasMessageContaining("'archive serve --watch'");
      assertThat(first.name()).isEqualTo("the index at " + indexDir);
    }
  }

  @Test
  void unreadableFileKeepsItsPreviousVersion() throws IOException {
    index(false);
    SiteScan scan = SiteWalker.walk(site);
    List<SourceFile> others =
        scan.files().stream().filter(f -> !f.relativePath().equals("b.md")).toList();
    SiteScan withUnreadable =
        new SiteScan(
            scan.root(), others, List.of(new Skip("b.md", "unreadable: permission denied", true)));
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      IndexReport report =
          indexer.index(withUnreadable, ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
      assertThat(report.entries()).isEqualTo(3);
      assertThat(report.deleted()).isZero();
    }
    assertThat(idsMatching(Fields.BODY, "go")).containsExactly("b.md");
  }

  @Test
  void aFileDeletedAfterTheWalkFailsWithAReasonNotItsPath() throws IOException {
    // The reason shown was the JDK's message, the file's absolute path (issue 10, hostile files).
    SiteScan scan = SiteWalker.walk(site);
    Files.delete(site.resolve("b.md"));

    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      IndexReport report =
          indexer.index(scan, ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
      assertThat(report.failed()).containsExactly(new Skip("b.md", "disappeared while being read"));
    }
  }

  @Test
  void fileThatTurnedBinaryIsDeleted() throws IOException {
    index(false);
    Files.write(site.resolve("b.md"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0});
    IndexReport report = index(false);
    assertThat(report.deleted()).isEqualTo(1);
    assertThat(report.skipped()).extracting(Skip::path).containsExactly("b.md");
  }

  @Test
  void aBinaryFileIsSkippedByNameOnEveryRunWhateverItIsCalled() throws IOException {
    byte[] png =
        "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(site.resolve("photo.html"), png);

    IndexReport first = index(false);
    IndexReport second = index(false); // unchanged: the skip is kept without reading it again

    for (IndexReport report : List.of(first, second)) {
      assertThat(report.entries()).isEqualTo(3);
      assertThat(report.skipped())
          .containsExactly(new Skip("photo.html", "binary file (PNG image)"));
    }
    assertThat(second.summary()).startsWith("3 entries: 0 new, 0 updated, 0 deleted, 3 unchanged");
  }

  @Test
  void aBinaryFileThatBecomesTextIsIndexed() throws IOException {
    Path file = site.resolve("d.md");
    Files.write(file, new byte[] {'#', ' ', 0, 0, 0});
    assertThat(index(false).skipped())
        .containsExactly(new Skip("d.md", "binary file (contains NUL bytes)"));

    post("d.md", "Delta", "2021-04-01", "The delta entry talks about ocaml.");
    IndexReport report = index(false);

    assertThat(report.added()).isEqualTo(1);
    assertThat(report.skipped()).isEmpty();
    assertThat(idsMatching(Fields.ID, "d.md")).containsExactly("d.md");
  }

  @Test
  void aFileThatCannotBeReadKeepsItsPreviousVersionAndSaysWhy() throws IOException {
    index(false);
    touch("b.md", 1000);
    SiteScan scan = SiteWalker.walk(site);
    Files.delete(site.resolve("b.md"));
    Files.createDirectory(site.resolve("b.md")); // between the walk and the read: reading fails

    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      IndexReport report =
          indexer.index(scan, ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
      assertThat(report.failed()).containsExactly(new Skip("b.md", "Is a directory"));
      assertThat(report.deleted()).isZero();
      assertThat(report.entries()).isEqualTo(3);
    }
    assertThat(idsMatching(Fields.BODY, "go")).containsExactly("b.md");
  }

  /** The built page of a.md: same title and date, so the two are one entry. */
  private void builtAlpha(String paragraph) throws IOException {
    Files.writeString(
        site.resolve("alpha.html"),
        "<html><head><title>Alpha</title>"
            + "<meta property=\"article:published_time\" content=\"2021-01-01\"></head>"
            + "<body><article><h1>Alpha</h1><p>"
            + paragraph
            + "</p></article></body></html>");
  }

  private void touch(String name, long plusMillis) throws IOException {
    Path file = site.resolve(name);
    FileTime time = Files.getLastModifiedTime(file);
    Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() + plusMillis));
  }

  private List<String> segmentNames() throws IOException {
    try (Directory dir = FSDirectory.open(indexDir)) {
      List<String> names = new ArrayList<>();
      for (var segment : org.apache.lucene.index.SegmentInfos.readLatestCommit(dir)) {
        names.add(segment.info.name + "/" + segment.getDelGen());
      }
      return names;
    }
  }
}
