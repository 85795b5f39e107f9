package archive.cli;

import picocli.CommandLine.Option;

/**
 * {@code --stacktrace}, which every command takes; {@link Errors} reads it from the parsed command
 * line.
 */
final class StackTraceOption {

  @Option(names = "--stacktrace", description = "Show the full stack trace of an error.")
  boolean stacktrace;
}
