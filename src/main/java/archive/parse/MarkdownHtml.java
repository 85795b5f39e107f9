package archive.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Renders the body of a Markdown entry as HTML for reading. Every heading and bold run-in paragraph
 * that starts a section carries the anchor the index gives that section, so a deep link from a
 * result lands on it; the heading the title came from is left out (the page shows the title); raw
 * HTML in the source is cleaned to a safe subset (no scripts, handlers or {@code javascript:}).
 * Thread-safe.
 */
public final class MarkdownHtml {

  /** A trailing {@code {#id}} after a heading's text, which the anchor replaces. */
  private static final Pattern EXPLICIT_ID = Pattern.compile("\\s*\\{#[\\w\\-:.]+[^}]*}\\s*$");

  /** What prose needs, and ids for the section anchors; relative links and images are kept. */
  private static final Safelist SAFE =
      Safelist.relaxed()
          .addTags("hr", "figure", "figcaption", "details", "summary", "mark", "del", "ins", "kbd")
          .addTags("s", "abbr", "time", "var", "samp")
          .addAttributes(":all", "id", "title", "lang")
          .addAttributes("code", "class")
          .addAttributes("abbr", "title")
          .addAttributes("time", "datetime")
          .preserveRelativeLinks(true);

  /** Relative links are resolved against this only to check them; they are kept as written. */
  private static final String CHECK_BASE = "https://entry.invalid/";

  private MarkdownHtml() {}

  /**
   * The body of a Markdown file, front matter removed, as clean HTML.
   *
   * @param bytes the file's bytes (UTF-8, or windows-1252 when not valid UTF-8)
   * @param path the file's path relative to the indexed folder, for the front matter's problems
   *     (which the index run already reported, so they are dropped here)
   */
  public static String render(byte[] bytes, String path) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(path, "path");
    List<Problem> ignored = new ArrayList<>();
    FrontMatter frontMatter =
        FrontMatterReader.read(SourceText.decode(bytes).text(), path, ignored);
    FrontMatterFields fields = FrontMatterFields.read(frontMatter, path, ignored);
    Node document = MarkdownEntryParser.document(frontMatter.body(), path, ignored);
    MarkdownSections.Result body = MarkdownSections.of(document, fields.title() == null);
    if (body.titleNode() != null) {
      body.titleNode().unlink();
    }
    body.anchors().forEach(MarkdownHtml::dropExplicitId);
    String html =
        HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .attributeProviderFactory(
                context -> (node, tag, attributes) -> anchor(node, body.anchors(), attributes))
            .build()
            .render(document);
    return clean(html);
  }

  private static void anchor(Node node, Map<Node, String> anchors, Map<String, String> attributes) {
    String anchor = anchors.get(node);
    if (anchor != null && !anchor.isEmpty()) {
      attributes.put("id", anchor);
    }
  }

  /** {@code ## Work {#job}} shows "Work": the id is the anchor, not text. */
  private static void dropExplicitId(Node node, String anchor) {
    if (node instanceof Heading && node.getLastChild() instanceof Text text) {
      text.setLiteral(EXPLICIT_ID.matcher(text.getLiteral()).replaceFirst(""));
    }
  }

  /** HTML of unknown origin cut down to {@link #SAFE}, ids and relative links kept. */
  static String clean(String html) {
    Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(html, CHECK_BASE, SAFE, settings);
  }
}
