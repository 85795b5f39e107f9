package archive.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import archive.search.Hit;
import archive.search.SearchRequest;
import archive.search.Searcher;
import archive.testing.Folders;
import archive.testing.LocalSolrCloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader and a blogger see when SolrCloud nodes go away, on a real two-node cluster of its
 * own with a collection of two shards, each on both nodes.
 */
@Timeout(600)
class SolrFaultsIT {

  private static final Path EXAMPLE = Path.of("examples/devlog");

  @TempDir static Path dir;

  private static LocalSolrCloud cloud;
  private static SolrCollection collection;

  @BeforeAll
  static void start() throws Exception {
    cloud = LocalSolrCloud.start(2, dir.resolve("cloud"));
    collection = cloud.createCollection("faults");
    try (EntryIndexer indexer = EntryIndexer.open(collection, "devlog")) {
      indexer.index(
          SiteWalker.walk(EXAMPLE), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void aNodeStoppedWhileReadersSearchCostsNoErrorNorAWrongAnswer() throws Exception {
    try (Searcher searcher = Searcher.open(collection, "devlog")) {
      List<String> expected = urls(searcher, "nixos");
      assertThat(expected).hasSize(3);
      AtomicBoolean going = new AtomicBoolean(true);
      AtomicInteger answered = new AtomicInteger();
      ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
      ExecutorService readers = Executors.newFixedThreadPool(4);
      Future<?>[] running = new Future<?>[4];
      for (int i = 0; i < running.length; i++) {
        running[i] =
            readers.submit(
                () -> {
                  while (going.get()) {
                    try {
                      List<String> found = urls(searcher, "nixos");
                      if (!found.equals(expected)) {
                        wrong.add(found.toString());
                      }
                      answered.incrementAndGet();
                    } catch (IOException e) {
                      wrong.add(e.getMessage());
                    }
                  }
                  return null;
                });
      }
      Thread.sleep(1000);
      int before = answered.get();
      cloud.stop(1); // the node the searcher asks first
      Thread.sleep(3000);
      int during = answered.get();
      cloud.restart(1);
      Thread.sleep(1000);
      going.set(false);
      for (Future<?> reader : running) {
        reader.get(60, TimeUnit.SECONDS);
      }
      readers.shutdown();
      assertThat(wrong).isEmpty();
      assertThat(before).isPositive();
      assertThat(answered.get()).isGreaterThan(during).isGreaterThan(before);
    }
  }

  private static List<String> urls(Searcher searcher, String query) throws IOException {
    return searcher.search(SearchRequest.of(query)).hits().stream().map(Hit::url).toList();
  }

  /**
   * A run that dies halfway, its updates partly sent, leaves the entries of the last run for
   * searches to see (Solr shows what was sent only at the commit that ends a run); the next run
   * completes it.
   */
  @Test
  void aRunThatDiesHalfwayLeavesThePreviousEntriesAndTheNextRunCompletesIt(@TempDir Path copy)
      throws Exception {
    Folders.copy(EXAMPLE, copy);
    index(copy, "crash");
    addWombats(copy);
    try (EntryIndexer indexer = EntryIndexer.open(collection, "crash", 1);
        Searcher searcher = Searcher.open(collection, "crash")) {
      EntryIndexer.Progress dying =
          (done, total) -> {
            if (done == 25) {
              throw new IllegalStateException("killed");
            }
          };
      assertThatThrownBy(() -> run(indexer, copy, dying)).hasMessage("killed");
      assertThat(searcher.search(SearchRequest.of("wombat")).total()).isZero();
      assertThat(searcher.stats().entries()).isEqualTo(30);
      IndexReport next = index(copy, "crash");
      assertThat(next.updated()).isEqualTo(3);
      assertThat(searcher.search(SearchRequest.of("wombat")).total()).isEqualTo(3);
    }
  }

  /**
   * A run during which every node goes away fails with one line that names a node; with the nodes
   * back, the next run completes it.
   */
  @Test
  void aRunCutOffBySolrSaysSoInOneLineAndTheNextRunCompletesIt(@TempDir Path copy)
      throws Exception {
    Folders.copy(EXAMPLE, copy);
    index(copy, "cutoff");
    addWombats(copy);
    AtomicBoolean stopped = new AtomicBoolean();
    try (EntryIndexer indexer = EntryIndexer.open(collection, "cutoff", 1)) {
      EntryIndexer.Progress stopping =
          (done, total) -> {
            if (done == 20 && stopped.compareAndSet(false, true)) {
              try {
                cloud.stop(1);
                cloud.stop(2);
              } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            }
          };
      assertThatThrownBy(() -> run(indexer, copy, stopping))
          .isInstanceOf(IOException.class)
          .hasMessageMatching("(no Solr answers at |Solr at )http://127\\.0\\.0\\.1:\\d+/solr/ .*")
          .hasMessageNotContaining("\n");
    }
    cloud.restart(1);
    cloud.restart(2);
    awaitReplicas();
    try (Searcher searcher = Searcher.open(collection, "cutoff")) {
      IndexReport next = index(copy, "cutoff");
      assertThat(next.entries()).isEqualTo(30);
      assertThat(searcher.search(SearchRequest.of("wombat")).total()).isEqualTo(3);
    }
  }

  private static IndexReport index(Path site, String name) throws IOException {
    try (EntryIndexer indexer = EntryIndexer.open(collection, name)) {
      return run(indexer, site, EntryIndexer.Progress.NONE);
    }
  }

  private static IndexReport run(EntryIndexer indexer, Path site, EntryIndexer.Progress progress)
      throws IOException {
    return indexer.index(SiteWalker.walk(site), ParseOptions.DEFAULTS, false, progress);
  }

  private static void addWombats(Path copy) throws IOException {
    for (String name : List.of("dev-log-12.md", "dev-log-13.md", "dev-log-14.md")) {
      Path file = copy.resolve("posts/2021/" + name);
      Files.writeString(file, Files.readString(file) + "\n\nA wombat crossed the road.\n");
    }
  }

  /** Replicas take a few seconds to come back after their nodes restart. */
  private static void awaitReplicas() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try (Searcher searcher = Searcher.open(collection, "devlog")) {
        if (searcher.search(SearchRequest.of("nixos")).total() == 3) {
          return;
        }
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new UncheckedIOException(e);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the collection did not answer as before within 120 s");
      }
      Thread.sleep(500);
    }
  }
}
