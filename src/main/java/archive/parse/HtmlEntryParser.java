package archive.parse;

import archive.ingest.CrawledPage;
import archive.ingest.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads a built HTML page into an entry with jsoup: finds the main content, reads the metadata
 * before removing page chrome, then splits the content into sections. Thread-safe: all state is per
 * call.
 */
final class HtmlEntryParser {

  /** The skip reason of a page with text, none of which is the entry's own. */
  static final String NO_CONTENT = "no main content found";

  /** The skip reason of a page whose body has elements but no text. */
  static final String NO_TEXT = "no text in the page";

  /** The skip reason of a file with nothing in it but whitespace. */
  static final String EMPTY = "empty file";

  private final ParseOptions options;

  HtmlEntryParser(ParseOptions options) {
    this.options = options;
  }

  /** Parses the bytes of an HTML file. */
  ParseResult parse(SourceFile file, byte[] bytes) {
    String path = file.relativePath();
    List<Problem> problems = new ArrayList<>();
    if (isBlank(bytes)) {
      return ParseResult.skipped(EMPTY, problems);
    }
    Document doc = read(bytes, path, problems);
    return parse(doc, path, path, path, EntryUrls.of(path, null, null, options), problems);
  }

  /**
   * Parses a page fetched from a live site: its address is the entry's id, its canonical address
   * the entry's URL and that address's path the entry's path. The charset the server named wins
   * over the page's own, as in a browser.
   */
  ParseResult parsePage(CrawledPage page) {
    String path = page.path();
    List<Problem> problems = new ArrayList<>();
    String id = page.url().toString();
    Document doc = document(page.html(), page.charset(), id, problems);
    return parse(doc, asFile(path), id, path, page.canonical().toString(), problems);
  }

  /**
   * A URL path as the file a generator would have written for it ({@code /a/b/} is {@code
   * a/b/index.html}), so that dates and list pages are read from it as from a site's folder.
   */
  private static String asFile(String urlPath) {
    String path = urlPath.startsWith("/") ? urlPath.substring(1) : urlPath;
    int query = path.indexOf('?');
    path = query >= 0 ? path.substring(0, query) : path;
    return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
  }

  /**
   * Parses a page's document.
   *
   * @param path the page's path as a file, relative to the site, for its dates and list-ness
   * @param id the entry's id
   * @param shownPath the entry's path, as results show it
   * @param url the entry's public address
   */
  private ParseResult parse(
      Document doc, String path, String id, String shownPath, String url, List<Problem> problems) {
    if (isNoindex(doc)) {
      return ParseResult.skipped("noindex", problems);
    }
    boolean pageHasText = doc.body().hasText(); // before the title and the chrome are taken out
    ProseMap prose = ProseMap.of(doc.body());
    MainContent.Roots roots = MainContent.roots(doc, prose);
    Element content = roots.text();
    Map<String, List<String>> metas = HtmlMetadata.metas(doc); // read once, for title and fields
    Element h1 = HtmlMetadata.titleHeading(doc, metas, roots.root(), options.siteName());
    HtmlMetadata meta =
        HtmlMetadata.read(doc, metas, roots.root(), h1, path, options.siteName(), problems);
    if (h1 != null) {
      h1.remove(); // the title, not a section
    }
    boolean list =
        ListPageDetector.isListPath(path)
            || ListPageDetector.isListContent(content, prose, h1 != null);
    Boilerplate.prune(content, prose, list);
    List<Section> sections = HtmlSections.of(content);
    if (!SectionCollector.hasText(sections)) {
      return ParseResult.skipped(pageHasText ? NO_CONTENT : NO_TEXT, problems);
    }
    return ParseResult.parsed(entry(id, shownPath, url, meta, sections, list), problems);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        return false;
      }
    }
    return true;
  }

  private static Entry entry(
      String id, String path, String url, HtmlMetadata meta, List<Section> sections, boolean list) {
    return new Entry(
        id,
        path,
        url,
        meta.title(),
        meta.subtitle(),
        list ? null : meta.date(), // a list's <time>s are the dates of the entries it lists
        list ? null : meta.updated(),
        meta.tags(),
        meta.categories(),
        meta.lang(),
        list ? Kind.LIST : Kind.ENTRY,
        false,
        sections);
  }

  /**
   * Parses with jsoup's charset detection (BOM, then {@code <meta charset>}, then UTF-8). When that
   * lands on UTF-8 but the bytes are not UTF-8, the page is read again as windows-1252, the usual
   * charset of old hand-written pages.
   */
  private static Document read(byte[] bytes, String path, List<Problem> problems) {
    Document doc = parse(bytes, null);
    int badLine = doc.charset().equals(StandardCharsets.UTF_8) ? SourceText.badUtf8Line(bytes) : 0;
    if (badLine > 0) {
      problems.add(new Problem(path, badLine, "not valid UTF-8; read as windows-1252"));
      doc = parse(bytes, SourceText.WINDOWS_1252.name());
    }
    return doc;
  }

  /**
   * A fetched page's document: read with the charset its server named when that is one Java knows
   * (a byte-order mark still wins), else detected as {@link #read} does.
   *
   * @param where names the page in problems
   * @param problems receives a charset problem found while detecting
   */
  static Document document(
      byte[] bytes, @Nullable String charset, String where, List<Problem> problems) {
    if (charset != null && knownCharset(charset)) {
      return parse(bytes, charset);
    }
    if (charset != null) {
      problems.add(
          new Problem(
              where,
              0,
              "the server named an unknown charset \"" + charset + "\"; read as the page says"));
    }
    return read(bytes, where, problems);
  }

  private static boolean knownCharset(String name) {
    try {
      return Charset.isSupported(name);
    } catch (IllegalArgumentException e) { // an illegal name
      return false;
    }
  }

  private static Document parse(byte[] bytes, @Nullable String charset) {
    try {
      return Jsoup.parse(new ByteArrayInputStream(bytes), charset, "");
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a byte array cannot fail", e);
    }
  }

  /**
   * Whether a robots meta tag, for every crawler or for ours, says {@code noindex} or {@code none}.
   */
  static boolean isNoindex(Document doc) {
    return RobotsMeta.noindex(RobotsMeta.directives(doc));
  }
}
