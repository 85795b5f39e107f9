package archive.cli;

import archive.index.EntryIndexer;
import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link CrashSafetyIT}: indexes a folder as {@code archive index} does (the same
 * walk, parse and writer), but stops for good after a given number of files and says so on stderr,
 * so that the test can kill it at a known point of a run. The pause lives here, in the tests, not
 * in the product; {@link KilledIndexRunsIT} kills the real command at random moments.
 *
 * <p>Arguments: SITE INDEX FILES.
 */
final class PausingIndex {

  private PausingIndex() {}

  public static void main(String[] args) throws Exception {
    int after = Integer.parseInt(args[2]);
    try (EntryIndexer indexer = EntryIndexer.open(Path.of(args[1]))) {
      indexer.index(
          SiteWalker.walk(Path.of(args[0])),
          ParseOptions.DEFAULTS,
          false,
          (done, total) -> {
            if (done == after) {
              System.err.println("paused after " + done + " files");
              System.err.flush();
              try {
                new CountDownLatch(1).await(); // held until the test kills the process
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          });
    }
  }
}
