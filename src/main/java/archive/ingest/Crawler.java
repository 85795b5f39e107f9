package archive.ingest;

import archive.ingest.FetchResult.Outcome;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One crawl of a live site: robots.txt first, then the sitemaps it names (or {@code /sitemap.xml}),
 * the home page and the feeds it links, then same-site links breadth-first, within the page and
 * depth limits. Every page it fetches is fetched once, politely ({@link Fetcher}); what it finds it
 * tells a {@link CrawlSink} as it goes. Reading HTML is the parse stage's ({@link LinkFinder}).
 */
final class Crawler {

  /** The most pages one crawl fetches. */
  static final int MAX_PAGES = 10_000;

  /**
   * The most links followed from the home page or a sitemap to reach a page. Far deeper than the
   * design brief's 10: a blog without a sitemap reaches its old posts through pagination, one link
   * deeper per page of ten posts, so a 1,500-post blog is 150 deep. The page limit, not the depth,
   * is what bounds a crawler trap; at 1,000 the depth binds only past it.
   */
  static final int MAX_DEPTH = 1_000;

  private final CrawlScope scope;
  private final Fetcher fetcher;
  private final LinkFinder links;
  private final Map<URI, Revisit> previous;
  private final CrawlSink sink;
  private final int maxDepth;
  private final Set<URI> tooDeep = new HashSet<>();
  private final Queue<Visit> queue = new ArrayDeque<>();
  private final Set<URI> queued = new HashSet<>();
  private final Map<String, URI> hashes = new HashMap<>();

  /** Pages skipped as copies, and the canonical address each named. */
  private final Map<URI, URI> copies = new HashMap<>();

  private final List<String> incomplete = new ArrayList<>();
  private RobotsTxt robots = RobotsTxt.allowAll();
  private boolean readsFeeds = true; // the home page's feeds, unless only one page is wanted
  private @Nullable URI visiting;
  private int visited;
  private int requested;
  private int notModified;
  private int notRequested;

  /** A page to visit, and the lastmod its sitemap gave it (null when none did). */
  private record Visit(URI url, int depth, @Nullable Instant lastmod) {}

  /**
   * @param previous what the last crawl kept of each page it came across, by address: validators to
   *     ask whether the page changed, its links to follow when it did not, its sitemap lastmod
   * @param sink told of each page as the crawl goes
   */
  Crawler(
      CrawlScope scope,
      Fetcher fetcher,
      LinkFinder links,
      Map<URI, Revisit> previous,
      CrawlSink sink) {
    this(scope, fetcher, links, previous, sink, MAX_DEPTH);
  }

  /** A crawler that follows links at most {@code maxDepth} deep (tests use a shallow one). */
  Crawler(
      CrawlScope scope,
      Fetcher fetcher,
      LinkFinder links,
      Map<URI, Revisit> previous,
      CrawlSink sink,
      int maxDepth) {
    this.maxDepth = maxDepth;
    this.scope = scope;
    this.fetcher = fetcher;
    this.links = links;
    this.previous = Map.copyOf(previous);
    this.sink = sink;
    fetcher.obey(url -> robots.allowed(pathAndQuery(url))); // redirects too, as robots.txt is read
    // A page reached by a redirect is asked whether it changed, as if it had been asked directly.
    fetcher.validatorsFrom(
        url ->
            scope
                .normalise(url.toString(), url)
                .map(this.previous::get)
                .map(Revisit::validators)
                .orElse(null));
    // A redirect to a page the crawl has queued stops there: that page is fetched once, on its own.
    fetcher.stopAt(
        url ->
            scope
                .normalise(url.toString(), url)
                .filter(u -> queued.contains(u) && !u.equals(visiting))
                .isPresent());
  }

