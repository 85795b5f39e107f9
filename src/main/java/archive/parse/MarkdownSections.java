package archive.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.jspecify.annotations.Nullable;

/**
 * Splits a commonmark document into sections: headings of level 1 to 4 and top-level paragraphs
 * that open with bold text start one. Optionally takes the first level-1 heading as the title.
 */
final class MarkdownSections {

  /** Bold text longer than this is emphasis in a paragraph, not a run-in heading. */
  private static final int MAX_RUN_IN_LENGTH = 100;

  /** A trailing {@code {#id}} as Hugo, kramdown and pandoc accept it after a heading. */
  private static final Pattern EXPLICIT_ID = Pattern.compile("\\s*\\{#([\\w\\-:.]+)[^}]*}\\s*$");

  private final SectionCollector out = new SectionCollector();
  private final MarkdownText text = new MarkdownText(out);
  private final HeadingSlugs slugs = new HeadingSlugs();
  private @Nullable String title;

  /**
   * The title (when asked for) and sections of a document.
   *
   * @param title the first level-1 heading, when {@code takeTitle} was set and there is one
   * @param sections the sections in order, the lead first when it has text
   */
  record Result(@Nullable String title, List<Section> sections) {}

  private MarkdownSections() {}

  /** Walks the top-level blocks of a parsed document. */
  static Result of(Node document, boolean takeTitle) {
    MarkdownSections walker = new MarkdownSections();
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      walker.block(block, takeTitle);
    }
    return new Result(walker.title, walker.out.finish());
  }

  private void block(Node block, boolean takeTitle) {
    String runIn = block instanceof Paragraph paragraph ? runInHeading(paragraph) : null;
    if (block instanceof Heading heading && heading.getLevel() <= 4) {
      heading(heading, takeTitle);
    } else if (runIn != null) {
      out.runIn(runIn, slugs.unique(runIn));
      text.writeFrom(block.getFirstChild().getNext());
      out.lineBreak();
    } else if (!(block instanceof LinkReferenceDefinition)) {
      block.accept(text);
    }
  }

  private void heading(Heading heading, boolean takeTitle) {
    String plain = MarkdownText.of(heading);
    if (takeTitle && title == null && heading.getLevel() == 1 && !plain.isBlank()) {
      title = plain;
      return;
    }
    Matcher id = EXPLICIT_ID.matcher(plain);
    if (id.find()) {
      out.heading(plain.substring(0, id.start()), slugs.claim(id.group(1)), heading.getLevel());
    } else {
      out.heading(plain, slugs.unique(plain), heading.getLevel());
    }
  }

  /** The run-in heading of a paragraph that opens with bold text, or null. */
  private static @Nullable String runInHeading(Paragraph paragraph) {
    if (!(paragraph.getFirstChild() instanceof StrongEmphasis strong)) {
      return null;
    }
    String bold = SectionCollector.runInHeading(MarkdownText.of(strong));
    return bold.isEmpty() || bold.length() > MAX_RUN_IN_LENGTH ? null : bold;
  }
}
