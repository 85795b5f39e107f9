package archive.parse;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * How much prose each element of a page holds, in one walk: a block's own text (the text not in a
 * nested block) is prose when it is long enough and mostly not link text, and its length, less its
 * link text, counts for the block and each of its ancestors. Navigation, forms and the other parts
 * {@link Boilerplate} tells by tag are not walked, so their text never counts; parts it tells by
 * name have their prose taken back from their ancestors.
 */
final class ProseMap {

  /** Text shorter than this in one block is a label, a byline or a button, not prose. */
  static final int MIN_PROSE = 25;

  /** Blocks whose own text is more than this share of link text are not prose. */
  static final double MAX_LINK_SHARE = 0.5;

  /**
   * An element whose names call it chrome still holds the entry when it holds at least this share
   * of the page's prose: themes put words like {@code sidebar} or {@code modal} on their wrappers.
   */
  static final double NAMED_CHROME_LIMIT = 0.5;

  /** A page beside a list of other entries has at least this share of its prose of its own. */
  static final double MIN_OWN_SHARE = 0.15;

  /**
   * Text in more pieces than this (text nodes between inline elements) is prose only with a
   * punctuation mark for every {@link #PIECES_PER_MARK} pieces; else it is a tag cloud, a row of
   * labels or a list of names.
   */
  static final int MAX_UNPUNCTUATED_PIECES = 3;

  /** See {@link #MAX_UNPUNCTUATED_PIECES}. */
  static final int PIECES_PER_MARK = 4;

  private static final Pattern PUNCTUATION = Pattern.compile("[.,;:!?。，、；：！？]");
  private static final Pattern ADDRESS = Pattern.compile("^\\s*(?:https?://|www\\.)\\S+\\s*$");

  private static final Set<String> CODE = Set.of("pre", "code");

  private static final Set<String> NOT_PROSE = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  private final Map<Element, Double> prose = new IdentityHashMap<>();
  private final Map<Element, Double> ownProse = new IdentityHashMap<>();
  private final Map<Element, Stats> blocks = new IdentityHashMap<>();
  private final Set<Element> linkedHeadingHolders =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Element> namedChrome = Collections.newSetFromMap(new IdentityHashMap<>());

  private ProseMap() {}

  /** The prose of every element under a root, the root included. */
  static ProseMap of(Element root) {
    ProseMap map = new ProseMap();
    NodeTraversor.filter(map.new Walker(), root);
    map.setAsideNamedChrome(root);
    return map;
  }

  /** Whether an element is chrome by its class or id names, as {@link #of} decided. */
  boolean isNamedChrome(Element e) {
    return namedChrome.contains(e);
  }

