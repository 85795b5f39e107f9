package archive.ingest;

import archive.parse.Entry;
import archive.parse.EntryParser;
import archive.parse.ParseOptions;
import archive.parse.Section;
import archive.parse.UrlStyle;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A published blog on 127.0.0.1 for crawler tests: {@code examples/devlog} built to HTML (its
 * Markdown entries rendered at pretty URLs, its built pages as they are) with a home page, an RSS
 * feed, a sitemap index with a gzipped child and a robots.txt; plus the traps a crawler must get
 * right, each at a path named below. Every request is recorded with its headers.
 */
public final class TestBlog implements AutoCloseable {

  /** A link to another host, which a crawler must never fetch. */
  public static final String OFF_SITE = "http://other.invalid/elsewhere/";

  /** Disallowed by robots.txt. */
  public static final String DISALLOWED = "/private/secret/";

  /** Says noindex in its robots meta tag. */
  public static final String NOINDEX = "/hidden/";

  /** One of the example's own built pages, which says noindex too. */
  public static final String BUILT_NOINDEX = "/2023/11/private-notes/";

  /** A copy of an entry whose canonical link names the entry. */
  public static final String DUPLICATE = "/copy/";

  /** The first of three redirects, ending at an entry. */
  public static final String REDIRECTED = "/old/";

  /** Redirects into the folder robots.txt disallows. */
  public static final String TO_DISALLOWED = "/to-private/";

  /** Redirects to a page that redirects back. */
  public static final String LOOP = "/loop-a/";

  /** Answers 500. */
  public static final String BROKEN = "/broken/";

  /** Answers only after {@link #SLOW_MILLIS}: beyond a crawler's read timeout in tests. */
  public static final String SLOW = "/slow/";

  public static final long SLOW_MILLIS = 3_000;

  /** A 20 MB HTML page. */
  public static final String HUGE = "/huge/";

  /** A PDF. */
  public static final String NOT_HTML = "/slides.pdf";

  private static final Charset UTF8 = StandardCharsets.UTF_8;

  /**
   * Gives a test or {@code @BeforeEach} method a parameter {@code TestBlog blog}: a blog started
   * for that test and stopped after it.
   */
  public static final class Serving implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == TestBlog.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      ExtensionContext.Store store = context.getStore(ExtensionContext.Namespace.GLOBAL);
      return store
          .getOrComputeIfAbsent(
              TestBlog.class,
              key -> {
                try {
                  return new Stopping(start());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              Stopping.class)
          .blog();
    }

    /** Stopped by JUnit with the store it is kept in, after the test. */
    private record Stopping(TestBlog blog) implements AutoCloseable {
      @Override
      public void close() {
        blog.close();
      }
    }
  }

  /** One request as the server saw it. */
  public record Request(String method, String path, Map<String, List<String>> headers) {}

  private final HttpServer server;
  private final Map<String, String> entries = new ConcurrentHashMap<>(); // path → HTML
  private final Map<String, String> lastmods = new ConcurrentHashMap<>(); // path → sitemap date
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final String entryForRedirects;

  private final boolean traps;

  private TestBlog(HttpServer server, boolean traps) throws IOException {
    this.server = server;
    this.traps = traps;
    build(Path.of("examples/devlog"));
    this.entryForRedirects = new TreeMap<>(entries).firstKey();
  }

  /** Builds the site and starts serving it on a free port of 127.0.0.1. */
  public static TestBlog start() throws IOException {
    return start(true);
  }