  /**
   * Crawls the site, telling the sink of each page.
   *
   * @throws IOException when the sink fails; the crawl stops there
   * @throws InterruptedException when interrupted; the crawl stops there
   */
  CrawlTotals crawl() throws IOException, InterruptedException {
    URI start = scope.start();
    Optional<String> unreadable = readRobots(start.resolve("/robots.txt"));
    if (unreadable.isPresent()) {
      incomplete.add(unreadable.get() + ", so nothing was crawled");
      return new CrawlTotals(requested, notModified, notRequested, incomplete);
    }
    List<String> sitemaps =
        robots.sitemaps().isEmpty()
            ? List.of(start.resolve("/sitemap.xml").toString())
            : robots.sitemaps();
    enqueue(start, 0, null);
    for (String sitemap : sitemaps) {
      Optional<URI> url = scope.normalise(sitemap, start).filter(scope::inScope);
      if (url.isPresent()) {
        readSitemap(url.get(), 0, !robots.sitemaps().isEmpty());
      }
    }
    while (!queue.isEmpty() && visited < MAX_PAGES) {
      visit(queue.remove());
      visited++;
      sink.progress(visited, queued.size());
    }
    if (!queue.isEmpty()) {
      incomplete.add("stopped at " + MAX_PAGES + " pages; " + queue.size() + " were left");
    }
    tooDeep.removeAll(queued); // reached by a shorter path after all
    if (!tooDeep.isEmpty()) {
      incomplete.add(tooDeep.size() + " links more than " + maxDepth + " deep were not followed");
    }
    return new CrawlTotals(requested, notModified, notRequested, incomplete);
  }

  /**
   * Fetches the start page alone, as {@link #crawl} would fetch it (robots.txt first, then the
   * page, its redirects, its robots directives and its canonical address), and tells the sink of
   * it. Nothing else is fetched: no sitemap, feed or link.
   *
   * @throws IOException when the sink fails
   * @throws InterruptedException when interrupted
   */
  void visitStart() throws IOException, InterruptedException {
    URI start = scope.start();
    Optional<String> unreadable = readRobots(start.resolve("/robots.txt"));
    if (unreadable.isPresent()) {
      sink.failed(start, unreadable.get() + ", so the page may not be fetched");
      return;
    }
    readsFeeds = false;
    visit(new Visit(start, 0, null));
  }

  /**
   * Reads robots.txt; when it could not be read, says why, and nothing may be fetched (RFC 9309:
   * unreachable or 5xx means everything is disallowed).
   */
  private Optional<String> readRobots(URI url) throws InterruptedException {
    FetchResult result = fetcher.fetch(url, null, FetchKind.ROBOTS);
    if (result.outcome() == Outcome.OK) {
      robots = RobotsTxt.parse(text(result), Product.CRAWLER);
      robots.crawlDelay().ifPresent(delay -> fetcher.crawlDelay(url, delay));
    } else if (result.outcome() == Outcome.GONE
        || result.status() >= 400 && result.status() < 500) {
      robots = RobotsTxt.allowAll(); // RFC 9309: a missing robots.txt allows everything
    } else {
      robots = RobotsTxt.disallowAll();
      return Optional.of("robots.txt could not be read (" + result.description() + ")");
    }
    return Optional.empty();
  }

  /**
   * Fetches a sitemap or feed. One that could not be read makes the crawl incomplete when pages
   * only it names may exist ({@link #mayHaveNamedPages}).
   *
   * @param declared whether robots.txt, a sitemap index or the home page named it
   */
  private FetchResult.@Nullable Body discovery(URI url, FetchKind kind, boolean declared)
      throws InterruptedException {
    FetchResult result = fetcher.fetch(url, null, kind);
    if (result.outcome() == Outcome.OK) {
      return result.body();
    }
    if (declared && mayHaveNamedPages(result.outcome())) {
      incomplete.add(kind.name().toLowerCase(Locale.ROOT) + " " + result.description());
    }
    return null;
  }

  /**
   * Whether a sitemap or feed that could not be read may still have named pages: one that failed to
   * arrive may have, but not one that is gone, is no XML at all, may not be read, or redirects to
   * one the crawl reads anyway. Those stay so, and must not keep every later crawl from deleting.
   * Anything at {@code /sitemap.xml} when nothing named it is no loss either: sites answer there
   * with an HTML "not found".
   */
  private static boolean mayHaveNamedPages(Outcome outcome) {
    return switch (outcome) {
      case GONE, WRONG_TYPE, OFF_SCOPE, DISALLOWED, KNOWN_TARGET -> false;
      default -> true;
    };
  }

