package archive.cli;

import archive.ingest.SiteRootException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where errors become messages and exit codes: one line on stderr, the stack trace
 * only with {@code --stacktrace}.
 */
final class Errors implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
    PrintWriter err = line.getErr();
    err.println(ArchiveCommand.SAYS + message(e));
    if (askedForStackTrace(parsed)) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode(e);
  }

  /**
   * Whether the command that failed was given {@code --stacktrace} as an option (not as a search
   * word after {@code --}, say).
   */
  private static boolean askedForStackTrace(ParseResult parsed) {
    ParseResult command = parsed;
    while (command.hasSubcommand()) {
      command = command.subcommand();
    }
    return command.hasMatchedOption("--stacktrace");
  }

  /** 2 for what the user asked wrongly, 1 for any other failure (a bug of ours included). */
  static int exitCode(Throwable e) {
    boolean badArgument = e instanceof UsageError || e instanceof SiteRootException;
    return badArgument ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    err.println(ArchiveCommand.SAYS + e.getMessage());
    err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return CommandLine.ExitCode.USAGE;
  }

  /** A one-line message for any failure, naming what to do where we know it. */
  static String message(Throwable e) {
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof NoSuchFileException missing) {
      return "no such file or folder: " + missing.getFile();
    }
    if (cause instanceof AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    if (cause instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() + ": " + fs.getReason();
    }
    String text = cause.getMessage();
    if (cause instanceof IllegalArgumentException
        || cause instanceof IllegalStateException
        || cause instanceof NullPointerException) {
      // Not the user's doing (their mistakes are UsageErrors): a bug of ours, to be reported.
      return "internal error: "
          + (text == null ? cause.getClass().getSimpleName() : text.lines().findFirst().orElse(""))
          + " — please report it, with what --stacktrace prints";
    }
    if (text == null || text.isBlank()) {
      return cause.getClass().getSimpleName() + " (run again with --stacktrace for details)";
    }
    return text.lines().findFirst().orElse(text);
  }
}
