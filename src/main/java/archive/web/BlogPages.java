package archive.web;

import archive.ingest.PercentEncoding;
import archive.parse.MarkdownHtml;
import archive.search.IndexSource;
import archive.search.Searcher;
import archive.search.StoredEntry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;

/**
 * The blog itself, for an index built from a folder with site-relative URLs: every result link
 * lands here. An entry's URL shows the entry: a built page as it is, a Markdown entry rendered (or,
 * when its file is gone, from the text the index keeps); any other path is a file of the folder.
 */
final class BlogPages {

  private static final Logger LOG = LoggerFactory.getLogger(BlogPages.class);
  private static final int RELATED = 5;

  /**
   * What blog files may load and run: the blogger's own pages keep their inline styles and scripts,
   * but nothing may frame them.
   */
  static final String FILE_POLICY = "frame-ancestors 'self'";

  /** Rendered entries: the page policy, plus images from anywhere an entry links them. */
  static final String ENTRY_POLICY =
      Headers.PAGE_POLICY.replace("img-src 'self' data:", "img-src 'self' data: https:");

  private final Searcher searcher;
  private final Layout layout;
  private final Path indexDir;
  private volatile @Nullable Served served;

  /** The folder being served, for the source it was made from. */
  private record Served(IndexSource source, @Nullable BlogFiles files) {}

  BlogPages(Searcher searcher, Layout layout, Path indexDir) {
    this.searcher = searcher;
    this.layout = layout;
    this.indexDir = indexDir;
  }

  /**
   * Says what cannot be served, once: a folder that has moved since it was indexed. Empty when all
   * is well or the index is not of a folder.
   */
  Optional<String> check() throws IOException {
    Served now = current();
    if (now == null || now.files() != null) {
      return Optional.empty();
    }
    return Optional.of(
        "the index was built from "
            + now.source().location()
            + ", which is not there any more: entries are shown from the text the index keeps,"
            + " and the blog's other files (images, styles) are not served; run 'archive index"
            + " FOLDER' where the blog is now");
  }

  /** The files of the indexed folder, if the index is of a folder with site-relative URLs. */
  private @Nullable Served current() throws IOException {
    IndexSource source = searcher.source().orElse(null);
    if (source == null || !source.siteRelative()) {
      return null;
    }
    Served last = served;
    if (last != null && last.source().equals(source) && last.files() != null) {
      return last; // a folder that was missing is looked for again: it may be back
    }
    BlogFiles files;
    try {
      files = new BlogFiles(Path.of(source.location()), indexDir);
    } catch (NoSuchFileException e) {
      files = null;
    }
    Served now = new Served(source, files);
    served = now;
    return now;
  }

  /** Answers any path the server's own routes do not: an entry, a blog file, or a 404. */
  Object serve(Request req, Response res) throws IOException {
    String rawPath = req.raw().getRequestURI();
    Served now = current();
    StoredEntry entry = now == null ? null : entry(rawPath);
    if (now != null && entry != null) {
      return entry(entry, now.files(), req, res);
    }
    BlogFiles.Found found =
        now == null || now.files() == null ? new BlogFiles.Missing() : now.files().find(rawPath);
    if (found instanceof BlogFiles.File file) {
      return file(file, req, res);
    }
    if (found instanceof BlogFiles.Slash slash) {
      res.redirect(slash.location(), 301);
      return "";
    }
    return ArchiveServer.errorBody(layout, req, res, 404, noPage(req));
  }

  private @Nullable StoredEntry entry(String rawPath) throws IOException {
    Optional<StoredEntry> exact = searcher.entryAt(rawPath);
    if (exact.isPresent()) {
      return exact.get();
    }
    try { // the same path with its escapes written as the index writes them
      String canonical = new URI(null, null, PercentEncoding.decode(rawPath), null).toASCIIString();
      return canonical.equals(rawPath) ? null : searcher.entryAt(canonical).orElse(null);
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return null;
    }
  }

  private Object entry(StoredEntry entry, @Nullable BlogFiles files, Request req, Response res)
      throws IOException {
    Path source = files == null ? null : files.source(entry.path());
    if (source != null && !entry.isMarkdown()) {
      return file(new BlogFiles.File(source, "text/html"), req, res);
    }
    String body = source == null ? EntryPage.storedBody(entry) : rendered(entry, source);
    res.type("text/html; charset=utf-8");
    res.raw().setHeader("Content-Security-Policy", ENTRY_POLICY);
    String main =
        EntryPage.render(
            entry,
            body,
            searcher.neighbours(entry.url()),
            searcher.related(entry.url(), RELATED),
            back(req));
    return layout.page(entry.title(), "", main);
  }

  /**
   * A Markdown entry's body rendered from its file; if the file has become something the renderer
   * cannot take (nested past any limit, say), the text the index keeps instead of an error page.
   */
  private static String rendered(StoredEntry entry, Path source) throws IOException {
    byte[] bytes = Files.readAllBytes(source);
    try {
      return MarkdownHtml.render(bytes, entry.path());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("{}: cannot render it ({}); showing the text the index keeps", entry.path(), e);
      return EntryPage.storedBody(entry);
    }
  }

  /** The search a reader came from, when they came from one on this server; else the home page. */
  private static String back(Request req) {
    String referer = req.headers("Referer");
    if (referer == null) {
      return "/";
    }
    try {
      URI from = URI.create(referer);
      String host = req.headers("Host");
      if (host != null
          && host.equalsIgnoreCase(from.getRawAuthority())
          && "/search".equals(from.getRawPath())
          && from.getRawQuery() != null) {
        return "/search?" + from.getRawQuery();
      }
    } catch (IllegalArgumentException e) {
      LOG.debug("unreadable Referer {}", referer);
    }
    return "/";
  }

  private static Object file(BlogFiles.File file, Request req, Response res) throws IOException {
    long modified = Files.getLastModifiedTime(file.path()).toMillis() / 1000 * 1000;
    long since = ifModifiedSince(req);
    res.raw().setHeader("Content-Security-Policy", FILE_POLICY);
    res.raw().setDateHeader("Last-Modified", modified);
    res.header("Cache-Control", "no-cache"); // the blog may change under the server: revalidate
    if (since >= modified) {
      res.status(304);
      return "";
    }
    res.type(file.type());
    res.raw().setContentLengthLong(Files.size(file.path()));
    if (req.requestMethod().equals("HEAD")) {
      return "";
    }
    InputStream in = Files.newInputStream(file.path()); // Spark copies it out and closes it
    return in;
  }

  /** The request's If-Modified-Since in milliseconds, or -1 when absent or unreadable. */
  private static long ifModifiedSince(Request req) {
    try {
      return req.raw().getDateHeader("If-Modified-Since");
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /** The message of a 404, for readers: "There is no page at /a/b." */
  static String noPage(Request req) {
    String path = req.pathInfo();
    return "There is no page at " + (path.length() > 80 ? path.substring(0, 80) + "…" : path) + ".";
  }
}
