package archive.cli;

import java.util.Arrays;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;

/** Text in picocli's styles for a person at a terminal, or as it is when colour is off. */
final class Styles {

  // Styles named in picocli's markup.
  static final String BOLD = "bold";
  static final String DIM = "faint";
  static final String MATCH = "bold,yellow";

  private final ColorScheme colors;

  /**
   * Styles as {@code ansi} says: {@link Ansi#AUTO} on a terminal unless {@code NO_COLOR} is set
   * (picocli's detection), {@link Ansi#ON} always, {@link Ansi#OFF} never.
   */
  Styles(Ansi ansi) {
    this.colors = new ColorScheme.Builder(ansi).build();
  }

  /**
   * Text in a style of picocli's markup, applied to it rather than written as {@code @|style
   * text|@}: markup has no escape, and a title or snippet may hold {@code @|} or {@code |@}.
   */
  String apply(String style, String text) {
    return colors.apply(text, Arrays.asList(colors.parse(style))).toString();
  }
}
