package archive.parse;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parts of a built page that belong to the site, not to the entry: one list for every reader of
 * a page (content, dates, metadata, links).
 */
final class PageChrome {

  /** Site-wide parts around any entry: navigation, sidebars, footers. */
  static final Set<String> SITE = Set.of("nav", "footer", "aside");

  /** Site parts beside the content that link to other pages. */
  static final Set<String> SIDEBARS = Set.of("nav", "aside");

  /** Everything around the content, the page's header included. */
  static final Set<String> AROUND_CONTENT =
      Stream.concat(SITE.stream(), Stream.of("header")).collect(Collectors.toUnmodifiableSet());

  private PageChrome() {}
}
