package archive.cli;

/** Entry point of the {@code archive} command line. */
public final class Main {

  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(ArchiveCommand.commandLine().execute(args));
  }
}
