package archive.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delay seconds or an HTTP-date. */
final class RetryAfter {

  private RetryAfter() {}

  /**
   * How long to wait, as of {@code now}; a date in the past means no wait.
   *
   * @return empty if the value is neither a number of seconds nor an HTTP-date
   */
  static Optional<Duration> parse(String value, Instant now) {
    String trimmed = value.trim();
    if (!trimmed.isEmpty() && trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // More digits than a long holds is "very long": the caller's cap will refuse it.
      return Optional.of(
          trimmed.length() > 12
              ? Duration.ofDays(365)
              : Duration.ofSeconds(Long.parseLong(trimmed)));
    }
    // Empty when unreadable: the caller falls back to its own pause.
    return W3cDates.parseRfc1123(trimmed)
        .map(when -> when.isAfter(now) ? Duration.between(now, when) : Duration.ZERO);
  }
}
