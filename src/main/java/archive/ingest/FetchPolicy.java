package archive.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * How politely and how patiently the {@link Fetcher} talks to a live site.
 *
 * @param requestsPerSecond requests per second to one host; {@code 0} means no delay between them
 * @param crawlDelay the robots.txt {@code Crawl-delay}, capped at {@link #MAX_CRAWL_DELAY}; the
 *     larger of this and the rate's interval is kept between requests to one host
 * @param connectTimeout how long opening a connection may take
 * @param requestTimeout how long one request may take, from sending it to its last body byte
 * @param maxRedirects how many redirects one fetch follows before giving up
 * @param maxRetries how many times a 429 or 503 is retried before the fetch fails
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one fails at once
 * @param userAgent the {@code User-Agent} header sent with every request
 */
record FetchPolicy(
    double requestsPerSecond,
    Duration crawlDelay,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxRedirects,
    int maxRetries,
    Duration maxRetryAfter,
    String userAgent) {

  /**
   * The {@code User-Agent} of the default policy: the product token robots.txt rules and robots
   * meta tags address, and what it is. The project has no public home page yet to link to with
   * {@code +URL}; a made-up one would mislead site owners.
   */
  static final String USER_AGENT =
      Product.CRAWLER + "/" + Product.version() + " (self-hosted blog search)";

  /** A site cannot ask for more than this between requests (DESIGN §7). */
  static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(10);

  /** Checks the parts and caps the crawl delay. */
  FetchPolicy {
    if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "requestsPerSecond not finite and >= 0: " + requestsPerSecond);
    }
    crawlDelay = capped(positive(crawlDelay, "crawlDelay"));
    positive(connectTimeout, "connectTimeout");
    positive(requestTimeout, "requestTimeout");
    positive(maxRetryAfter, "maxRetryAfter");
    if (maxRedirects < 0 || maxRetries < 0) {
      throw new IllegalArgumentException(
          "maxRedirects or maxRetries < 0: " + maxRedirects + ", " + maxRetries);
    }
    Objects.requireNonNull(userAgent, "userAgent");
  }

  /** 2 requests per second, no crawl delay, 10 s to connect, 30 s per request, 5 redirects. */
  static FetchPolicy defaults() {
    return new FetchPolicy(
        2,
        Duration.ZERO,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        5,
        2,
        Duration.ofSeconds(60),
        USER_AGENT);
  }

  /** This policy with another request rate; {@code 0} means no delay. */
  FetchPolicy withRequestsPerSecond(double perSecond) {
    return new FetchPolicy(
        perSecond,
        crawlDelay,
        connectTimeout,
        requestTimeout,
        maxRedirects,
        maxRetries,
        maxRetryAfter,
        userAgent);
  }

  /** This policy with another request timeout. */
  FetchPolicy withRequestTimeout(Duration timeout) {
    return new FetchPolicy(
        requestsPerSecond,
        crawlDelay,
        connectTimeout,
        timeout,
        maxRedirects,
        maxRetries,
        maxRetryAfter,
        userAgent);
  }

  /** The pause between two requests to one host under this policy. */
  Duration interval() {
    return intervalWith(crawlDelay);
  }

  /** The pause between two requests to a host whose robots.txt asks for {@code delay}. */
  Duration intervalWith(Duration delay) {
    Duration rate =
        requestsPerSecond == 0
            ? Duration.ZERO
            : Duration.ofNanos(Math.round(1_000_000_000 / requestsPerSecond));
    Duration robots = capped(positive(delay, "delay"));
    return rate.compareTo(robots) >= 0 ? rate : robots;
  }

  private static Duration capped(Duration delay) {
    return delay.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : delay;
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " < 0: " + value);
    }
    return value;
  }
}
