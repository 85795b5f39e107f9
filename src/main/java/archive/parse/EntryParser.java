package archive.parse;

import archive.ingest.SourceFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
   * {@code "noindex"}, {@code "empty file"}), plus any problems found on the way.
   *
   * @param file the file; its relative path becomes the entry's id and path
   * @throws IOException only when the file cannot be read at all
   */
  public ParseResult parse(SourceFile file) throws IOException {
    Objects.requireNonNull(file, "file");
    byte[] bytes = Files.readAllBytes(file.path());
    return switch (file.format()) {
      case MARKDOWN -> markdown.parse(file, bytes);
      case HTML -> html.parse(file, bytes);
    };
  }

  /**
   * Parses a page fetched from a live site, as {@link #parse(SourceFile)} parses a built page; its
   * base URL and URL style do not apply, since the page's address is known.
   *
   * @param url the page's address, which becomes the entry's URL
   * @param path the address's path, which becomes the entry's id and path
   * @param html the page as served
   * @param charset the charset the server named, or null to read it from the page
   */
  public ParseResult parsePage(URI url, String path, byte[] html, @Nullable String charset) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(html, "html");
    return this.html.parsePage(url, path, html, charset);
  }

  /** The options this parser was made with. */
  public ParseOptions options() {
    return options;
  }
}
