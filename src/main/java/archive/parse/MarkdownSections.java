package archive.parse;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
  private @Nullable Node titleNode;
  private final Map<Node, String> anchors = new IdentityHashMap<>();

  /**
   * The title (when asked for) and sections of a document.
   *
   * @param title the first level-1 heading, when {@code takeTitle} was set and there is one
   * @param sections the sections in order, the lead first when it has text
   * @param titleNode the heading the title was taken from, or null
   * @param anchors the anchor of each heading or run-in paragraph that starts a section, by node
   *     identity, so that a rendering of the same document carries the same anchors
   */
  record Result(
      @Nullable String title,
      List<Section> sections,
      @Nullable Node titleNode,
      Map<Node, String> anchors) {}

  private MarkdownSections() {}

  /** Walks the top-level blocks of a parsed document. */
  static Result of(Node document, boolean takeTitle) {
    MarkdownSections walker = new MarkdownSections();
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      walker.block(block, takeTitle);
    }
    return new Result(walker.title, walker.out.finish(), walker.titleNode, walker.anchors);
  }

  private void block(Node block, boolean takeTitle) {
    String runIn = block instanceof Paragraph paragraph ? runInHeading(paragraph) : null;
    if (block instanceof Heading heading && heading.getLevel() <= 4) {
      heading(heading, takeTitle);
    } else if (runIn != null) {
      String anchor = slugs.unique(runIn);
      anchors.put(block, anchor);
      out.runIn(runIn, anchor);
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
      titleNode = heading;
      return;
    }
    Matcher id = EXPLICIT_ID.matcher(plain);
    String text = id.find() ? plain.substring(0, id.start()) : plain;
    String anchor = id.find(0) ? slugs.claim(id.group(1)) : slugs.unique(plain);
    anchors.put(heading, anchor);
    out.heading(text, anchor, heading.getLevel());
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
