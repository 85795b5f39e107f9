package archive.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Gathers an entry's text into sections as a parser walks its document: the text before the first
 * heading is the lead, each heading or bold run-in starts the next section. Not thread-safe; one
 * per document.
 */
final class SectionCollector {

  private static final Pattern HEADING_TAIL = Pattern.compile("[\\s:.]+$");
  private static final Pattern RUN_IN_LEAD = Pattern.compile("^[\\s,;:.\\u2013\\u2014-]+");

  private final List<Section> sections = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private String heading = "";
  private String anchor = "";
  private int level;
  private boolean runIn;

  /** Ends the current section and starts one at a heading of level 1 to 4. */
  void heading(String headingText, String headingAnchor, int headingLevel) {
    flush();
    heading = headingText.strip();
    anchor = headingAnchor;
    level = headingLevel;
  }

  /** Ends the current section and starts one at a bold run-in; trims its trailing colon. */
  void runIn(String boldText, String runInAnchor) {
    heading(runInHeading(boldText), runInAnchor, Section.RUN_IN);
    runIn = true;
  }

  /** The heading a bold run-in gives: the bold text without a trailing colon or full stop. */
  static String runInHeading(String boldText) {
    return HEADING_TAIL.matcher(boldText.strip()).replaceFirst("");
  }

  /** Appends text as is, except for the punctuation that follows a run-in heading. */
  void append(CharSequence chunk) {
    if (runIn) {
      String trimmed = RUN_IN_LEAD.matcher(chunk).replaceFirst("");
      runIn = trimmed.isEmpty();
      text.append(trimmed);
    } else {
      text.append(chunk);
    }
  }

  /** Ends the current line unless it is empty, so blocks do not run together. */
  void lineBreak() {
    if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
  }

  /** Whether nothing but whitespace has been written to the current line. */
  boolean atLineStart() {
    int last = text.length() - 1;
    return last < 0 || text.charAt(last) == '\n' || text.charAt(last) == ' ';
  }

  /** Whether sections hold any text or heading at all. */
  static boolean hasText(List<Section> sections) {
    return sections.stream().anyMatch(s -> !s.text().isBlank() || !s.heading().isBlank());
  }

  /** The sections so far; the lead is kept only when it has text. */
  List<Section> finish() {
    flush();
    return List.copyOf(sections);
  }

  private void flush() {
    String body = tidy(text.toString());
    if (level != 0 || !body.isEmpty()) {
      sections.add(new Section(heading, anchor, level, body));
    }
    text.setLength(0);
    runIn = false;
  }

  /**
   * Cleans a section text: no trailing spaces or tabs on lines, at most one blank line in a row.
   * One pass by hand, since this runs over every section of every entry.
   */
  static String tidy(String raw) {
    String clean = SourceText.clean(raw);
    StringBuilder out = new StringBuilder(clean.length());
    int spaceStart = -1;
    int newlines = 0;
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      if (c == ' ' || c == '\t') {
        spaceStart = spaceStart < 0 ? out.length() : spaceStart;
        out.append(c);
      } else if (c == '\n') {
        if (spaceStart >= 0) {
          out.setLength(spaceStart);
        }
        spaceStart = -1;
        if (++newlines <= 2) {
          out.append(c);
        }
      } else {
        spaceStart = -1;
        newlines = 0;
        out.append(c);
      }
    }
    return out.toString().strip();
  }
}
