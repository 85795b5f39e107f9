package archive.cli;

import static archive.cli.Styles.BOLD;
import static archive.cli.Styles.DIM;
import static archive.cli.Styles.MATCH;

import archive.search.Hit;
import archive.search.SearchResult;
import archive.search.SectionHit;
import archive.search.Snippet;
import java.io.PrintWriter;
import picocli.CommandLine.Help.Ansi;

/** Prints results for a person: readable at a glance, matches in colour only on a terminal. */
final class ResultPrinter {

  private final PrintWriter out;
  private final Styles styles;

  /** A printer that colours as {@code ansi} says (see {@link Styles#Styles(Ansi)}). */
  ResultPrinter(PrintWriter out, Ansi ansi) {
    this.out = out;
    this.styles = new Styles(ansi);
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

  private String style(String style, String text) {
    return styles.apply(style, text);
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
