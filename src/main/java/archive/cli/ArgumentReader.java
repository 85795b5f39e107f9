package archive.cli;

import archive.ingest.CrawledPage;
import archive.ingest.Format;
import archive.ingest.PageVisit;
import archive.ingest.SiteCrawl;
import archive.ingest.SiteScan;
import archive.ingest.SiteWalker;
import archive.ingest.Skip;
import archive.ingest.SourceFile;
import archive.parse.EntryParser;
import archive.parse.HtmlLinks;
import archive.parse.ParseOptions;
import archive.parse.ParseResult;
import archive.parse.SiteNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the arguments of {@code archive show} as {@code archive index} would read them: a file
 * through the same walk rules and parser, an http(s) address through the same crawl of one page.
 * Each argument is read on its own; what goes wrong with one is a {@link Reading} with an error,
 * never an exception, so that the others are still shown.
 */
final class ArgumentReader {

  private final EntryParser files;
  private final EntryParser pages;
  private final @Nullable Path site;
  private final Path workingFolder;

  /**
   * @param files the options for files, as {@code archive index FOLDER} takes them
   * @param pages the options for crawled pages, as {@code archive index URL} takes them
   * @param site the real path of the folder files are read under, or null to choose per file
   */
  ArgumentReader(ParseOptions files, ParseOptions pages, @Nullable Path site) throws IOException {
    this.files = new EntryParser(site == null ? files : withSiteName(files, site));
    this.pages = new EntryParser(pages);
    this.site = site;
    this.workingFolder = Path.of("").toRealPath();
  }

  /** The options with the name a site's pages share in their titles, as the index learns it. */
  private static ParseOptions withSiteName(ParseOptions options, Path site) throws IOException {
    List<Path> pages =
        SiteWalker.walk(site).files().stream()
            .filter(f -> f.format() == Format.HTML)
            .map(SourceFile::path)
            .toList();
    return options.withSiteName(SiteNames.of(site, pages).orElse(null));
  }

  /** Reads one argument: a file, or a page's http(s) address. */
  Reading read(String argument) throws InterruptedException {
    try {
      return CommonOptions.isAddress(argument) ? page(argument) : file(argument);
    } catch (IOException | RuntimeException e) {
      return Reading.failed(argument, argument + ": " + Errors.message(e), e);
    } catch (StackOverflowError e) {
      return Reading.skipped(argument, ParseResult.TOO_DEEP); // as archive index skips it
    }
  }

  private Reading file(String argument) throws IOException {
    Path given;
    try {
      given = Path.of(argument);
    } catch (InvalidPathException e) {
      return Reading.failed(argument, argument + " is not a path here: " + e.getReason(), e);
    }
    if (!Files.exists(given, LinkOption.NOFOLLOW_LINKS)) {
      return Reading.failed(
          argument,
          "no such file: "
              + argument
              + " — check the path (a page's address needs its http:// or https://)");
    }
    if (Files.isDirectory(given)) {
      return Reading.failed(
          argument,
          argument + " is a folder — give files in it, or index it with archive index " + argument);
    }
    Path located = SiteWalker.located(given);
    if (site != null && !located.startsWith(site)) {
      return Reading.failed(
          argument,
          argument
              + " is not inside --site "
              + site
              + " — give a file below it, or another --site");
    }
    return walked(argument, SiteWalker.file(root(located), located));
  }

  /**
   * The folder a file is read under: {@code --site}, else the working folder when the file is
   * inside it, else the file's own folder.
   */
  private Path root(Path located) {
    if (site != null) {
      return site;
    }
    Path folder = located.getParent();
    return located.startsWith(workingFolder) || folder == null ? workingFolder : folder;
  }

  /** What the walk made of the file: parsed, skipped as the index would skip it, or refused. */
  private Reading walked(String argument, SiteScan scan) throws IOException {
    if (!scan.files().isEmpty()) {
      return Reading.read(argument, files.parse(scan.files().get(0)));
    }
    if (scan.skipped().isEmpty()) {
      return Reading.failed(
          argument, argument + " is not an entry — give a .md, .markdown, .html or .htm file");
    }
    Skip skip = scan.skipped().get(0);
    if (skip.unreadable()) {
      return Reading.failed(
          argument, argument + ": " + skip.reason() + " — check that you may read it");
    }
    return Reading.skipped(argument, skip.reason());
  }

  private Reading page(String argument) throws InterruptedException {
    SiteCrawl crawl;
    try {
      crawl = SiteCrawl.of(argument);
    } catch (IllegalArgumentException e) {
      return Reading.failed(
          argument,
          "not a page's address: "
              + argument
              + " — give one such as https://blog.example.org/2021/01/a-post/",
          e);
    }
    PageVisit visit = crawl.visitStart(new HtmlLinks());
    CrawledPage page = visit.page();
    if (page != null) {
      return Reading.read(argument, pages.parsePage(page));
    }
    String skipReason = visit.skipReason();
    if (skipReason != null) {
      return Reading.skipped(argument, skipReason);
    }
    return Reading.failed(
        argument,
        "could not fetch "
            + visit.url()
            + ": "
            + visit.failure()
            + " — check that it opens in a browser");
  }
}
