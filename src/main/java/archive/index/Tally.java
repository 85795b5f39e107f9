package archive.index;

import archive.ingest.Skip;
import archive.parse.Problem;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread-safe counters for one index run; every outcome of every file lands here. */
final class Tally {

  private final AtomicInteger added = new AtomicInteger();
  private final AtomicInteger updated = new AtomicInteger();
  private final AtomicInteger deleted = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();
  private final List<Skip> skipped = new ArrayList<>();
  private final List<Skip> failed = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();
  private boolean unreachable;

  Tally(List<Skip> walkSkips) {
    skipped.addAll(walkSkips);
  }

  void added() {
    added.incrementAndGet();
  }

  void updated() {
    updated.incrementAndGet();
  }

  void deleted() {
    deleted.incrementAndGet();
  }

  void unchanged() {
    unchanged.incrementAndGet();
  }

  /** An entry first found unchanged was rewritten after all (its source twin changed). */
  void unchangedBecameUpdated() {
    unchanged.decrementAndGet();
    updated.incrementAndGet();
  }

  /** Entries added, updated or deleted so far. */
  int changes() {
    return added.get() + updated.get() + deleted.get();
  }

  synchronized void skipped(String path, String reason) {
    skipped.add(new Skip(path, reason));
  }

  /**
   * A file or page that could not be read, with the reason in one short line: a parser's message
   * may run over lines or kilobytes.
   */
  synchronized void failed(String path, Exception e) {
    String reason;
    if (e instanceof IOException io) {
      reason = Skip.reason(io);
    } else {
      String message = e.getMessage();
      reason =
          message == null || message.isBlank()
              ? e.getClass().getSimpleName()
              : message.lines().findFirst().orElse(message).strip();
    }
    failed.add(new Skip(path, reason.length() > 200 ? reason.substring(0, 200) + "…" : reason));
  }

  synchronized void failed(String path, String reason) {
    failed.add(new Skip(path, reason));
  }

  synchronized void warn(List<Problem> problems) {
    warnings.addAll(problems);
  }

  /** The source could not be read at all: nothing was indexed, and nothing deleted. */
  synchronized void unreachable() {
    unreachable = true;
  }

  synchronized void notice(String notice) {
    notices.add(notice);
  }

  synchronized IndexReport finish(int entries, int lists, Duration elapsed) {
    Comparator<Skip> byPath = Comparator.comparing(Skip::path);
    skipped.sort(byPath);
    failed.sort(byPath);
    warnings.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line));
    return new IndexReport(
        entries,
        lists,
        added.get(),
        updated.get(),
        deleted.get(),
        unchanged.get(),
        skipped,
        failed,
        warnings,
        notices,
        elapsed,
        unreachable);
  }
}
