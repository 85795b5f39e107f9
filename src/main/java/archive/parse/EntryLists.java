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

  /**
   * Whether an element's children are entries of a list, and by which sign.
   *
   * @param prose the page's prose map, which knows where the linked headings are
   */
  static Kind kind(Element e, ProseMap prose) {
    if (e.childrenSize() < MIN_ITEMS) {
      return Kind.NONE;
    }
    int articles = 0;
    int linkedHeads = 0;
    for (Element child : e.children()) {
      if (child.normalName().equals("article")) {
        articles++;
      }
      if (prose.holdsLinkedHeading(child)) {
        linkedHeads++;
      }
    }
    if (articles >= MIN_ITEMS) {
      return Kind.ARTICLES;
    }
    return linkedHeads >= MIN_ITEMS ? Kind.LINKED_HEADINGS : Kind.NONE;
  }
}
