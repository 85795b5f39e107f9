package archive.ingest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One host's turn-taking: one request at a time, and a pause between them measured from the end of
 * one exchange to the start of the next.
 */
final class HostGate {
  // Fair, so that callers waiting for one host are served in the order they came.
  private final ReentrantLock lock = new ReentrantLock(true);
  private volatile Duration interval;
  private long nextStartNanos; // guarded by lock
  private boolean used; // guarded by lock

  HostGate(Duration interval) {
    this.interval = interval;
  }

  /** Changes the pause, for example once the host's robots.txt is read. */
  void interval(Duration newInterval) {
    this.interval = newInterval;
  }

  /** Waits for this host's turn and keeps it until {@link #leave(Duration)}. */
  void enter() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      long wait = used ? nextStartNanos - System.nanoTime() : 0;
      while (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
        wait = nextStartNanos - System.nanoTime();
      }
    } catch (InterruptedException e) {
      lock.unlock();
      throw e;
    }
  }

  /** Gives the turn up; the next request waits the interval, or {@code atLeast} if longer. */
  void leave(Duration atLeast) {
    Duration pause = atLeast.compareTo(interval) > 0 ? atLeast : interval;
    nextStartNanos = System.nanoTime() + pause.toNanos();
    used = true;
    lock.unlock();
  }
}
