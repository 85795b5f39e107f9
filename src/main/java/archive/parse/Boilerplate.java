package archive.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The parts of a built page that are not the entry's own text, told by tag, by being hidden, and by
 * the class and id names that themes and publishers give them: sharing and follow buttons,
 * "related" and "read next" lists, comments, newsletter and cookie boxes, bylines, captions, tag
 * lists and tables of contents.
 */
final class Boilerplate {

  /** Tags that are never text: the site's chrome, forms, and what is not text at all. */
  static final Set<String> TAGS =
      Stream.concat(
              PageChrome.AROUND_CONTENT.stream(),
              Stream.of(
                  "script",
                  "style",
                  "noscript",
                  "template",
                  "form",
                  "iframe",
                  "svg",
                  "button",
                  "select",
                  "textarea",
                  "input",
                  "label",
                  "dialog",
                  "menu",
                  "figcaption",
                  "object",
                  "embed",
                  "canvas",
                  "video",
                  "audio",
                  "map"))
          .collect(Collectors.toUnmodifiableSet());

  /** Class or id words of chrome, matched at word boundaries ({@code share-bar}, {@code c-ad}). */
  private static final Pattern NAMES =
      Pattern.compile(
          "(?:^|[\\s_-])(?:"
              + "sidebar|widgets?|masthead|navbar|nav|navigation|menu|breadcrumbs?|footer|header"
              + "|share|sharing|sharebar|social|follow|sociallinks|addthis|sharethis"
              + "|related|recommended|recommendations?|readnext|read-next|more-stories|morestories"
              + "|read-more|readmore|see-also"
              + "|popular|trending|most-read|mostread|outbrain|taboola|newsletter|subscribe"
              + "|subscription|signup|promo|promotions?|sponsored|sponsor|advert\\w*|ads?|adslot"
              + "|adunit|ad-slot|banner|cookies?|consent|gdpr|modal|popup|overlay|paywall"
              + "|byline|bylines|author-bio|authorbio|author-info|about-author|dateline|timestamp"
              + "|author-box|authorbox|about-the-author|whoami|nojs|no-js"
              + "|gutter|lineno|linenos|line-numbers|rouge-gutter"
              + "|caption|credit|credits|tags|tag-list|taglist|tagcloud|post-tags|entry-tags"
              + "|toc|table-of-contents|pagination|pager|prev-next|post-nav|sr-only"
              + "|visually-hidden|screen-reader-text|skip-link|print-only|login|jump-link"
              + "|post-meta|entry-meta|article-meta|meta|entry-footer|post-footer|article-footer"
              + ")(?=$|[\\s_-])");

  /** Class or id words of a comment thread. */
  private static final Pattern COMMENT_NAMES =
      Pattern.compile("(?:^|[\\s_-])(?:comments?|commentlist|disqus|replies|respond)(?=$|[\\s_-])");

  /** Names that mark a content container; these win over a chrome word in the same name. */
  private static final Pattern CONTENT_NAMES =
      Pattern.compile(
          "article[_-]*(?:body|content|text)|entry[_-]*content|post[_-]*(?:content|body)"
              + "|story[_-]*body|blog[_-]*post|main[_-]*content");

  private static final Pattern HIDING_STYLE =
      Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");

  private static final Set<String> NEVER_BY_NAME = Set.of("html", "body", "main", "article");

  /** Blocks whose text is more than this share of link text are lists of links, not text. */
  static final double MAX_LINK_SHARE = 0.6;

  /**
   * A block needs this many links to be a list of links: one link alone, a reference or a "source"
   * line, is part of the entry.
   */
  static final int MIN_LINKS = 2;

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  private Boilerplate() {}

