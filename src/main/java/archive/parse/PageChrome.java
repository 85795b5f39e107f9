package archive.parse;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

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

  /** Never part of an entry's text, wherever it sits: the chrome, and what is not text. */
  static final Evaluator NEVER_TEXT =
      QueryParser.parse(
          String.join(", ", AROUND_CONTENT)
              + ", script, style, noscript, template, form, iframe, svg,"
              + " [data-archive-ignore], [data-pagefind-ignore]");

  private PageChrome() {}
}
