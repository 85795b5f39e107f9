package archive.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Tells list pages (home, archive, tag, category and paginated pages) from entries, by path and,
 * for HTML, by the structure of the main content (see {@link #isListContent}).
 */
final class ListPageDetector {

  /** Names a blog gives its list pages, as a path segment, a file name or a layout. */
  static final Set<String> LIST_NAMES =
      Set.of("tags", "tag", "categories", "category", "archive", "archives", "authors", "author");

  private static final Pattern PAGED_INDEX = Pattern.compile("index\\d*");

  /** A page needs at least this many links before it can count as mostly links. */
  static final int MIN_LINKS = 5;

  /** Above this share of link text in the content, a page is a list. */
  static final double MAX_LINK_SHARE = 0.5;

  /** A list page has less prose than this outside its links; an entry with many links has more. */
  static final int MAX_LIST_PROSE = 500;

  private ListPageDetector() {}

  /**
   * Whether a path is a list page: Hugo's {@code _index.md}, anything under a {@code tags/}, {@code
   * tag/}, {@code categories/}, {@code category/}, {@code archive/}, {@code archives/}, {@code
   * authors/} or {@code author/} folder, a page named like those ({@code tags.html}), a paginated
   * {@code page/N/} path, or the root {@code index} page and its pages ({@code index2.html}).
   */
  static boolean isListPath(String relativePath) {
    String[] parts = relativePath.toLowerCase(Locale.ROOT).split("/");
    String stem = FileNames.stem(parts[parts.length - 1]);
    if (stem.equals("_index") || LIST_NAMES.contains(stem)) {
      return true;
    }
    if (parts.length == 1 && PAGED_INDEX.matcher(stem).matches()) { // Pelican: index2.html
      return true;
    }
    for (int i = 0; i < parts.length - 1; i++) {
      if (LIST_NAMES.contains(parts[i]) || isPageNumber(parts, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a page's content is a list of entries by its structure: several articles side by side;
   * several blocks led by linked headings on a page without a title of its own; or mostly links,
   * with little prose between them.
   *
   * @param titled whether the page has a title heading of its own
   */
  static boolean isListContent(Element content, ProseMap prose, boolean titled) {
    return switch (EntryLists.kind(content, prose)) {
      case ARTICLES -> true;
      case LINKED_HEADINGS -> !titled;
      case NONE -> isMostlyLinks(content) && prose.prose(content) < MAX_LIST_PROSE;
    };
  }

  /** Whether most of an element's text is link text, with several links. */
  static boolean isMostlyLinks(Element content) {
    Elements links = content.select("a[href]");
    if (links.size() < MIN_LINKS) {
      return false;
    }
    int total = content.text().length();
    int linked = 0;
    for (Element link : links) {
      linked += link.text().length();
    }
    return total > 0 && linked > MAX_LINK_SHARE * total;
  }

  private static boolean isPageNumber(String[] parts, int i) {
    return parts[i].equals("page")
        && i + 1 < parts.length - 1
        && !parts[i + 1].isEmpty()
        && parts[i + 1].chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