  /** Reads a feed the home page names; its entries are queued as seen from the home page. */
  private void readFeed(URI url) throws InterruptedException {
    FetchResult.Body body = discovery(url, FetchKind.FEED, true);
    if (body != null) {
      Feed feed = new FeedLinks().read(body.stream());
      feed.problems().forEach(p -> incomplete.add("feed " + url + ": " + p));
      feed.items().forEach(item -> follow(List.of(item.url()), url, 0));
    }
  }

  /**
   * Reads a sitemap or sitemap index; its pages are queued as seen from the home page.
   *
   * @param declared whether robots.txt or a sitemap index named it; {@code /sitemap.xml} is only
   *     tried, so whatever answers there is no loss
   */
  private void readSitemap(URI url, int nesting, boolean declared) throws InterruptedException {
    queued.add(url); // a page linking to the sitemap does not make it a page
    FetchResult.Body body = discovery(url, FetchKind.SITEMAP, declared);
    if (body == null) {
      return;
    }
    Sitemap sitemap = new SitemapReader().read(body.stream());
    if (declared || sitemap.kind() != Sitemap.Kind.UNKNOWN) { // else no sitemap was there at all
      sitemap.problems().forEach(p -> incomplete.add("sitemap " + url + ": " + p));
    }
    for (FoundUrl found : sitemap.entries()) {
      Optional<URI> next = scope.normalise(found.url(), url).filter(scope::inScope);
      if (next.isEmpty()) {
        continue;
      }
      if (sitemap.kind() == Sitemap.Kind.INDEX && nesting < 2) {
        readSitemap(next.get(), nesting + 1, true);
      } else if (sitemap.kind() == Sitemap.Kind.URLSET) {
        enqueue(next.get(), 1, found.date().orElse(null));
      }
    }
  }

  private void enqueue(URI url, int depth, @Nullable Instant lastmod) {
    if (depth > maxDepth) {
      tooDeep.add(url);
    } else if (queued.add(url)) {
      queue.add(new Visit(url, depth, lastmod));
    }
  }

  private void visit(Visit visit) throws IOException, InterruptedException {
    URI url = visit.url();
    if (!robots.allowed(pathAndQuery(url))) {
      sink.skipped(url, "disallowed by robots.txt", null);
      return;
    }
    Revisit known = previous.get(url);
    if (known != null && known.unchangedSince(visit.lastmod())) {
      notRequested++;
      unchanged(visit, known);
      return;
    }
    visiting = url;
    FetchResult result = fetcher.fetch(url, known == null ? null : known.validators());
    requested++;
    switch (result.outcome()) {
      case OK -> page(visit, result);
      case NOT_MODIFIED -> {
        notModified++;
        notModified(visit, result);
      }
      case GONE -> sink.gone(url);
      case WRONG_TYPE -> sink.skipped(url, "not an HTML page", null);
      case TOO_LARGE -> sink.skipped(url, "larger than the 5 MB a page may be", null);
      case KNOWN_TARGET ->
          sink.skipped(url, "redirects to " + result.url() + ", crawled on its own", null);
      case OFF_SCOPE -> sink.skipped(url, "redirects to another site: " + result.url(), null);
      case DISALLOWED ->
          sink.skipped(url, "redirects to " + result.url() + ", disallowed by robots.txt", null);
      default -> {
        sink.failed(url, result.reason());
        if (known != null) {
          // Its links of last time stand in, so that pages only it links to are still reached
          // (and not deleted as gone) while it is down.
          follow(known.links(), url, visit.depth());
        }
      }
    }
  }

  private void unchanged(Visit visit, Revisit known) throws IOException {
    sink.unchanged(visit.url());
    follow(known.links(), visit.url(), visit.depth());
  }

  /** A 304, for the page asked for or for the one it redirects to. */
  private void notModified(Visit visit, FetchResult result) throws IOException {
    URI url = visit.url();
    URI landed = scope.normalise(result.url().toString(), url).orElse(url);
    Revisit known = previous.get(landed);
    if (known == null) {
      sink.failed(url, "answered 304 Not Modified to a request that named no version");
    } else if (!landed.equals(url) && !queued.add(landed)) {
      sink.skipped(url, "redirects to " + landed + ", crawled on its own", null);
    } else {
      unchanged(new Visit(landed, visit.depth(), visit.lastmod()), known);
    }
  }