  /**
   * Builds the site and serves it on a free port of 127.0.0.1.
   *
   * @param traps whether the home page links the traps; without them the blog is just the example,
   *     as the crawl benchmark measures it
   */
  public static TestBlog start(boolean traps) throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs:
    // some 40 ms per response on loopback, which would be the server's time, not the crawler's.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4)); // the slow page must not hold up others
    TestBlog blog = new TestBlog(server, traps);
    server.createContext("/", blog::handle);
    server.start();
    return blog;
  }

  /** The blog's address, such as {@code http://127.0.0.1:41234/}. */
  public URI root() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Paths of the entry pages, sorted: all a crawl should index but {@link #BUILT_NOINDEX}. */
  public List<String> entryPaths() {
    return List.copyOf(new TreeMap<>(entries).keySet());
  }

  /** Takes an entry off the site: from now on it is a 404 and no longer linked. */
  public void remove(String path) {
    entries.remove(path);
  }

  /**
   * Changes an entry: {@code html} is added at the end of its article, and the sitemap gives it
   * today's date.
   */
  public void edit(String path, String html) {
    entries.computeIfPresent(path, (p, page) -> page.replace("</article>", html + "</article>"));
    lastmods.put(path, java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
  }

  /**
   * Makes a path answer 500 from now on: {@code /robots.txt} to make the whole site unreadable, or
   * a page.
   */
  public void fail(String path) {
    failing.add(path);
  }

  /** Every request so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void build(Path site) throws IOException {
    ParseOptions options = new ParseOptions(null, UrlStyle.PRETTY, false);
    EntryParser parser = new EntryParser(options);
    for (SourceFile file : SiteWalker.walk(site).files()) {
      if (file.format() == Format.HTML) {
        String path = "/" + file.relativePath().replaceFirst("^site/", "");
        entries.put(path.replaceFirst("index\\.html$", ""), Files.readString(file.path()));
        continue;
      }
      Entry entry = parser.parse(file).found().orElse(null);
      if (entry != null && entry.url().endsWith("/") && !entry.url().equals("/posts/")) {
        entries.put(entry.url(), page(entry));
      }
    }
  }

  /**
   * An entry as a generator would publish it: title and date in the article's header, tags, and its
   * sections with ids.
   */
  private static String page(Entry entry) {
    StringBuilder html =
        new StringBuilder("<!doctype html><html lang=\"")
            .append(entry.lang().isEmpty() ? "en" : entry.lang())
            .append("\"><head><meta charset=\"utf-8\"><title>")
            .append(Entities.escape(entry.title()))
            .append("</title>");
    for (String tag : entry.tags()) {
      html.append("<meta property=\"article:tag\" content=\"")
          .append(Entities.escape(tag))
          .append("\">");
    }
    html.append("</head><body><nav><a href=\"/\">Home</a></nav><article><header><h1>")
        .append(Entities.escape(entry.title()))
        .append("</h1>");
    if (entry.date() != null) {
      html.append("<time datetime=\"").append(entry.date()).append("\">").append(entry.date());
      html.append("</time>");
    }
    html.append("</header>");
    for (Section section : entry.sections()) {
      if (section.level() > 0) {
        html.append("<h2 id=\"").append(Entities.escape(section.anchor())).append("\">");
        html.append(Entities.escape(section.heading())).append("</h2>");
      }
      html.append("<p>").append(Entities.escape(section.text())).append("</p>");
    }
    return html.append("</article></body></html>").toString();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders()));
    try (exchange) {
      route(exchange, path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void route(HttpExchange exchange, String path) throws IOException, InterruptedException {
    String root = root().toString();
    if (failing.contains(path)) {
      send(exchange, 500, "text/html", "<p>down for maintenance");
      return;
    }
    switch (path) {
      case "/" -> send(exchange, 200, "text/html; charset=utf-8", home());
      case "/robots.txt" -> send(exchange, 200, "text/plain", robots(root));
      case "/sitemap_index.xml" -> send(exchange, 200, "application/xml", sitemapIndex(root));
      case "/sitemap-posts.xml.gz" -> sendBytes(exchange, 200, "application/gzip", gzip(urlset()));
      case "/feed.xml" -> send(exchange, 200, "application/rss+xml", rss(root));
      case DISALLOWED, NOINDEX, DUPLICATE -> send(exchange, 200, "text/html", trap(path));
      case REDIRECTED -> redirect(exchange, "/older/");
      case TO_DISALLOWED -> redirect(exchange, DISALLOWED);
      case "/older/" -> redirect(exchange, "/oldest/");
      case "/oldest/" -> redirect(exchange, entryForRedirects);
      case LOOP -> redirect(exchange, "/loop-b/");
      case "/loop-b/" -> redirect(exchange, LOOP);
      case BROKEN -> send(exchange, 500, "text/html", "<p>broken");
      case SLOW -> {
        Thread.sleep(SLOW_MILLIS);
        send(exchange, 200, "text/html", "<p>late");
      }
      case HUGE -> huge(exchange);
      case NOT_HTML -> sendBytes(exchange, 200, "application/pdf", "%PDF-1.4".getBytes(UTF8));
      default -> entry(exchange, path);
    }
  }

  private void entry(HttpExchange exchange, String path) throws IOException {
    String html = entries.get(path);
    if (html == null) {
      send(exchange, 404, "text/html", "<p>not found");
      return;
    }
    String etag = "\"" + Integer.toHexString(html.hashCode()) + "\"";
    exchange.getResponseHeaders().set("ETag", etag);
    exchange.getResponseHeaders().set("Last-Modified", "Tue, 15 Nov 2022 12:45:26 GMT");
    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    send(exchange, 200, "text/html; charset=utf-8", html);
  }

  private String home() {
    StringBuilder html =
        new StringBuilder(
            "<!doctype html><html><head><title>Dev log</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\">"
                + "</head><body><h1>Dev log</h1><ul>");
    for (String path : entryPaths()) {
      html.append("<li><a href=\"").append(path).append("\">").append(path).append("</a>");
    }
    List<String> linked = traps ? TRAPS : List.of();
    for (String trap : linked) {
      html.append("<li><a href=\"").append(trap).append("\">").append(trap).append("</a>");
    }
    if (traps) {
      html.append("<li><a href=\"").append(OFF_SITE).append("\">elsewhere</a>");
    }
    return html.append("</ul></body></html>").toString();
  }

  private static final List<String> TRAPS =
      List.of(
          DISALLOWED,
          NOINDEX,
          DUPLICATE,
          REDIRECTED,
          TO_DISALLOWED,
          LOOP,
          BROKEN,
          SLOW,
          HUGE,
          NOT_HTML);

  private static String robots(String root) {
    return "User-agent: *\nDisallow: /private/\n\nSitemap: " + root + "sitemap_index.xml\n";
  }

  private static String sitemapIndex(String root) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<sitemap><loc>"
        + root
        + "sitemap-posts.xml.gz</loc></sitemap></sitemapindex>";
  }

  private String urlset() {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    String root = root().toString();
    for (String path : entryPaths()) {
      xml.append("<url><loc>").append(root).append(path.substring(1)).append("</loc>");
      xml.append("<lastmod>").append(lastmods.getOrDefault(path, "2022-11-15"));
      xml.append("</lastmod></url>");
    }
    return xml.append("</urlset>").toString();
  }

  private String rss(String root) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>");
    xml.append("<title>Dev log</title><link>").append(root).append("</link>");
    for (String path : entryPaths()) {
      xml.append("<item><title>").append(path).append("</title><link>").append(root);
      xml.append(path.substring(1)).append("</link></item>");
    }
    return xml.append("</channel></rss>").toString();
  }

  private String trap(String path) {
    String head =
        switch (path) {
          case NOINDEX -> "<meta name=\"robots\" content=\"noindex\">";
          case DUPLICATE ->
              "<link rel=\"canonical\" href=\"" + root() + entryForRedirects.substring(1) + "\">";
          default -> "";
        };
    String body = path.equals(DUPLICATE) ? entries.get(entryForRedirects) : "<p>Secret notes.";
    return "<!doctype html><html><head>"
        + head
        + "<title>"
        + path
        + "</title></head><body>"
        + body
        + "</body></html>";
  }

  private static void redirect(HttpExchange exchange, String to) throws IOException {
    exchange.getResponseHeaders().set("Location", to);
    exchange.sendResponseHeaders(301, -1);
  }

  private static void huge(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html");
    exchange.sendResponseHeaders(200, 20L * 1024 * 1024);
    byte[] chunk = "<p>filler filler filler filler</p>\n".repeat(1000).getBytes(UTF8);
    OutputStream out = exchange.getResponseBody();
    long left = 20L * 1024 * 1024;
    try {
      while (left > 0) {
        int n = (int) Math.min(chunk.length, left);
        out.write(chunk, 0, n);
        left -= n;
      }
    } catch (IOException e) {
      // the crawler hung up once it had read its cap: exactly what it should do
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    sendBytes(exchange, status, type, body.getBytes(UTF8));
  }

  private static void sendBytes(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(UTF8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The entry page every redirect and the duplicate point at. */
  public String entryForRedirects() {
    return entryForRedirects;
  }

  /** Paths requested so far, in order. */
  public List<String> requestedPaths() {
    List<String> paths = new ArrayList<>();
    requests.forEach(r -> paths.add(r.path()));
    return paths;
  }
}
