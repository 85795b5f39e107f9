package archive.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds the element that holds a page's own text. A page marked with {@code [data-archive-body]} or
 * {@code [data-pagefind-body]} says where it is. Otherwise the text root is where the page's prose
 * concentrates: walking down from {@code <body>}, the child that holds most of the prose, as long
 * as it holds most of all the page's prose (see {@link ProseMap}); so two {@code <main>}s, an
 * {@code <article>} per teaser or a comment thread longer than the entry do not mislead it. The
 * page root is the text root or the nearest ancestor that also holds the entry's {@code <h1>},
 * where the title and dates are read. A microdata {@code itemprop="articleBody"} holding the text
 * wins over the walk. A page without prose falls back to semantic elements: a single {@code
 * <article>} or the one holding an {@code <h1>}, {@code <main>}, {@code [role=main]}, else {@code
 * <body>}.
 */
final class MainContent {

  /** The child that holds at least this share of a page's prose is where the text is. */
  static final double CONCENTRATION = 0.75;

  /** A microdata article body holding at least this share of the page's prose is the text. */
  static final double MARKED_BODY_SHARE = 0.2;

  /** An ancestor holding the h1 is the page root while its prose grows by no more than this. */
  private static final double TITLE_REACH = 1.3;

  /** Blocks that are one piece of an entry (a listing, a quote, a list), never all of it. */
  private static final Set<String> WHOLE_BLOCKS =
      Set.of("figure", "pre", "code", "blockquote", "ul", "ol", "dl", "li", "p");

  private static final Set<String> SECTION_HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");

  /**
   * Where a page's content is.
   *
   * @param root the element holding the entry: its title heading, dates and text
   * @param text the element holding its text, the root or inside it
   */
  record Roots(Element root, Element text) {}

  private MainContent() {}

  /** The content root of a page; never null. */
  static Element find(Document doc) {
    return roots(doc, ProseMap.of(doc.body())).root();
  }

  /** Where a page's content is, given the prose of its body. */
  static Roots roots(Document doc, ProseMap prose) {
    Element marked = first(doc, "data-archive-body", "data-pagefind-body");
    if (marked != null) {
      return new Roots(marked, marked);
    }
    Element body = doc.body();
    if (prose.prose(body) == 0) {
      Element semantic = bySemantics(doc);
      return new Roots(semantic, semantic);
    }
    Element text = articleBody(doc, prose);
    if (text == null) {
      text = concentrated(body, prose);
    }
    return new Roots(withTitle(text, prose), text);
  }

  /**
   * The element that schema.org microdata names as the article's body, the one with most prose when
   * there are several; null when none holds at least {@link #MARKED_BODY_SHARE} of the page's prose
   * (some sites mark only a teaser).
   */
  private static @Nullable Element articleBody(Document doc, ProseMap prose) {
    Element best = null;
    for (Element e : doc.getElementsByAttributeValue("itemprop", "articleBody")) {
      if (best == null || prose.prose(e) > prose.prose(best)) {
        best = e;
      }
    }
    boolean enough =
        best != null && prose.prose(best) >= MARKED_BODY_SHARE * prose.prose(doc.body());
    return enough ? best : null;
  }

  /** The deepest element on the way down from the body that holds most of the page's prose. */
  private static Element concentrated(Element body, ProseMap prose) {
    double total = prose.prose(body);
    Element at = body;
    while (true) {
      Element best = null;
      for (Element child : at.children()) {
        if (prose.isNamedChrome(child)) {
          continue;
        }
        if (best == null || prose.prose(child) > prose.prose(best)) {
          best = child;
        }
      }
      if (best == null
          || WHOLE_BLOCKS.contains(best.normalName())
          || prose.prose(best) < CONCENTRATION * total
          || prose.ownProse(best) * 2 > prose.prose(best)
          || hasSectionHeading(at, best)) {
        return at;
      }
      at = best;
    }
  }

  /**
   * Whether a parent has a section heading (h2 to h6) of its own beside one child: the entry's
   * sections would be lost below it.
   */
  private static boolean hasSectionHeading(Element parent, Element child) {
    for (Element sibling : parent.children()) {
      if (sibling != child
          && SECTION_HEADINGS.contains(sibling.normalName())
          && sibling.hasText()) {
        return true;
      }
    }
    return false;
  }

  /** The text root, or its nearest ancestor holding the entry's h1 with little more prose. */
  private static Element withTitle(Element text, ProseMap prose) {
    double limit = TITLE_REACH * prose.prose(text);
    for (Element e = text; e != null && prose.prose(e) <= limit; e = e.parent()) {
      if (HtmlMetadata.titleHeading(e) != null) {
        return e;
      }
      if (e.normalName().equals("body")) {
        break;
      }
    }
    return text;
  }

  private static Element bySemantics(Document doc) {
    Element article = article(doc);
    if (article != null) {
      return article;
    }
    Element main = doc.getElementsByTag("main").first();
    if (main == null) {
      main = doc.getElementsByAttributeValue("role", "main").first();
    }
    return main != null ? main : doc.body();
  }

  private static @Nullable Element first(Document doc, String... attributes) {
    for (String attribute : attributes) {
      Element found = doc.getElementsByAttribute(attribute).first();
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The only outermost article, or the first outermost one that holds an h1. */
  private static @Nullable Element article(Document doc) {
    List<Element> outer = new ArrayList<>();
    for (Element article : doc.getElementsByTag("article")) {
      if (!hasAncestor(article, Set.of("article"))) {
        outer.add(article);
      }
    }
    if (outer.size() == 1) {
      return outer.get(0);
    }
    return outer.stream().filter(a -> !a.getElementsByTag("h1").isEmpty()).findFirst().orElse(null);
  }

  /** Whether an element has an ancestor with one of the tag names. */
  static boolean hasAncestor(Element e, Set<String> tags) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (tags.contains(p.normalName())) {
        return true;
      }
    }
    return false;
  }
}
