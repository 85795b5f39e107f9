package archive.parse;

import java.util.Locale;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * Writes the plain text of commonmark nodes into a {@link SectionCollector}: code kept verbatim,
 * link text without URLs, image alt text, raw HTML reduced to its text (script and style dropped),
 * table cells separated by spaces, and a line break between blocks.
 */
final class MarkdownText extends AbstractVisitor {

  private final SectionCollector out;
  private int skipDepth;

  MarkdownText(SectionCollector out) {
    this.out = out;
  }

  /** The plain text of one node, for headings and titles. */
  static String of(Node node) {
    SectionCollector collector = new SectionCollector();
    node.accept(new MarkdownText(collector));
    return collector.finish().stream().map(Section::text).findFirst().orElse("");
  }

  /** Writes a node and every sibling after it. */
  void writeFrom(@Nullable Node first) {
    for (Node n = first; n != null; n = n.getNext()) {
      n.accept(this);
    }
  }

  @Override
  public void visit(Text text) {
    if (skipDepth == 0) {
      out.append(text.getLiteral());
    }
  }

  @Override
  public void visit(Code code) {
    out.append(code.getLiteral());
  }

  @Override
  public void visit(SoftLineBreak softLineBreak) {
    out.append(" ");
  }

  @Override
  public void visit(HardLineBreak hardLineBreak) {
    out.lineBreak();
  }

  @Override
  public void visit(FencedCodeBlock block) {
    literalBlock(block.getLiteral());
  }

  @Override
  public void visit(IndentedCodeBlock block) {
    literalBlock(block.getLiteral());
  }

  @Override
  public void visit(HtmlBlock block) {
    out.lineBreak();
    out.append(HtmlText.of(Jsoup.parseBodyFragment(block.getLiteral()).body()));
    out.lineBreak();
  }

  /**
   * Inline HTML arrives as separate open and close tags around ordinary text nodes, so script and
   * style contents are skipped by counting their tags.
   */
  @Override
  public void visit(HtmlInline html) {
    String tag = html.getLiteral().toLowerCase(Locale.ROOT);
    if (tag.startsWith("<script") || tag.startsWith("<style")) {
      skipDepth++;
    } else if ((tag.startsWith("</script") || tag.startsWith("</style")) && skipDepth > 0) {
      skipDepth--;
    } else if (tag.startsWith("<br")) {
      out.lineBreak();
    }
  }

  @Override
  public void visit(Paragraph paragraph) {
    block(paragraph);
  }

  @Override
  public void visit(Heading heading) {
    block(heading);
  }

  @Override
  public void visit(BlockQuote blockQuote) {
    block(blockQuote);
  }

  @Override
  public void visit(BulletList list) {
    block(list);
  }

  @Override
  public void visit(OrderedList list) {
    block(list);
  }

  @Override
  public void visit(ListItem item) {
    block(item);
  }

  @Override
  public void visit(ThematicBreak thematicBreak) {
    out.lineBreak();
  }

  @Override
  public void visit(LinkReferenceDefinition definition) {
    // a link target, not text
  }

  @Override
  public void visit(CustomBlock block) {
    block(block);
  }

  @Override
  public void visit(CustomNode node) {
    if (node instanceof TableRow) {
      block(node);
    } else if (node instanceof TableCell) {
      if (!out.atLineStart()) {
        out.append(" ");
      }
      visitChildren(node);
    } else {
      visitChildren(node);
    }
  }

  private void block(Node node) {
    out.lineBreak();
    visitChildren(node);
    out.lineBreak();
  }

  private void literalBlock(String literal) {
    out.lineBreak();
    out.append(literal);
    out.lineBreak();
  }
}
