package archive.cli;

import archive.index.EntryIndexer;
import archive.index.IndexReport;
import archive.index.MassDeleteException;
import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code archive serve --watch SITE}: re-indexes the site every two seconds while the server runs,
 * so an entry shows up in search moments after it is saved. It looks at sizes and modification
 * times first, so an unchanged site costs a walk and no writes. It holds the index's write lock for
 * as long as it runs.
 */
final class SiteWatcher implements AutoCloseable {

  private static final long PERIOD_MILLIS = 2000;

  private final Path site;
  private final Opener opener;
  private final ParseOptions options;
  private final PrintWriter out;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "archive-watch");
            thread.setDaemon(true);
            return thread;
          });
  private EntryIndexer indexer;
  private @Nullable String lastWaiting; // said once, not every two seconds

  /** Opens the indexer of the index being kept up to date. */
  @FunctionalInterface
  interface Opener {
    EntryIndexer open() throws IOException;
  }

  private SiteWatcher(Path site, Opener opener, ParseOptions options, PrintWriter out)
      throws IOException {
    this.site = site;
    this.opener = opener;
    this.options = options;
    this.out = out;
    this.indexer = opener.open();
  }

  /** Indexes the site once now, then keeps watching it. */
  static SiteWatcher start(Path site, Opener opener, ParseOptions options, PrintWriter out)
      throws IOException {
    SiteWatcher watcher = new SiteWatcher(site, opener, options, out);
    IndexReport first =
        watcher.indexer.index(SiteWalker.walk(site), options, false, EntryIndexer.Progress.NONE);
    out.println(first.summary());
    watcher.timer.scheduleWithFixedDelay(
        watcher::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    return watcher;
  }

  private synchronized void tick() {
    try {
      IndexReport report = indexer.update(SiteWalker.walk(site), options);
      lastWaiting = null;
      if (report.added() + report.updated() + report.deleted() > 0) {
        out.println(ArchiveCommand.SAYS + "re-indexed " + site + ": " + report.summary());
        out.flush();
      }
    } catch (MassDeleteException e) {
      // A static site being rebuilt is empty for a moment: wait for it rather than commit that.
      String waiting =
          ArchiveCommand.SAYS
              + ""
              + site
              + " now holds "
              + e.after()
              + " of "
              + e.before()
              + " entries; waiting for it to settle (if you did remove them, stop and run 'archive"
              + " index "
              + site
              + " --allow-mass-delete')";
      if (!waiting.equals(lastWaiting)) {
        out.println(waiting);
        out.flush();
        lastWaiting = waiting;
      }
      reopen();
    } catch (IOException | RuntimeException e) {
      out.println(
          ArchiveCommand.SAYS
              + "re-indexing "
              + site
              + " failed ("
              + Errors.message(e)
              + "); retrying");
      out.flush();
      reopen();
    }
  }

  /** A failed run rolls the writer back and closes it; the next tick needs a fresh one. */
  private void reopen() {
    try {
      indexer.close();
    } catch (IOException | RuntimeException e) {
      // already closed by the rollback; nothing was committed, so nothing is lost
    }
    try {
      indexer = opener.open();
    } catch (IOException | RuntimeException e) { // escaping, it would end the schedule silently
      out.println(ArchiveCommand.SAYS + "cannot reopen the index (" + Errors.message(e) + ")");
    }
  }

  @Override
  public synchronized void close() throws IOException {
    timer.shutdownNow();
    indexer.close();
  }
}