  /**
   * Finds the outermost elements that are chrome by name or lists of other entries, and takes their
   * prose from their ancestors. A comment thread is chrome whatever its size; other names only when
   * the element holds less than {@link #NAMED_CHROME_LIMIT} of the page's prose. Nothing holding an
   * h1 is set aside.
   */
  private void setAsideNamedChrome(Element root) {
    double total = prose(root);
    boolean titled = hasTitleHeading(root);
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element e) || e == root) {
              return FilterResult.CONTINUE;
            }
            if (Boilerplate.isChrome(e)) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (CODE.contains(e.normalName())) {
              return FilterResult.SKIP_CHILDREN; // highlighters' classes (meta, tag) are no chrome
            }
            boolean chrome =
                switch (Boilerplate.named(e)) {
                  case NONE -> false;
                  case COMMENTS -> true;
                  case CHROME -> prose(e) < NAMED_CHROME_LIMIT * total;
                };
            boolean otherEntries = !chrome && isOtherEntries(e, total, titled);
            if (!(chrome || otherEntries) || hasTitleHeading(e)) {
              return FilterResult.CONTINUE;
            }
            namedChrome.add(e);
            double own = prose(e);
            for (Element a = e.parent(); a != null && own > 0; a = a.parent()) {
              prose.merge(a, -own, Double::sum);
            }
            return FilterResult.SKIP_ENTIRELY;
          }
        },
        root);
  }

  /** The characters of prose an element holds, in itself and below. */
  double prose(Element e) {
    return prose.getOrDefault(e, 0.0);
  }

  /** Whether an element is, or holds, a heading whose text mostly links to another page. */
  boolean holdsLinkedHeading(Element e) {
    return linkedHeadingHolders.contains(e);
  }

  /** The characters of prose in an element's own text, not in the blocks it holds. */
  double ownProse(Element e) {
    return ownProse.getOrDefault(e, 0.0);
  }

  /** The characters of text and of link text an element holds, chrome left out. */
  Stats stats(Element e) {
    Stats s = blocks.get(e);
    return s != null ? s : Stats.NONE;
  }

  /** Text and link-text lengths, and the number of links. */
  record Stats(int text, int linkText, int links) {
    static final Stats NONE = new Stats(0, 0, 0);

    double linkShare() {
      return text == 0 ? 0 : (double) linkText / text;
    }
  }

  /** Counts for one open element: its own inline text, and everything under it. */
  private static final class Counter {
    final Element element;
    int ownText;
    int ownLinkText;
    int text;
    int linkText;
    int links;
    int textNodes;
    int punctuation;

    Counter(Element element) {
      this.element = element;
    }
  }

  private final class Walker implements NodeFilter {
    private final Deque<Counter> open = new ArrayDeque<>();
    private int linkDepth;

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode text) {
        count(text);
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element element)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (!open.isEmpty() && Boilerplate.isChrome(element)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (isLink(element)) {
        linkDepth++;
        if (!open.isEmpty()) {
          open.peek().links++;
        }
      }
      if (isBlock(element) || open.isEmpty()) {
        open.push(new Counter(element));
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (!(node instanceof Element element)) {
        return FilterResult.CONTINUE;
      }
      if (isLink(element)) {
        linkDepth--;
      }
      if (!open.isEmpty() && open.peek().element == element) {
        close(open.pop());
      }
      return FilterResult.CONTINUE;
    }

    private void count(TextNode node) {
      if (open.isEmpty()) {
        return;
      }
      String text = node.getWholeText();
      int length = visibleLength(text);
      Counter c = open.peek();
      c.ownText += length;
      c.ownLinkText += linkDepth > 0 && !isAddress(text) ? length : 0;
      c.punctuation += punctuation(text);
      c.textNodes += length > 0 ? 1 : 0;
    }

    private void close(Counter c) {
      c.text += c.ownText;
      c.linkText += c.ownLinkText;
      blocks.put(c.element, new Stats(c.text, c.linkText, c.links));
      Counter parent = open.peek();
      if (parent != null) {
        parent.text += c.text;
        parent.linkText += c.linkText;
        parent.links += c.links;
      }
      if (NOT_PROSE.contains(c.element.normalName()) && c.links > 0 && c.linkText * 2 >= c.text) {
        Element e = c.element;
        while (e != null && linkedHeadingHolders.add(e)) { // up to the first one already marked
          e = e.parent();
        }
      }
      double own = c.ownText - c.ownLinkText;
      if (c.ownText >= MIN_PROSE
          && c.ownLinkText <= MAX_LINK_SHARE * c.ownText
          && (c.textNodes <= MAX_UNPUNCTUATED_PIECES
              || c.punctuation * PIECES_PER_MARK >= c.textNodes)
          && !NOT_PROSE.contains(c.element.normalName())) {
        ownProse.put(c.element, own);
        for (Element e = c.element; e != null; e = e.parent()) {
          prose.merge(e, own, Double::sum);
        }
      }
    }
  }

  /**
   * Whether an element is a list of other entries beside the page's own: several articles side by
   * side when more prose is outside them, or the page has a title of its own and at least {@link
   * #MIN_OWN_SHARE} of its prose outside them (else the page is a list of entries itself); several
   * linked headings when they also hold less than {@link #NAMED_CHROME_LIMIT} of the page's prose.
   * An element named as content is never one.
   */
  private boolean isOtherEntries(Element e, double total, boolean titled) {
    if (Boilerplate.hasContentName(e)) {
      return false;
    }
    return switch (EntryLists.kind(e, this)) {
      case NONE -> false;
      case ARTICLES -> {
        double outside = total - prose(e);
        yield outside >= prose(e) || (titled && outside >= MIN_OWN_SHARE * total);
      }
      case LINKED_HEADINGS -> prose(e) < NAMED_CHROME_LIMIT * total;
    };
  }

  /** Whether an element holds an h1 outside the site's chrome. */
  private static boolean hasTitleHeading(Element e) {
    for (Element h1 : e.getElementsByTag("h1")) {
      if (!h1.text().isBlank() && !MainContent.hasAncestor(h1, Boilerplate.TAGS)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an element links to another page: in-page links (permalinks, notes) do not count. */
  static boolean isLink(Element e) {
    return e.normalName().equals("a") && e.hasAttr("href") && !e.attr("href").startsWith("#");
  }

  /** The punctuation marks of sentences in a piece of text, in Latin or CJK script. */
  static int punctuation(String text) {
    int marks = 0;
    Matcher m = PUNCTUATION.matcher(text);
    while (m.find()) {
      marks++;
    }
    return marks;
  }

  /**
   * Whether a link's text is a web address: written out, it is part of the text (a reference, a
   * footnote), not a link to click instead of reading.
   */
  static boolean isAddress(String text) {
    return ADDRESS.matcher(text).matches();
  }

  /** Whether an element starts a block of text of its own, as opposed to running inline. */
  static boolean isBlock(Element e) {
    return e.isBlock() || e.normalName().equals("td") || e.normalName().equals("th");
  }

  /** The number of characters of text, runs of whitespace counted as one. */
  static int visibleLength(String text) {
    int length = 0;
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean white = Character.isWhitespace(c) || c == '\u00a0';
      if (!white) {
        length++;
      } else if (!space) {
        length++;
      }
      space = white;
    }
    return length;
  }
}
