package archive.index;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Runs a task for each item on every core, with at most two items per core in flight so that memory
 * stays bounded however many items there are. The first failure stops new items from starting and
 * is rethrown once the running ones have finished.
 */
final class Workers {

  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

  private Workers() {}

  /** A task that may fail with an I/O error. */
  @FunctionalInterface
  interface Task<T> {
    void run(T item) throws IOException;
  }

  static <T> void forEach(List<T> items, Task<T> task) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    Semaphore inFlight = new Semaphore(THREADS * 2);
    AtomicReference<Exception> failure = new AtomicReference<>();
    try {
      for (T item : items) {
        if (failure.get() != null) {
          break;
        }
        inFlight.acquireUninterruptibly();
        pool.execute(() -> runOne(task, item, failure, inFlight));
      }
    } finally {
      pool.shutdown();
      awaitQuietly(pool);
    }
    rethrow(failure.get());
  }

  private static <T> void runOne(
      Task<T> task, T item, AtomicReference<Exception> failure, Semaphore slot) {
    try {
      task.run(item);
    } catch (IOException | RuntimeException e) {
      failure.compareAndSet(null, e);
    } finally {
      slot.release();
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.HOURS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void rethrow(@Nullable Exception e) throws IOException {
    if (e instanceof IOException io) {
      throw io;
    }
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
  }
}
