package archive.index;

import archive.ingest.Revisit;
import archive.parse.Entry;
import archive.parse.Kind;
import archive.parse.Section;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/** Turns an {@link Entry} into a Lucene {@link Document}; the one place that knows field types. */
final class Schema {

  /** Analysed text with positions (phrases), not stored: stored copies are separate fields. */
  private static final FieldType TEXT = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  /**
   * Body text also carries offsets in the postings, so the highlighter reads match positions
   * instead of analysing the stored text again for every result.
   */
  static final FieldType BODY_TEXT =
      textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  private Schema() {}

  private static FieldType textType(IndexOptions options) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setIndexOptions(options);
    type.freeze();
    return type;
  }

  /** The document for an entry, with its bookkeeping (hash, source stat, same-as keys). */
  static Document entry(Entry entry, Bookkeeping bookkeeping) throws IOException {
    Analyzer analyzer = Analysis.indexAnalyzer(entry.lang());
    Document doc = new Document();
    String kind = entry.kind() == Kind.LIST ? Fields.KIND_LIST : Fields.KIND_ENTRY;
    keys(doc, entry.id(), kind);
    doc.add(bookkeeping.of(entry.id(), kind, null).field());
    doc.add(new StoredField(Fields.PATH, entry.path()));
    doc.add(new StringField(Fields.URL, entry.url(), Field.Store.YES));
    doc.add(new StringField(Fields.LANG, entry.lang(), Field.Store.YES));
    text(doc, analyzer, Fields.TITLE, entry.title(), TEXT, true);
    if (entry.subtitle() != null) {
      text(doc, analyzer, Fields.SUBTITLE, entry.subtitle(), TEXT, true);
    }
    String headings =
        entry.sections().stream().map(Section::heading).collect(Collectors.joining("\n"));
    text(doc, analyzer, Fields.HEADINGS, headings, TEXT, false);
    text(doc, analyzer, Fields.BODY, entry.text(), BODY_TEXT, true);
    tags(doc, analyzer, entry.tags());
    date(doc, entry);
    sections(doc, entry.sections());
    if (entry.draft()) {
      doc.add(new StringField(Fields.DRAFT, "true", Field.Store.YES));
    }
    return doc;
  }

  /** The placeholder for a source file that yields no entry, so an unchanged one is not re-read. */
  static Document skipped(String id, String reason, Bookkeeping bookkeeping) throws IOException {
    Document doc = new Document();
    keys(doc, id, Fields.KIND_SKIPPED);
    doc.add(bookkeeping.of(id, Fields.KIND_SKIPPED, reason).field());
    return doc;
  }

  private static void keys(Document doc, String id, String kind) {
    doc.add(new StringField(Fields.ID, id, Field.Store.YES));
    doc.add(new StringField(Fields.KIND, kind, Field.Store.YES));
  }

  private static void text(
      Document doc, Analyzer analyzer, String field, String value, FieldType type, boolean store) {
    doc.add(new Field(field, analyzer.tokenStream(field, value), type));
    if (store) {
      doc.add(new StoredField(field, value));
    }
  }

  private static void tags(Document doc, Analyzer analyzer, List<String> tags) {
    Set<String> keys = new LinkedHashSet<>();
    for (String tag : tags) {
      String key = Fields.tagKey(tag);
      if (!key.isEmpty() && keys.add(key)) {
        doc.add(new StringField(Fields.TAG, key, Field.Store.NO));
        doc.add(new SortedSetDocValuesField(Fields.TAG, new BytesRef(key)));
        doc.add(new StoredField(Fields.TAG_DISPLAY, tag.strip()));
      }
    }
    if (!keys.isEmpty()) {
      text(doc, analyzer, Fields.TAGS_TEXT, String.join("\n", tags), TEXT, false);
    }
  }

  private static void date(Document doc, Entry entry) {
    if (entry.date() == null) {
      return;
    }
    long day = entry.date().toEpochDay();
    doc.add(new LongPoint(Fields.DATE, day));
    doc.add(new NumericDocValuesField(Fields.DATE, day));
    doc.add(new StoredField(Fields.DATE, day));
    int year = entry.date().getYear();
    doc.add(new IntPoint(Fields.YEAR, year));
    doc.add(new NumericDocValuesField(Fields.YEAR, year));
  }

  private static void sections(Document doc, List<Section> sections) {
    int start = 0;
    for (Section section : sections) {
      doc.add(new StoredField(Fields.SECTION_HEADING, section.heading()));
      doc.add(new StoredField(Fields.SECTION_ANCHOR, section.anchor()));
      doc.add(new StoredField(Fields.SECTION_LEVEL, section.level()));
      doc.add(new StoredField(Fields.SECTION_START, start));
      start += section.text().length() + 1; // Entry.text() puts one separator between sections
    }
  }

  /**
   * What an incremental run needs to know about a source, kept with its document in {@link
   * Fields#BOOKKEEPING}.
   *
   * @param hash the entry's content hash; empty on skipped documents
   * @param sourceStat a source file's size and modification time; empty for crawled pages
   * @param sameAsKeys keys under which the entry may exist twice
   * @param revisit what a crawl keeps of a page for the next; null for files
   */
  record Bookkeeping(
      String hash, String sourceStat, List<String> sameAsKeys, @Nullable Revisit revisit) {

    Bookkeeping {
      sameAsKeys = List.copyOf(sameAsKeys);
    }

    /** The bookkeeping of a source file. */
    Bookkeeping(String hash, String sourceStat, List<String> sameAsKeys) {
      this(hash, sourceStat, sameAsKeys, null);
    }

    /** The bookkeeping of a crawled page. */
    static Bookkeeping crawled(String hash, @Nullable Revisit revisit) {
      return new Bookkeeping(hash, "", List.of(), revisit);
    }

    /** The bookkeeping of one document, as the next run reads it back. */
    KnownDocs.Known of(String id, String kind, @Nullable String skipReason) {
      return new KnownDocs.Known(id, kind, hash, sourceStat, sameAsKeys, skipReason, revisit);
    }
  }
}
