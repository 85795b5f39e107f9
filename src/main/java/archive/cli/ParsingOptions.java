package archive.cli;

import archive.parse.ParseOptions;
import archive.parse.UrlStyle;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * How entries are read, for the commands that read them ({@code index}, {@code show}): the same
 * options give the same entries.
 */
final class ParsingOptions {

  @Option(names = "--drafts", description = "Include entries marked draft: true.")
  boolean drafts;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Files only, not crawled pages: public address of the blog, e.g."
              + " https://blog.example.org/ (default: none, links stay site-relative).")
  @Nullable String baseUrl;

  @Option(
      names = "--url-style",
      paramLabel = "STYLE",
      defaultValue = "html",
      description =
          "Files only, not crawled pages: how a.md is published: html (a.html), pretty (a/) or"
              + " source (a.md). Default: ${DEFAULT-VALUE}.")
  UrlStyle urlStyle = UrlStyle.HTML;

  /** Whether an option that applies to files only was given. */
  boolean forFilesGiven() {
    return baseUrl != null || urlStyle != UrlStyle.HTML;
  }

  /** The options for files of a site folder. */
  ParseOptions forFiles() {
    return new ParseOptions(CommonOptions.baseUrl(baseUrl), urlStyle, drafts);
  }

  /** The options for crawled pages, which carry their own address. */
  ParseOptions forPages() {
    return new ParseOptions(null, UrlStyle.HTML, drafts);
  }
}
