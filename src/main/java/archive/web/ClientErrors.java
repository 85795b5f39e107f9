package archive.web;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.util.Utf8Appendable;
import org.jspecify.annotations.Nullable;

/**
 * Requests the client got wrong at the HTTP level (a malformed {@code %}-escape, bytes that are not
 * UTF-8): a 400, never a 500, and in the log at most one line per interval, however fast a client
 * sends them, with a count of those not logged.
 */
final class ClientErrors {

  private static final long INTERVAL_NANOS = 10_000_000_000L;

  private final Consumer<String> log;
  private final LongSupplier clock;
  private final AtomicLong lastLogged;
  private final AtomicLong unlogged = new AtomicLong();

  /**
   * Logs through {@code log}, timing the interval with {@code clock} (nanoseconds, as {@link
   * System#nanoTime}).
   */
  ClientErrors(Consumer<String> log, LongSupplier clock) {
    this.log = log;
    this.clock = clock;
    this.lastLogged = new AtomicLong(clock.getAsLong() - INTERVAL_NANOS);
  }

  /** The reader's message for a failure that is the client's, or null when it is not one. */
  static @Nullable String message(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BadMessageException || t instanceof Utf8Appendable.NotUtf8Exception) {
        return "The address has a malformed %-escape (a % must be followed by two hex digits of"
            + " UTF-8); check the link.";
      }
    }
    return null;
  }

  /** Notes one such request: a line in the log unless one was written within the interval. */
  void seen(String method, String path, Throwable failure) {
    note(
        () ->
            method
                + " "
                + (path.length() > 100 ? path.substring(0, 100) + "…" : path)
                + ": 400, malformed request ("
                + failure.getClass().getSimpleName()
                + ")");
  }

  /**
   * Notes a request that Jetty's parser refused before any route saw it (an address or a header too
   * large, a request line that is not HTTP), as {@link #seen} does: the parser's own warning, one
   * line per request, is turned off in {@code simplelogger.properties}.
   */
  void refused(int status, @Nullable String reason) {
    note(
        () -> "a request refused before routing: " + status + (reason == null ? "" : " " + reason));
  }

  private void note(Supplier<String> line) {
    long now = clock.getAsLong();
    long last = lastLogged.get();
    if (now - last < INTERVAL_NANOS || !lastLogged.compareAndSet(last, now)) {
      unlogged.incrementAndGet();
      return;
    }
    long skipped = unlogged.getAndSet(0);
    log.accept(line.get() + (skipped == 0 ? "" : "; " + skipped + " more like it not logged"));
  }
}
