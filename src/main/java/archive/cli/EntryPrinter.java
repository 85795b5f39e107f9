package archive.cli;

import static archive.cli.Styles.BOLD;
import static archive.cli.Styles.DIM;

import archive.parse.Entry;
import archive.parse.Kind;
import archive.parse.ParseResult;
import archive.parse.Section;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Help.Ansi;

/**
 * Prints what the index would hold for a source, for a person: its fields one a line, then its
 * sections, each heading marked with its level ({@code ##} for a second-level heading, {@code **}
 * for a bold run-in one) and its {@code #anchor}, followed by its text as it is. Lines the printer
 * makes stay within 80 columns unless a value is longer; control characters are escaped.
 */
final class EntryPrinter {

  private static final String NONE = "-";

  private final PrintWriter out;
  private final Styles styles;
  private int printed;

  /** A printer that colours as {@code ansi} says (see {@link Styles#Styles(Ansi)}). */
  EntryPrinter(PrintWriter out, Ansi ansi) {
    this.out = out;
    this.styles = new Styles(ansi);
  }

  /** Prints one source and what parsing it gave; a blank line comes between two sources. */
  void print(String source, ParseResult result) {
    if (printed++ > 0) {
      out.println();
    }
    out.println(styles.apply(BOLD, IndexCommand.printable(source)));
    Entry entry = result.entry();
    if (entry == null) {
      field("skipped", IndexCommand.skipHint(String.valueOf(result.skipReason())));
      return;
    }
    fields(entry);
    for (Section section : entry.sections()) {
      out.println();
      if (section.level() > 0) {
        heading(section);
      }
      section.text().lines().forEach(line -> out.println(IndexCommand.printable(line)));
    }
  }

  private void fields(Entry entry) {
    field("title", entry.title());
    field("subtitle", entry.subtitle());
    field("date", date(entry.date()));
    field("updated", date(entry.updated()));
    field("tags", list(entry.tags()));
    field("categories", list(entry.categories()));
    field("language", entry.lang().isEmpty() ? "unknown" : entry.lang());
    field(
        "kind", entry.kind() == Kind.LIST ? "list (left out of results without --lists)" : "entry");
    field("draft", entry.draft() ? "yes" : "no");
    if (!entry.id().equals(entry.path())) {
      field("id", entry.id()); // a crawled page's: the address it was fetched from
    }
    field("path", entry.path());
    field("url", entry.url());
    field("sections", String.valueOf(entry.sections().size()));
  }

  private void field(String label, @Nullable String value) {
    String shown = value == null || value.isEmpty() ? NONE : IndexCommand.printable(value);
    out.println(styles.apply(DIM, String.format(Locale.ROOT, "%-12s", label)) + shown);
  }

  /** {@code ## Heading #anchor}: as many {@code #} as its level, {@code **} for a run-in. */
  private void heading(Section section) {
    String marks = section.level() == Section.RUN_IN ? "**" : "#".repeat(section.level());
    String anchor = section.anchor().isEmpty() ? "" : "  #" + section.anchor();
    out.println(
        styles.apply(BOLD, marks + " " + IndexCommand.printable(section.heading()))
            + styles.apply(DIM, IndexCommand.printable(anchor)));
  }

  private static @Nullable String date(@Nullable LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static String list(List<String> values) {
    return String.join(", ", values);
  }
}
