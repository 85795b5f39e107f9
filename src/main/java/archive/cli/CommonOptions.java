package archive.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand takes. */
final class CommonOptions {

  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "${env:ARCHIVE_INDEX:-index}",
      description = "Index folder (default: $ARCHIVE_INDEX, else ./index; now ${DEFAULT-VALUE}).")
  Path index = Path.of("index");

  @Option(names = "--stacktrace", description = "Show the full stack trace of an error.")
  boolean stacktrace;
}
