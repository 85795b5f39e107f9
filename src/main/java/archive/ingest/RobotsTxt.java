package archive.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a site's robots.txt lets one crawler fetch, following RFC 9309: the rules of the groups for
 * our product token (else of the {@code *} groups), their crawl delay, and the file's sitemap URLs.
 * crawler-commons reads and matches the file; how much of it is read, and what a robots.txt that
 * could not be fetched means ({@link #allowAll}, {@link #disallowAll}), are ours.
 *
 * <p>Where crawler-commons 1.6 departs from RFC 9309, and our earlier parser did not (each fails
 * open, and each is rare on a blog): an anchored pattern's last part is sought only where it first
 * occurs ({@code Disallow: /*.gif$} lets {@code /a.gif/b.gif} through); a {@code $} inside a
 * pattern matches nothing; a reserved character written literally in a rule does not match its
 * percent-encoded form in a URL (as in Google's parser, against the RFC's table).
 */
final class RobotsTxt {

  private static final Pattern PRODUCT_TOKEN = Pattern.compile("[A-Za-z_-]+");

  // The library matches whole URLs but reads only their path and query, so any origin will do.
  private static final String ORIGIN = "http://robots.invalid";

  private static final RobotsTxt ALLOW_ALL =
      new RobotsTxt(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL));
  private static final RobotsTxt DISALLOW_ALL = new RobotsTxt(disallowingAllButRobotsTxt());

  private final SimpleRobotRules rules; // never changed once read

  private RobotsTxt(SimpleRobotRules rules) {
    this.rules = rules;
  }

  /**
   * Reads a robots.txt and keeps what applies to one crawler. Lenient: lines it cannot read are
   * skipped, never reported as errors; only the first {@link FetchKind#ROBOTS} cap of UTF-8 octets
   * (500 KiB) is read, without the line the cap cuts in two.
   *
   * @param text the file as decoded from UTF-8; a leading byte order mark is ignored
   * @param userAgentToken our product token, such as {@code archive-indexer}; matched against
   *     user-agent lines without regard to case
   * @throws IllegalArgumentException if the token is not a product token ({@code [A-Za-z_-]+})
   */
  static RobotsTxt parse(String text, String userAgentToken) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(userAgentToken, "userAgentToken");
    if (!PRODUCT_TOKEN.matcher(userAgentToken).matches()) {
      throw new IllegalArgumentException("not a product token ([A-Za-z_-]+): " + userAgentToken);
    }
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    // Our FetchPolicy caps a long Crawl-delay; the library would instead disallow everything.
    parser.setMaxCrawlDelay(Long.MAX_VALUE);
    // No base URL: a Sitemap line must be a full URL (sitemaps.org), and against a base the
    // library would take an empty one for the site's root.
    return new RobotsTxt(
        parser.parseContent(
            "",
            capped(text.getBytes(UTF_8)),
            "text/plain",
            Set.of(userAgentToken.toLowerCase(Locale.ROOT))));
  }

  /**
   * The first {@link FetchKind#ROBOTS} cap of octets, without the line the cut falls in: a cut rule
   * such as {@code Disallow: /private} read as {@code Disallow: /p} would mean something else.
   */
  private static byte[] capped(byte[] octets) {
    int end = FetchKind.ROBOTS.maxBytes();
    if (octets.length <= end) {
      return octets;
    }
    while (end > 0 && octets[end - 1] != '\n' && octets[end - 1] != '\r') {
      end--;
    }
    return Arrays.copyOf(octets, end);
  }

  /** The policy when robots.txt is unavailable (HTTP 4xx): everything may be crawled. */
  static RobotsTxt allowAll() {
    return ALLOW_ALL;
  }

  /** The policy when robots.txt is unreachable (HTTP 5xx, network failure): nothing may be. */
  static RobotsTxt disallowAll() {
    return DISALLOW_ALL;
  }

  /** {@code Disallow: /}, which leaves {@code /robots.txt} allowed (RFC 9309 §2.2.2). */
  private static SimpleRobotRules disallowingAllButRobotsTxt() {
    SimpleRobotRules rules = new SimpleRobotRules();
    rules.addRule("/", false);
    return rules;
  }

  /**
   * Whether we may fetch a URL: the longest matching rule decides, Allow winning a tie, and a URL
   * no rule matches is allowed. {@code /robots.txt} itself is always allowed.
   *
   * @param pathAndQuery the URL's path and query as sent in the request line, such as {@code
   *     /posts/a?page=2}; percent-encoded or not; an empty path counts as {@code /}
   * @throws IllegalArgumentException if it is neither empty nor starts with {@code /} or {@code ?},
   *     or is no URL path and query at all
   */
  boolean allowed(String pathAndQuery) {
    // Checked here, since the library would match a URL it cannot parse as if it were "/".
    URI url = URI.create(ORIGIN + withSlash(pathAndQuery));
    return rules.isAllowed(url.toString());
  }

  private static String withSlash(String pathAndQuery) {
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    if (pathAndQuery.isEmpty() || pathAndQuery.startsWith("?")) {
      return "/" + pathAndQuery;
    }
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("path does not start with '/': " + pathAndQuery);
    }
    return pathAndQuery;
  }

  /** The selected groups' {@code Crawl-delay}, if they give a usable one. */
  Optional<Duration> crawlDelay() {
    long millis = rules.getCrawlDelay(); // negative when unset, or when the file said so
    return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
  }

  /** Every absolute {@code Sitemap:} URL in the file, in file order, without repeats. */
  List<String> sitemaps() {
    return List.copyOf(rules.getSitemaps());
  }
}
