package archive.index;

import java.util.List;
import org.apache.lucene.index.Term;

/** The names of every field in the index, and the schema version they belong to. */
public final class Fields {

  private Fields() {}

  /**
   * Bumped whenever a field, its type or the analysis changes; an index written under another
   * version is rebuilt.
   */
  public static final String SCHEMA_VERSION = "4";

  /**
   * The key for updates and deletes: the site-relative path of a source file, or the address of a
   * crawled page.
   */
  public static final String ID = "id";

  /**
   * Path of the source file relative to the indexed root, or the path of a crawled page's address;
   * stored for results.
   */
  public static final String PATH = "path";

  /**
   * Public URL of the entry: stored, and indexed whole, so that a server finds the entry a link
   * names.
   */
  public static final String URL = "url";

  /** Title: analysed (stemmed and exact forms) and stored. */
  public static final String TITLE = "title";

  /** Subtitle or description: analysed and stored. */
  public static final String SUBTITLE = "subtitle";

  /** Section headings: analysed only; the stored copy is {@link #SECTION_HEADING}. */
  public static final String HEADINGS = "headings";

  /** Tags as words: analysed only, so {@code kubernetes} also finds an entry tagged with it. */
  public static final String TAGS_TEXT = "tags_text";

  /** Tags normalised for exact filtering ({@code tag:ci}) and facet counts. */
  public static final String TAG = "tag";

  /** Tags as written, stored for display. */
  public static final String TAG_DISPLAY = "tag_display";

  /** The body text: analysed with offsets in the postings (for highlighting) and stored. */
  public static final String BODY = "body";

  /** Publication date as epoch day: point for ranges, doc values for sorting, stored. */
  public static final String DATE = "date";

  /** Publication year: point for {@code year:}, doc values for facets, stored. */
  public static final String YEAR = "year";

  /** {@code entry}, {@code list} or {@code skipped} (a source file that yields no entry). */
  public static final String KIND = "kind";

  /** BCP 47 language of the entry, empty when unknown. */
  public static final String LANG = "lang";

  /** {@code true} when indexed with {@code --drafts} from a draft. */
  public static final String DRAFT = "draft";

  /** Stored per section, in order: heading, anchor, level and start offset into {@link #BODY}. */
  public static final String SECTION_HEADING = "sec_heading";

  /** See {@link #SECTION_HEADING}. */
  public static final String SECTION_ANCHOR = "sec_anchor";

  /** See {@link #SECTION_HEADING}. */
  public static final String SECTION_LEVEL = "sec_level";

  /** See {@link #SECTION_HEADING}. */
  public static final String SECTION_START = "sec_start";

  /**
   * What an incremental run needs to know of a document, in one binary doc-values column: its id,
   * kind, content hash, the size and modification time of its source file, the keys under which it
   * may exist twice, why a skipped source yields no entry, and what a crawl keeps of a page for the
   * next (validators, links, sitemap date). Read only by the index stage.
   */
  public static final String BOOKKEEPING = "bookkeeping";

  /** Value of {@link #KIND} for entries. */
  public static final String KIND_ENTRY = "entry";

  /** Value of {@link #KIND} for list pages. */
  public static final String KIND_LIST = "list";

  /** Value of {@link #KIND} for source files that yield no entry. */
  public static final String KIND_SKIPPED = "skipped";

  /** The text fields a free-text query searches. */
  public static final List<String> TEXT_FIELDS =
      List.of(TITLE, SUBTITLE, HEADINGS, TAGS_TEXT, BODY);

  /** The normalised form of a tag, used both when indexing and for {@code tag:} filters. */
  public static String tagKey(String tag) {
    return tag.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** The term that identifies a document by id. */
  public static Term idTerm(String id) {
    return new Term(ID, id);
  }
}
