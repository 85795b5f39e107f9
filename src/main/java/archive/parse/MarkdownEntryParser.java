package archive.parse;

import archive.ingest.SourceFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown file with optional front matter into an entry. Thread-safe: the commonmark
 * parser keeps no state between calls, and everything else is per call.
 */
final class MarkdownEntryParser {

  /** Reads Markdown with GitHub tables; shared by the page renderer, so both see one tree. */
  static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  /** Reads Markdown as {@link #PARSER} does, but with tables as plain text. */
  private static final Parser WITHOUT_TABLES = Parser.builder().build();

  private final ParseOptions options;

  MarkdownEntryParser(ParseOptions options) {
    this.options = options;
  }

  /** Parses the bytes of a Markdown file. */
  ParseResult parse(SourceFile file, byte[] bytes) {
    String path = file.relativePath();
    List<Problem> problems = new ArrayList<>();
    SourceText.Decoded decoded = SourceText.decode(bytes);
    if (decoded.badUtf8Line() > 0) {
      problems.add(
          new Problem(path, decoded.badUtf8Line(), "not valid UTF-8; read as windows-1252"));
    }
    FrontMatter frontMatter = FrontMatterReader.read(decoded.text(), path, problems);
    FrontMatterFields fields = FrontMatterFields.read(frontMatter, path, problems);
    if (fields.noindex()) {
      return ParseResult.skipped("noindex", problems);
    }
    if (fields.draft() && !options.includeDrafts()) {
      return ParseResult.skipped(ParseResult.DRAFT, problems);
    }
    MarkdownSections.Result body =
        MarkdownSections.of(document(frontMatter.body(), path, problems), fields.title() == null);
    if (fields.title() == null && !SectionCollector.hasText(body.sections())) {
      return ParseResult.skipped("empty file", problems);
    }
    return ParseResult.parsed(entry(path, fields, body, problems), problems);
  }

  /**
   * The tree of a Markdown body. The tables extension throws on a table of more than {@value
   * TablesExtension#DEFAULT_MAX_CELLS} cells, which a few kilobytes can ask for, as short rows are
   * padded to the header's width; such a body is read with its tables as plain text, so the file is
   * still indexed rather than failed (issue 10, hostile files).
   *
   * @param problems receives the reason when tables were given up
   */
  static Node document(String body, String path, List<Problem> problems) {
    try {
      return PARSER.parse(body);
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              path,
              0,
              "a table has more than 1,000,000 cells; its text is read without the table"));
      return WITHOUT_TABLES.parse(body);
    }
  }

  private Entry entry(
      String path, FrontMatterFields fields, MarkdownSections.Result body, List<Problem> problems) {
    String title = fields.title() != null ? fields.title() : body.title();
    LocalDate date =
        fields.date() != null ? fields.date() : FileNames.jekyllDate(path).orElse(null);
    boolean list = fields.list() || ListPageDetector.isListPath(path);
    return new Entry(
        path,
        path,
        EntryUrls.of(path, fields.url(), fields.slug(), options),
        Titles.bounded(title != null ? title : FileNames.words(path), path, problems),
        fields.subtitle(),
        date,
        fields.updated(),
        fields.tags(),
        fields.categories(),
        fields.lang(),
        list ? Kind.LIST : Kind.ENTRY,
        fields.draft(),
        body.sections());
  }
}
