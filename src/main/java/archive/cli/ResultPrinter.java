package archive.cli;

import archive.search.Hit;
import archive.search.SearchResult;
import archive.search.SectionHit;
import archive.search.Snippet;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;

/** Prints results for a person: readable at a glance, matches in colour only on a terminal. */
final class ResultPrinter {

  // Styles named in picocli's markup.
  private static final String BOLD = "bold";
  private static final String DIM = "faint";
  private static final String MATCH = "bold,yellow";

  private final PrintWriter out;
  private final ColorScheme colors;

  /**
   * A printer that colours as {@code ansi} says: {@link Ansi#AUTO} on a terminal unless {@code
   * NO_COLOR} is set (picocli's detection), {@link Ansi#ON} always, {@link Ansi#OFF} never.
   */
  ResultPrinter(PrintWriter out, Ansi ansi) {
    this.out = out;
    this.colors = new ColorScheme.Builder(ansi).build();
  }

  void print(SearchResult result, int limit) {
    if (result.note() != null) {
      out.println(style(DIM, "(" + result.note() + ")"));
    }
    if (result.didYouMean() != null) {
      out.println("Did you mean: " + style(BOLD, result.didYouMean()) + "?");
    }
    if (result.total() == 0) {
      out.println("No results for \"" + result.query() + "\".");
      return;
    }
    int first = (result.page() - 1) * limit + 1;
    if (result.hits().isEmpty()) {
      out.println(result.total() + " results; page " + result.page() + " is past the end.");
      return;
    }
    out.printf(
        "%d %s for \"%s\"; showing %d–%d%n%n",
        result.total(),
        result.total() == 1 ? "result" : "results",
        result.query(),
        first,
        first + result.hits().size() - 1);
    int n = first;
    for (Hit hit : result.hits()) {
      print(n++, hit);
    }
  }

  private void print(int n, Hit hit) {
    String date = hit.date() == null ? "" : "  " + hit.date();
    out.println(n + ". " + style(BOLD, hit.title()) + style(DIM, date));
    out.println("   " + style(DIM, hit.url()));
    if (!hit.snippet().text().isEmpty()) {
      out.println("   " + snippet(hit.snippet()));
    }
    for (SectionHit section : hit.sections()) {
      out.println("   § " + style(BOLD, section.heading()) + "  " + style(DIM, section.url()));
      if (!section.snippet().equals(hit.snippet())) {
        out.println("     " + snippet(section.snippet()));
      }
    }
    out.println();
  }

  /**
   * Text in a style of picocli's markup, applied to it rather than written as {@code @|style
   * text|@}: markup has no escape, and a title or snippet may hold {@code @|} or {@code |@}.
   */
  private String style(String style, String text) {
    return colors.apply(text, Arrays.asList(colors.parse(style))).toString();
  }

  /** A snippet with its matches in colour, or as plain text. */
  private String snippet(Snippet snippet) {
    String text = snippet.text();
    StringBuilder line = new StringBuilder(text.length() + 16 * snippet.matches().size());
    int at = 0;
    for (Snippet.Range match : snippet.matches()) {
      line.append(text, at, match.start());
      line.append(style(MATCH, text.substring(match.start(), match.end())));
      at = match.end();
    }
    return line.append(text, at, text.length()).toString();
  }
}
