package archive.search;

import archive.index.Fields;
import archive.ingest.PercentEncoding;
import archive.parse.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.jspecify.annotations.Nullable;

/**
 * The deep link of each section of an entry: its own anchor where the page has one, otherwise a URL
 * text fragment ({@code #:~:text=…}, which Chromium, Safari and Firefox scroll to and highlight)
 * made of the section's first words, as few as make it the first match on the page.
 *
 * <p>Which anchors the page has: a built page's ids as the parser found them; a Markdown entry
 * served by {@code archive serve} renders an id on every section; a Markdown entry published by a
 * site generator (its URL absolute) has ids on its headings (generators add them) but none on bold
 * run-in paragraphs.
 *
 * <p>A text directive matches within one block of the page, case-insensitively, on word boundaries,
 * so the words are taken from one line of the section, and words a generator may rewrite (quotes,
 * dashes, ellipses become typographic ones) end the phrase.
 */
final class SectionLinks {

  /** The most words of a text directive: short enough to read, long enough to be unique. */
  private static final int MAX_WORDS = 10;

  /** Words a directive starts with when it is made of a section's text. */
  private static final int MIN_WORDS = 3;

  private final List<Section> sections;
  private final boolean generatedMarkdown;

  private final String title;

  /**
   * The page's visible text as far as the index knows it, lower case, one space between words; made
   * when the first directive is.
   */
  private @Nullable String page;

  /** Where each section's heading and text start in {@link #page}. */
  private int[] headingAt = new int[0];

  private int[] textAt = new int[0];

  private SectionLinks(Document doc) {
    sections = StoredSections.of(doc);
    String path = doc.get(Fields.PATH).toLowerCase(Locale.ROOT);
    String url = doc.get(Fields.URL).toLowerCase(Locale.ROOT);
    generatedMarkdown =
        (path.endsWith(".md") || path.endsWith(".markdown"))
            && (url.startsWith("http://") || url.startsWith("https://"));
    title = doc.get(Fields.TITLE);
  }

  private String page() {
    if (page != null) {
      return page;
    }
    StringBuilder text = new StringBuilder(normal(title));
    headingAt = new int[sections.size()];
    textAt = new int[sections.size()];
    for (int i = 0; i < sections.size(); i++) {
      text.append(' ');
      headingAt[i] = text.length();
      text.append(normal(sections.get(i).heading())).append(' ');
      textAt[i] = text.length();
      text.append(normal(sections.get(i).text()));
    }
    page = text.toString();
    return page;
  }

  /** The links of an entry's sections, loaded with its stored fields. */
  static SectionLinks of(Document doc) {
    return new SectionLinks(doc);
  }

  /** The deep link to section {@code i}: the entry URL with an anchor or a text directive. */
  String link(String url, int i) {
    Section section = sections.get(i);
    boolean runIn = section.level() == Section.RUN_IN;
    if (!section.anchor().isEmpty() && !(runIn && generatedMarkdown)) {
      return url + "#" + section.anchor();
    }
    return url + "#:~:text=" + directive(i, runIn);
  }

  /**
   * The text directive of a section: a heading's words, with as few of the following words as a
   * suffix as make them the first match; else the section's opening words, as few as make them the
   * first match (at least {@value #MIN_WORDS}); else a run-in's bold words; else the longest of
   * those the section has.
   */
  private String directive(int i, boolean runIn) {
    page(); // places every section's heading and text
    Section section = sections.get(i);
    List<String> opening = usable(firstLine(section.text()));
    List<String> heading = usable(section.heading());
    boolean wholeHeading = heading.size() == words(section.heading()).size();
    String start = String.join(" ", heading);
    if (!runIn && wholeHeading && !heading.isEmpty()) {
      for (int n = 0; n <= opening.size(); n++) {
        String suffix = String.join(" ", opening.subList(0, n));
        if (firstAt(n == 0 ? start : start + " " + suffix, headingAt[i])) {
          return n == 0 ? encode(start) : encode(start) + ",-" + encode(suffix);
        }
      }
    }
    for (int n = Math.min(MIN_WORDS, opening.size()); n <= opening.size() && n > 0; n++) {
      String phrase = String.join(" ", opening.subList(0, n));
      if (firstAt(phrase, textAt[i])) {
        return encode(phrase);
      }
    }
    if (runIn && wholeHeading && !heading.isEmpty() && firstAt(start, headingAt[i])) {
      return encode(start);
    }
    return encode(opening.size() >= heading.size() ? String.join(" ", opening) : start);
  }

  /** Whether a phrase first occurs on the page at a position (case and spacing aside). */
  private boolean firstAt(String phrase, int position) {
    return page().indexOf(normal(phrase)) == position;
  }

  private static List<String> words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
  }

  /**
   * The words of a text a directive may hold: at most {@link #MAX_WORDS}, and for a page a site
   * generator made from Markdown, only those before the first word holding a character it may turn
   * typographic ({@code ' " -- ...}).
   */
  private List<String> usable(String text) {
    List<String> safe = new ArrayList<>();
    for (String word : words(text)) {
      if (safe.size() == MAX_WORDS) {
        break;
      }
      if (generatedMarkdown
          && (word.contains("'")
              || word.contains("\"")
              || word.contains("--")
              || word.contains("..."))) {
        break;
      }
      safe.add(word);
    }
    return safe;
  }

  private static String firstLine(String text) {
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }

  private static String normal(String text) {
    return String.join(" ", words(text)).toLowerCase(Locale.ROOT);
  }

  /**
   * Percent-encodes a directive's text as the URL Fragment Text Directives spec asks: everything
   * but letters, digits and {@code . _ ~} (so {@code -}, {@code ,} and {@code &}, which are syntax
   * there, are escaped too), as UTF-8.
   */
  static String encode(String text) {
    return PercentEncoding.encode(text, "._~");
  }
}