  private void page(Visit visit, FetchResult result) throws IOException, InterruptedException {
    URI url = visit.url();
    URI landed = scope.normalise(result.url().toString(), url).orElse(url);
    if (!landed.equals(url) && !queued.add(landed)) {
      sink.skipped(url, "redirects to " + landed + ", crawled on its own", null);
      return;
    }
    FetchResult.Body body = Objects.requireNonNull(result.body(), "an OK fetch carries its body");
    PageLinks page = links.find(body.bytes(), body.charset());
    boolean nofollow = robotsTag(result, "nofollow");
    URI base = page.base() == null ? landed : scope.normalise(page.base(), landed).orElse(landed);
    List<String> out = nofollow ? List.of() : absolute(page, base);
    if (readsFeeds && landed.equals(scope.start())) {
      for (String feed : page.feeds()) {
        Optional<URI> feedUrl = scope.normalise(feed, base).filter(scope::inScope);
        if (feedUrl.isPresent() && queued.add(feedUrl.get())) { // not to be fetched as a page
          readFeed(feedUrl.get());
        }
      }
    }
    follow(out, landed, visit.depth());
    URI canonical =
        page.canonical() == null ? landed : scope.normalise(page.canonical(), base).orElse(landed);
    if (landed.equals(copies.get(canonical))) {
      // Two pages that name each other canonical: the first was skipped as a copy of this one,
      // so this one is indexed, under its own address.
      canonical = landed;
    }
    Revisit revisit = new Revisit(result.validators(), out, visit.lastmod());
    if (!canonical.equals(landed) && scope.inScope(canonical)) {
      copies.put(landed, canonical);
      enqueue(canonical, visit.depth(), null);
      List<String> withCanonical = new ArrayList<>(out);
      withCanonical.add(canonical.toString()); // to be followed again when this one is unchanged
      sink.skipped(
          landed,
          "a copy of " + canonical + " (its canonical address)",
          new Revisit(result.validators(), withCanonical, visit.lastmod()));
      return;
    }
    if (page.noindex() || robotsTag(result, "noindex")) {
      sink.skipped(landed, "noindex", revisit);
      return;
    }
    String hash = Sha256.hex(body.bytes());
    URI first = hashes.putIfAbsent(hash, landed);
    if (first != null) {
      sink.skipped(landed, "the same page as " + first, revisit);
      return;
    }
    sink.page(new CrawledPage(landed, canonical, body.bytes(), body.charset(), revisit));
  }

  private List<String> absolute(PageLinks page, URI base) {
    List<String> out = new ArrayList<>();
    for (String href : page.links()) {
      scope.normalise(href, base).filter(scope::inScope).ifPresent(u -> out.add(u.toString()));
    }
    return out;
  }

  private void follow(List<String> hrefs, URI from, int depth) {
    for (String href : hrefs) {
      scope
          .normalise(href, from)
          .filter(scope::inScope)
          .ifPresent(u -> enqueue(u, depth + 1, null));
    }
  }

  /** Whether an {@code X-Robots-Tag} header for every crawler, or for ours, says so. */
  private static boolean robotsTag(FetchResult result, String directive) {
    for (String tag : result.robotsTags()) {
      String value = tag.toLowerCase(Locale.ROOT);
      int colon = value.indexOf(':');
      if (colon > 0 && !value.substring(0, colon).strip().equals(Product.CRAWLER)) {
        continue; // addressed to another crawler
      }
      for (String part : value.substring(colon + 1).split(",")) {
        String d = part.strip();
        if (d.equals(directive) || d.equals("none")) {
          return true;
        }
      }
    }
    return false;
  }

  /** A fetch's reason without the address asked for, which the sink is told anyway. */
  private static String pathAndQuery(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }

  private static String text(FetchResult result) {
    FetchResult.Body body = result.body();
    return body == null ? "" : new String(body.bytes(), StandardCharsets.UTF_8);
  }
}
