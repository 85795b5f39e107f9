package archive.parse;

import org.jsoup.nodes.Element;

/**
 * Tells a list of entries by its structure: several {@code <article>}s side by side, or several
 * blocks side by side that each lead with a heading linking to another page. Home, tag and archive
 * pages are made of them; so are "you may also like" boxes under an entry.
 */
final class EntryLists {

  /** Side-by-side items it takes to make a list. */
  static final int MIN_ITEMS = 3;

  private EntryLists() {}

  /** What makes an element a list of entries. */
  enum Kind {
    NONE,
    ARTICLES,
    LINKED_HEADINGS
  }

  /** Whether an element's children are entries of a list, and by which sign. */
  static Kind kind(Element e) {
    int articles = 0;
    int linkedHeads = 0;
    for (Element child : e.children()) {
      if (child.normalName().equals("article")) {
        articles++;
      }
      if (hasLinkedHeading(child)) {
        linkedHeads++;
      }
    }
    if (articles >= MIN_ITEMS) {
      return Kind.ARTICLES;
    }
    return linkedHeads >= MIN_ITEMS ? Kind.LINKED_HEADINGS : Kind.NONE;
  }

  /** Whether an element is, or holds, a heading whose text links to another page. */
  static boolean hasLinkedHeading(Element e) {
    for (Element heading : e.select("h1, h2, h3, h4, h5, h6")) {
      for (Element a : heading.getElementsByTag("a")) {
        if (ProseMap.isLink(a) && a.text().length() * 2 >= heading.text().length()) {
          return true;
        }
      }
    }
    return false;
  }
}
