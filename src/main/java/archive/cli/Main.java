package archive.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of the {@code archive} command line. */
public final class Main {

  private Main() {}

  /**
   * Lucene logs start-up details on newer JVMs (mmap support, and that Lucene 9 cannot use their
   * Vector API); neither is news to someone searching a blog. Held here so the settings stick.
   */
  private static final Logger LUCENE = Logger.getLogger("org.apache.lucene");

  private static final Logger VECTORS =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    LUCENE.setLevel(Level.WARNING);
    VECTORS.setLevel(Level.OFF);
    System.exit(ArchiveCommand.commandLine().execute(args));
  }
}
