package archive.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a site's robots.txt lets one crawler fetch, following RFC 9309: the rules of the group
 * selected for our product token, its crawl delay, and the file's sitemap URLs.
 *
 * @param rules the allow and disallow rules of the selected group(s), in file order
 * @param crawlDelay the selected group's first valid {@code Crawl-delay}, if any
 * @param sitemaps every {@code Sitemap:} value in the file, in file order, as written
 */
record RobotsTxt(List<RobotsRule> rules, Optional<Duration> crawlDelay, List<String> sitemaps) {

  private static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), Optional.empty(), List.of());
  private static final RobotsTxt DISALLOW_ALL =
      new RobotsTxt(RobotsRule.of(false, "/").stream().toList(), Optional.empty(), List.of());

  /** Copies the lists so the value cannot change. */
  RobotsTxt {
    rules = List.copyOf(rules);
    Objects.requireNonNull(crawlDelay, "crawlDelay");
    sitemaps = List.copyOf(sitemaps);
  }

  /**
   * Reads a robots.txt and keeps what applies to one crawler. Lenient: lines it cannot read are
   * skipped, never reported as errors; only the first {@value RobotsParser#MAX_BYTES} UTF-8 octets
   * are read.
   *
   * @param text the file as decoded from UTF-8; a leading byte order mark is ignored
   * @param userAgentToken our product token, such as {@code archive-indexer}; matched against
   *     user-agent lines without regard to case
   * @throws IllegalArgumentException if the token is not a product token ({@code [A-Za-z_-]+})
   */
  static RobotsTxt parse(String text, String userAgentToken) {
    return RobotsParser.parse(text, userAgentToken);
  }

  /** The policy when robots.txt is unavailable (HTTP 4xx): everything may be crawled. */
  static RobotsTxt allowAll() {
    return ALLOW_ALL;
  }

  /** The policy when robots.txt is unreachable (HTTP 5xx, network failure): nothing may be. */
  static RobotsTxt disallowAll() {
    return DISALLOW_ALL;
  }

  /**
   * Whether we may fetch a URL: the longest matching rule decides, Allow winning a tie, and a URL
   * no rule matches is allowed. {@code /robots.txt} itself is always allowed.
   *
   * @param pathAndQuery the URL's path and query as sent in the request line, such as {@code
   *     /posts/a?page=2}; percent-encoded or not; an empty path counts as {@code /}
   * @throws IllegalArgumentException if it is neither empty nor starts with {@code /} or {@code ?}
   */
  boolean allowed(String pathAndQuery) {
    String path = RobotsRule.canonical(withSlash(pathAndQuery));
    if (path.equals("/robots.txt")) {
      return true;
    }
    @Nullable RobotsRule decisive = null;
    for (RobotsRule rule : rules) {
      if (rule.matches(path) && (decisive == null || outranks(rule, decisive))) {
        decisive = rule;
      }
    }
    return decisive == null || decisive.allow();
  }

  private static boolean outranks(RobotsRule rule, RobotsRule other) {
    return rule.length() > other.length() || (rule.length() == other.length() && rule.allow());
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
}
