package archive.parse;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * Splits an HTML content element into sections: {@code h1}–{@code h4} start one (anchored at their
 * id, the id of a {@code <section>} they open, or a child {@code <a id|name>}), and so does a
 * paragraph that opens with {@code <strong>} or {@code <b>} (a run-in, anchored at the paragraph's
 * id). Text keeps a line break at every block boundary.
 */
final class HtmlSections implements NodeFilter {

  private static final int MAX_RUN_IN_LENGTH = 100;
  private static final Set<String> NOT_TOP_LEVEL = Set.of("li", "blockquote", "td", "th");
  private static final Pattern PERMALINK_MARKS = Pattern.compile("^[\\s¶#§🔗]+|[\\s¶#§🔗]+$");

  private final SectionCollector out = new SectionCollector();
  private @Nullable Element skip;
  private int preDepth;

  private HtmlSections() {}

  /** The sections of a content element, the lead first when it has text. */
  static List<Section> of(Element content) {
    HtmlSections walker = new HtmlSections();
    NodeTraversor.filter(walker, content);
    return walker.out.finish();
  }

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof TextNode text) {
      HtmlText.appendText(out, text, preDepth > 0);
      return FilterResult.CONTINUE;
    }
    if (!(node instanceof Element element) || element.equals(skip)) {
      return FilterResult.SKIP_ENTIRELY;
    }
    int level = headingLevel(element);
    if (level > 0 && headingText(element).isBlank()) {
      return FilterResult.SKIP_ENTIRELY; // an empty heading (a theme's subtitle slot) is nothing
    }
    if (level > 0) {
      out.heading(headingText(element), anchor(element), level);
      return FilterResult.SKIP_ENTIRELY;
    }
    Element bold = runInBold(element);
    if (bold != null) {
      out.runIn(bold.text(), element.id());
      skip = bold;
    } else {
      HtmlText.boundary(out, element);
    }
    preDepth += HtmlText.keepsWhitespace(element) ? 1 : 0;
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (node instanceof Element element) {
      HtmlText.boundary(out, element);
      preDepth -= HtmlText.keepsWhitespace(element) ? 1 : 0;
    }
    return FilterResult.CONTINUE;
  }

  private static int headingLevel(Element e) {
    String tag = e.normalName();
    if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '4') {
      return tag.charAt(1) - '0';
    }
    return 0;
  }

  /** Heading text without the permalink marks (¶, #, §) that themes append. */
  static String headingText(Element heading) {
    return PERMALINK_MARKS.matcher(heading.text()).replaceAll("");
  }

  /** The heading's id, the id of a section it opens, or the id or name of an anchor inside it. */
  static String anchor(Element heading) {
    if (!heading.id().isEmpty()) {
      return heading.id();
    }
    Element parent = heading.parent();
    if (parent != null
        && parent.normalName().equals("section")
        && !parent.id().isEmpty()
        && heading.equals(
            parent.children().stream().filter(c -> headingLevel(c) > 0).findFirst().orElse(null))) {
      return parent.id();
    }
    for (Element a : heading.getElementsByTag("a")) {
      String id = !a.id().isEmpty() ? a.id() : a.attr("name");
      if (!id.isEmpty()) {
        return id;
      }
    }
    return "";
  }

  /** The strong or b element a top-level paragraph opens with, or null. */
  private static @Nullable Element runInBold(Element e) {
    if (!e.normalName().equals("p") || MainContent.hasAncestor(e, NOT_TOP_LEVEL)) {
      return null;
    }
    Node first = e.firstChild();
    while (first instanceof TextNode text && text.isBlank()) {
      first = first.nextSibling();
    }
    if (!(first instanceof Element bold)
        || !(bold.normalName().equals("strong") || bold.normalName().equals("b"))) {
      return null;
    }
    String heading = SectionCollector.runInHeading(bold.text());
    return heading.isEmpty() || heading.length() > MAX_RUN_IN_LENGTH ? null : bold;
  }
}
