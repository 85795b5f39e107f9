package archive.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the real command line in-process and captures what it printed; {@link #childProcess} runs it
 * in a JVM of its own instead.
 */
record CliRun(int exitCode, String out, String err) {

  /** A process that runs {@code archive ARGS} in a new JVM on the test classpath. */
  static ProcessBuilder childProcess(String... args) {
    return childJvm(Main.class, args);
  }

  /** A process that runs {@code main} with {@code args} in a new JVM on the test classpath. */
  static ProcessBuilder childJvm(Class<?> main, String... args) {
    return childJvm(List.of(), main, args);
  }

  /** As {@link #childJvm(Class, String...)}, the JVM given options ({@code -Dname=value}). */
  static ProcessBuilder childJvm(List<String> options, Class<?> main, String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var line = ArchiveCommand.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    line.setColorScheme(
        picocli.CommandLine.Help.defaultColorScheme(picocli.CommandLine.Help.Ansi.OFF));
    int code = line.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
