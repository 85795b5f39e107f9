package archive.cli;

import archive.ingest.Product;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The top command: lists the subcommands. */
@Command(
    name = Product.NAME,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Full-text search for a blog: index its entries, then search them.",
    subcommands = {
      IndexCommand.class,
      SearchCommand.class,
      StatsCommand.class,
      ShowCommand.class,
      ServeCommand.class,
      SolrCommand.class,
      HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:failure (message on stderr)", "2:bad usage"})
final class ArchiveCommand {

  /** How every line the program says on its own begins ({@code archive: }). */
  static final String SAYS = Product.NAME + ": ";

  /** The configured command line: one-line errors, exit codes as documented. */
  static CommandLine commandLine() {
    CommandLine line = new CommandLine(new ArchiveCommand());
    line.setCaseInsensitiveEnumValuesAllowed(true); // --color never, --url-style pretty
    Errors errors = new Errors();
    line.setExecutionExceptionHandler(errors);
    line.setParameterExceptionHandler(errors);
    return line;
  }
}
