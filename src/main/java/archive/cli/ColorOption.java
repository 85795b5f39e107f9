package archive.cli;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/** {@code --color}, for the commands that print in colour on a terminal. */
final class ColorOption {

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description = "Use colour: auto (a terminal, NO_COLOR unset), always or never.")
  When color = When.AUTO;

  /** When to colour, as picocli's {@link Ansi} says it. */
  enum When {
    AUTO(Ansi.AUTO),
    ALWAYS(Ansi.ON),
    NEVER(Ansi.OFF);

    final Ansi ansi;

    When(Ansi ansi) {
      this.ansi = ansi;
    }
  }

  /** Whether and how to colour. */
  Ansi ansi() {
    return color.ansi;
  }
}
