package archive.parse;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text of HTML with a line break at every block boundary, unlike jsoup's {@code text()},
 * which would glue list items and paragraphs together. Script and style contents are data, not
 * text, so they never appear; {@code <pre>} keeps its line breaks.
 */
final class HtmlText {

  private HtmlText() {}

  /** The text of an element and its descendants. */
  static String of(Element root) {
    SectionCollector out = new SectionCollector();
    NodeTraversor.traverse(new Writer(out), root);
    return out.finish().stream().map(Section::text).findFirst().orElse("");
  }

  /** Appends a text node: whitespace collapsed to single spaces, kept as is inside pre. */
  static void appendText(SectionCollector out, TextNode node, boolean inPre) {
    String raw = node.getWholeText();
    if (inPre) {
      out.append(raw);
      return;
    }
    StringBuilder chunk = new StringBuilder(raw.length());
    boolean space = out.atLineStart();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0') {
        if (!space) {
          chunk.append(' ');
          space = true;
        }
      } else {
        chunk.append(c);
        space = false;
      }
    }
    out.append(chunk);
  }

  /** Marks the edge of an element: a line break around blocks and {@code br}, a space by cells. */
  static void boundary(SectionCollector out, Element element) {
    String tag = element.normalName();
    if (tag.equals("td") || tag.equals("th")) {
      if (!out.atLineStart()) {
        out.append(" ");
      }
    } else if (element.isBlock() || tag.equals("br") || tag.equals("tr") || tag.equals("li")) {
      out.lineBreak();
    }
  }

  /** Whether whitespace inside the element is kept as written. */
  static boolean keepsWhitespace(Element element) {
    return element.normalName().equals("pre") || element.normalName().equals("textarea");
  }

  /** Writes the text of a subtree into a collector. */
  static final class Writer implements NodeVisitor {
    private final SectionCollector out;
    private int preDepth;

    Writer(SectionCollector out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        appendText(out, text, preDepth > 0);
      } else if (node instanceof Element element) {
        boundary(out, element);
        preDepth += keepsWhitespace(element) ? 1 : 0;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element) {
        boundary(out, element);
        preDepth -= keepsWhitespace(element) ? 1 : 0;
      }
    }
  }
}
