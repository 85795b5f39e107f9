package archive.cli;

import archive.search.Hit;
import archive.search.SearchResult;
import archive.search.SectionHit;
import archive.search.Snippet;
import java.io.PrintWriter;

/** Prints results for a person: readable at a glance, matches in colour only on a terminal. */
final class ResultPrinter {

  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String MATCH = "\u001b[1;33m";
  private static final String RESET = "\u001b[0m";

  private final PrintWriter out;
  private final boolean color;

  ResultPrinter(PrintWriter out, boolean color) {
    this.out = out;
    this.color = color;
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

  private String style(String code, String text) {
    return color ? code + text + RESET : text;
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
