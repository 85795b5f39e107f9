package archive.cli;

import archive.index.EntryIndexer.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A progress bar on stderr, shown only when stderr is a terminal and the run has taken more than a
 * second; redrawn at most ten times a second.
 */
final class ProgressBar implements Progress, AutoCloseable {

  private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String unit;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;
  private int lastLength;
  private int total;

  private ProgressBar(PrintWriter err, String unit, boolean terminal) {
    this.err = err;
    this.unit = unit;
    this.terminal = terminal;
  }

  /**
   * A bar on stderr counting {@code unit}s ({@code files}, {@code pages}): for a crawl, the total
   * is the pages found so far, so it grows as the crawl goes.
   */
  static ProgressBar forStderr(PrintWriter err, String unit) {
    return new ProgressBar(err, unit, stderrIsTerminal());
  }

  private static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null; // not Linux: the best the JDK can tell
    }
  }

  @Override
  public void fileDone(int done, int total) {
    if (!terminal) {
      return;
    }
    long now = System.nanoTime();
    synchronized (this) {
      this.total = total;
      if (now - start < SHOW_AFTER_NANOS || now - lastDraw < REDRAW_NANOS && done < total) {
        return;
      }
      lastDraw = now;
      drawn = true;
      draw(done, total, "");
    }
  }

  /** Once the bar has been shown, says that the index is being merged after the last file. */
  @Override
  public synchronized void merging() {
    if (drawn) {
      draw(total, total, ", merging the index…");
    }
  }

  private void draw(int done, int total, String after) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %d/%d %s%s",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            done,
            total,
            unit,
            after);
    err.print("\r" + line);
    err.flush();
    lastLength = Math.max(lastLength, line.length());
  }

  @Override
  public synchronized void close() {
    if (drawn) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
    }
  }
}