  /**
   * Removes from a content element what is not the entry's text: the chrome inside it, and, on an
   * entry, blocks that are mostly links to other pages (related lists, "read more" lines, link
   * bars). A list page keeps its links: they are its text. Headings stay, whatever they link to,
   * unless what they headed was all taken away.
   */
  static void prune(Element content, ProseMap prose, boolean listPage) {
    List<Element> remove = new ArrayList<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element e) || e == content) {
              return FilterResult.CONTINUE;
            }
            if (isChrome(e) || prose.isNamedChrome(e) || (!listPage && isLinkBlock(e, prose))) {
              remove.add(e);
              return FilterResult.SKIP_ENTIRELY;
            }
            return FilterResult.CONTINUE;
          }
        },
        content);
    List<Element> headingsBefore = new ArrayList<>();
    for (Element e : remove) {
      Element before = e.previousElementSibling();
      if (before != null && HEADINGS.contains(before.normalName())) {
        headingsBefore.add(before);
      }
      e.remove();
    }
    headingsBefore.stream().filter(Boilerplate::headsNothing).forEach(Element::remove);
  }

  /**
   * Whether a heading is left heading nothing: no element follows it before the end of its parent
   * or a heading of its level or higher ("All tags" over a tag cloud taken away, "Add comment" over
   * a form).
   */
  private static boolean headsNothing(Element heading) {
    for (Node next = heading.nextSibling(); next != null; next = next.nextSibling()) {
      if (next instanceof TextNode text && !text.isBlank()) {
        return false;
      }
      if (next instanceof Element e) {
        return HEADINGS.contains(e.normalName())
            && e.normalName().compareTo(heading.normalName()) <= 0;
      }
    }
    return true;
  }

  private static boolean isLinkBlock(Element e, ProseMap prose) {
    if (HEADINGS.contains(e.normalName()) || !ProseMap.isBlock(e)) {
      return false;
    }
    ProseMap.Stats stats = prose.stats(e);
    return stats.links() >= MIN_LINKS && stats.linkShare() > MAX_LINK_SHARE;
  }

  /**
   * Whether an element, with all it holds, is not part of any entry's text by what it is: a tag
   * that is never text, hidden, marked to be ignored, or a link to the entry's tag or category.
   */
  static boolean isChrome(Element e) {
    return TAGS.contains(e.normalName()) || isHidden(e) || isMarkedIgnored(e) || isTagLink(e);
  }

  /** A link that names the entry's tag or category: read as such, not as its text. */
  private static boolean isTagLink(Element e) {
    if (!e.normalName().equals("a") || !e.hasAttr("rel")) {
      return false;
    }
    String rel = " " + e.attr("rel").toLowerCase(Locale.ROOT) + " ";
    return rel.contains(" tag ") || rel.contains(" category ");
  }

  /**
   * What an element's class and id names say it is.
   *
   * @return {@link Name#COMMENTS}, {@link Name#CHROME}, or {@link Name#NONE} when they say nothing,
   *     name it as content, or it is a root element that names cannot exclude
   */
  static Name named(Element e) {
    if (NEVER_BY_NAME.contains(e.normalName())) {
      return Name.NONE;
    }
    String names = names(e);
    if (names.isEmpty()
        || CONTENT_NAMES.matcher(names).find()
        || e.attr("itemprop").equals("articleBody")) {
      return Name.NONE;
    }
    if (COMMENT_NAMES.matcher(names).find()) {
      return Name.COMMENTS;
    }
    return NAMES.matcher(names).find() || hasHiddenClass(e) ? Name.CHROME : Name.NONE;
  }

  /** What class and id names say of an element. */
  enum Name {
    NONE,
    CHROME,
    COMMENTS
  }

  /** Whether the page author asked for an element to be left out of search. */
  static boolean isMarkedIgnored(Element e) {
    return e.hasAttr("data-archive-ignore") || e.hasAttr("data-pagefind-ignore");
  }

  /** Whether an element's class or id names it as a content container. */
  static boolean hasContentName(Element e) {
    String names = names(e);
    return !names.isEmpty() && CONTENT_NAMES.matcher(names).find();
  }

  private static String names(Element e) {
    String id = e.id();
    String className = e.className();
    if (id.isEmpty() && className.isEmpty()) {
      return "";
    }
    return (className + " " + id).toLowerCase(Locale.ROOT);
  }

  /** The class that hides an element everywhere, as opposed to {@code hidden-xs} and the like. */
  private static boolean hasHiddenClass(Element e) {
    return e.hasClass("hidden") || e.hasClass("d-none");
  }

  private static boolean isHidden(Element e) {
    if (e.hasAttr("hidden") || e.attr("aria-hidden").equals("true")) {
      return true;
    }
    String style = e.attr("style");
    return !style.isEmpty() && HIDING_STYLE.matcher(style.toLowerCase(Locale.ROOT)).find();
  }
}
