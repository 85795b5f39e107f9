package archive.parse;

import archive.ingest.SourceFile;
import java.io.IOException;
import java.util.Objects;

/**
 * Reads one source file into an {@link Entry}: Markdown with front matter through commonmark, HTML
 * through jsoup. Lenient: bad markup, broken front matter or an odd date is a {@link Problem},
 * never an exception. Thread-safe.
 */
public final class EntryParser {

  private final ParseOptions options;

  /** A parser for the given options. */
  public EntryParser(ParseOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Parses one file.
   *
   * @throws IOException only when the file cannot be read at all
   */
  public ParseResult parse(SourceFile file) throws IOException {
    Objects.requireNonNull(file, "file");
    throw new UnsupportedOperationException("not yet implemented: " + options);
  }
}
