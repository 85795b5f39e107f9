package archive.parse;

import archive.ingest.CrawledPage;
import archive.ingest.Sniffer;
import archive.ingest.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one source file into an {@link Entry}: Markdown with front matter through commonmark, HTML
 * through jsoup. Lenient: bad markup, broken front matter or an odd date is a {@link Problem},
 * never an exception. Thread-safe.
 */
public final class EntryParser {

  private final ParseOptions options;
  private final MarkdownEntryParser markdown;
  private final HtmlEntryParser html;

  /** A parser for the given options. */
  public EntryParser(ParseOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.markdown = new MarkdownEntryParser(options);
    this.html = new HtmlEntryParser(options);
  }

  /**
   * Parses one file. The result holds an entry, or the reason there is none ({@code "draft"},
   * {@code "noindex"}, {@code "empty file"}, {@code "binary file (PNG image)"}), plus any problems
   * found on the way.
   *
   * @param file the file; its relative path becomes the entry's id and path
   * @throws IOException only when the file cannot be read at all
   */
  public ParseResult parse(SourceFile file) throws IOException {
    Objects.requireNonNull(file, "file");
    byte[] bytes = Files.readAllBytes(file.path());
    Optional<String> notText = Sniffer.notText(bytes);
    if (notText.isPresent()) {
      return ParseResult.skipped(notText.get(), List.of());
    }
    return switch (file.format()) {
      case MARKDOWN -> markdown.parse(file, bytes);
      case HTML -> html.parse(file, bytes);
    };
  }

  /**
   * Parses a page fetched from a live site, as {@link #parse(SourceFile)} parses a built page. Its
   * address is the entry's id; its canonical address the entry's URL, and that address's path the
   * entry's path, so that results look as they would from the site's folder. The base URL and URL
   * style do not apply, since the page's address is known.
   */
  public ParseResult parsePage(CrawledPage page) {
    Objects.requireNonNull(page, "page");
    return html.parsePage(page);
  }

  /** The options this parser was made with. */
  public ParseOptions options() {
    return options;
  }
}
