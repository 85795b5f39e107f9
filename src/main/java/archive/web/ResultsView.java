package archive.web;

import archive.search.Hit;
import archive.search.SearchRequest;
import archive.search.SearchResult;
import archive.search.SectionHit;
import archive.search.SortOrder;
import java.util.Map;

/**
 * The results part of the search page, server-rendered, so that it works without JavaScript and the
 * page's script shows exactly the same when it fetches it while the reader types.
 */
final class ResultsView {

  static final Map<SortOrder, String> SORTS =
      Map.of(
          SortOrder.RELEVANCE, "relevance", SortOrder.DATE_DESC, "-date", SortOrder.DATE, "date");

  private ResultsView() {}

  /** How many pages the results fill, within the deepest page served. */
  static int pages(SearchRequest request, SearchResult result) {
    return (int)
        Math.min(
            (result.total() + request.limit() - 1) / request.limit(),
            SearchParams.MAX_DEPTH / request.limit());
  }

  /**
   * The results of a search, with filters, notes, sort links and a pager.
   *
   * @param tips HTML shown under the results when there are none
   */
  static String render(Refinement ref, SearchRequest request, SearchResult result, String tips) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<div class=\"layout\">\n");
    html.append("<section class=\"results\" aria-labelledby=\"summary\">\n");
    html.append("<h1 id=\"summary\" class=\"summary\">").append(summary(ref.q(), result));
    html.append("</h1>\n").append(filters(ref));
    if (result.note() != null) {
      html.append("<p class=\"note\">").append(Html.text(result.note())).append("</p>\n");
    }
    if (result.didYouMean() != null) {
      html.append("<p class=\"dym\">Did you mean <a href=\"")
          .append(ref.withQuery(result.didYouMean()))
          .append("\">")
          .append(Html.text(result.didYouMean()))
          .append("</a>?</p>\n");
    }
    if (result.total() > 0) {
      html.append(sortLinks(ref));
    }
    html.append("<ol class=\"hits\" start=\"")
        .append((request.page() - 1) * request.limit() + 1)
        .append("\">\n");
    for (Hit hit : result.hits()) {
      html.append(hit(hit));
    }
    html.append("</ol>\n").append(tips).append(pager(ref, request, result));
    html.append("</section>\n");
    // The counts come after the results, so the page's headings run h1 to h2 in order.
    html.append(FacetsView.render(ref, result.facets()));
    html.append("</div>\n");
    return html.toString();
  }

  /** "12 results for kubernetes", as the page's heading and its live region say it. */
  static String summaryText(String q, long total) {
    return count(total) + " for " + q;
  }

  private static String count(long total) {
    return total == 0 ? "No results" : total == 1 ? "1 result" : total + " results";
  }

  private static String summary(String q, SearchResult result) {
    return count(result.total()) + " for <q>" + Html.text(q) + "</q>";
  }

  /** The filters on, each a link that takes it off: visible whatever the reader types next. */
  private static String filters(Refinement ref) {
    if (!ref.filtered()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<ul class=\"filters\" aria-label=\"Filters\">");
    for (String year : ref.years()) {
      html.append("<li><a href=\"").append(ref.toggleYear(year)).append("\" title=\"Remove\">");
      html.append(Html.text(year)).append(" <span aria-label=\"remove\">×</span></a></li>");
    }
    for (String tag : ref.tags()) {
      html.append("<li><a href=\"").append(ref.toggleTag(tag)).append("\" title=\"Remove\">#");
      html.append(Html.text(tag)).append(" <span aria-label=\"remove\">×</span></a></li>");
    }
    return html.append("</ul>\n").toString();
  }

  private static String hit(Hit hit) {
    StringBuilder html = new StringBuilder(1024);
    html.append("<li class=\"hit\"><article>\n<h2><a href=\"")
        .append(Html.href(hit.url()))
        .append("\">")
        .append(Html.text(hit.title()))
        .append("</a></h2>\n<p class=\"meta\">");
    if (hit.date() != null) {
      html.append(Dates.time(hit.date()));
    }
    for (String tag : hit.tags()) {
      html.append(" <a class=\"tag\" href=\"")
          .append(ArchivePages.tagPath(tag))
          .append("\">#")
          .append(Html.text(tag))
          .append("</a>");
    }
    html.append("</p>\n");
    html.append("<p class=\"snippet\">").append(Html.marked(hit.snippet())).append("</p>\n");
    StringBuilder sections = new StringBuilder();
    for (SectionHit section : hit.sections()) {
      sections.append("<li><a href=\"").append(Html.href(section.url())).append("\">");
      sections.append(Html.text(section.heading())).append("</a>");
      if (!section.snippet().equals(hit.snippet())) {
        sections.append(" <span class=\"snippet\">");
        sections.append(Html.marked(section.snippet())).append("</span>");
      }
      sections.append("</li>\n");
    }
    if (sections.length() > 0) {
      html.append("<ul class=\"sections\">\n").append(sections).append("</ul>\n");
    }
    return html.append("</article></li>\n").toString();
  }

  private static String sortLinks(Refinement ref) {
    StringBuilder html = new StringBuilder("<nav class=\"sort\" aria-label=\"Sort\">Sort: ");
    String[][] options = {{"relevance", "best match"}, {"-date", "newest"}, {"date", "oldest"}};
    for (String[] option : options) {
      if (option[0].equals(ref.sort())) {
        html.append("<strong aria-current=\"true\">").append(option[1]).append("</strong> ");
      } else {
        html.append("<a href=\"").append(ref.sorted(option[0])).append("\">");
        html.append(option[1]).append("</a> ");
      }
    }
    return html.append("</nav>\n").toString();
  }

  private static String pager(Refinement ref, SearchRequest request, SearchResult result) {
    int pages = pages(request, result);
    if (pages <= 1) {
      return "";
    }
    StringBuilder html = new StringBuilder("<nav class=\"pager\" aria-label=\"Pages\">");
    if (request.page() > 1) {
      html.append("<a rel=\"prev\" href=\"").append(ref.page(request.page() - 1));
      html.append("\">← Previous</a> ");
    }
    html.append("<span>Page ")
        .append(request.page())
        .append(" of ")
        .append(pages)
        .append("</span>");
    if (request.page() < pages) {
      html.append(" <a rel=\"next\" href=\"").append(ref.page(request.page() + 1));
      html.append("\">Next →</a>");
    }
    return html.append("</nav>\n").toString();
  }

  /** The page for a page number past the last: where the last one is. */
  static String pastTheEnd(Refinement ref, int page, int pages) {
    return "<h1 id=\"summary\" class=\"summary error\" role=\"alert\">There is no page "
        + page
        + " of these results.</h1>\n<p>"
        + (pages == 0
            ? "Nothing matches. <a href=\"" + ref.page(1) + "\">Back to the search</a>"
            : "They fill "
                + pages
                + (pages == 1 ? " page" : " pages")
                + ": <a href=\""
                + ref.page(pages)
                + "\">go to page "
                + pages
                + "</a>")
        + ".</p>\n";
  }
}
