package archive.web;

import archive.search.Hit;
import archive.search.SearchRequest;
import archive.search.SearchResult;
import archive.search.SectionHit;
import archive.search.SortOrder;
import java.util.Map;

/** The results part of the search page, server-rendered so that it works without JavaScript. */
final class ResultsView {

  private static final Map<SortOrder, String> SORTS =
      Map.of(
          SortOrder.RELEVANCE, "relevance", SortOrder.DATE_DESC, "-date", SortOrder.DATE, "date");

  private ResultsView() {}

  /** The results of a search, with notes, sort links and a pager. */
  static String render(Refinement ref, SearchRequest request, SearchResult result) {
    String q = ref.q();
    StringBuilder html = new StringBuilder(8192);
    html.append("<div class=\"layout\">\n");
    html.append("<section class=\"results\" aria-labelledby=\"summary\">\n");
    html.append("<h1 id=\"summary\" class=\"summary\" aria-live=\"polite\">")
        .append(summary(q, result))
        .append("</h1>\n");
    if (result.note() != null) {
      html.append("<p class=\"note\">").append(Html.text(result.note())).append("</p>\n");
    }
    if (result.didYouMean() != null) {
      html.append("<p class=\"dym\">Did you mean <a href=\"/search?q=")
          .append(Html.param(result.didYouMean()))
          .append("\">")
          .append(Html.text(result.didYouMean()))
          .append("</a>?</p>\n");
    }
    if (result.total() > 0) {
      html.append(sortLinks(ref, request.sort()));
    }
    html.append("<ol class=\"hits\" start=\"")
        .append((request.page() - 1) * request.limit() + 1)
        .append("\">\n");
    for (Hit hit : result.hits()) {
      html.append(hit(hit));
    }
    html.append("</ol>\n").append(pager(ref, request, result)).append("</section>\n");
    // The counts come after the results, so the page's headings run h1 to h2 in order.
    html.append(FacetsView.render(ref, SORTS.get(request.sort()), result.facets()));
    html.append("</div>\n");
    return html.toString();
  }

  private static String summary(String q, SearchResult result) {
    long total = result.total();
    String count = total == 0 ? "No results" : total == 1 ? "1 result" : total + " results";
    return count + " for <q>" + Html.text(q) + "</q>";
  }

  private static String hit(Hit hit) {
    StringBuilder html = new StringBuilder(1024);
    html.append("<li class=\"hit\"><article>\n<h2><a href=\"")
        .append(Html.href(hit.url()))
        .append("\">")
        .append(Html.text(hit.title()))
        .append("</a></h2>\n<p class=\"meta\">");
    if (hit.date() != null) {
      html.append("<time datetime=\"").append(hit.date()).append("\">").append(hit.date());
      html.append("</time>");
    }
    for (String tag : hit.tags()) {
      html.append(" <a class=\"tag\" href=\"")
          .append(ArchivePages.tagPath(tag))
          .append("\">#")
          .append(Html.text(tag))
          .append("</a>");
    }
    html.append("</p>\n");
    // Snippets come from the search package already escaped, with <mark> as their only markup.
    html.append("<p class=\"snippet\">").append(hit.snippet()).append("</p>\n");
    if (!hit.sections().isEmpty()) {
      html.append("<ul class=\"sections\">\n");
      for (SectionHit section : hit.sections()) {
        html.append("<li><a href=\"")
            .append(Html.href(section.url()))
            .append("\">")
            .append(Html.text(section.heading()))
            .append("</a>");
        if (!section.snippet().equals(hit.snippet())) {
          html.append(" <span class=\"snippet\">").append(section.snippet()).append("</span>");
        }
        html.append("</li>\n");
      }
      html.append("</ul>\n");
    }
    return html.append("</article></li>\n").toString();
  }

  private static String sortLinks(Refinement ref, SortOrder current) {
    StringBuilder html = new StringBuilder("<nav class=\"sort\" aria-label=\"Sort\">Sort: ");
    String[][] options = {{"relevance", "best match"}, {"-date", "newest"}, {"date", "oldest"}};
    for (String[] option : options) {
      if (option[0].equals(SORTS.get(current))) {
        html.append("<strong aria-current=\"true\">").append(option[1]).append("</strong> ");
      } else {
        html.append("<a href=\"")
            .append(ref.href(option[0], 1))
            .append("\">")
            .append(option[1])
            .append("</a> ");
      }
    }
    return html.append("</nav>\n").toString();
  }

  private static String pager(Refinement ref, SearchRequest request, SearchResult result) {
    int pages =
        (int)
            Math.min(
                (result.total() + request.limit() - 1) / request.limit(),
                SearchParams.MAX_DEPTH / request.limit());
    if (pages <= 1) {
      return "";
    }
    String sort = SORTS.get(request.sort());
    StringBuilder html = new StringBuilder("<nav class=\"pager\" aria-label=\"Pages\">");
    if (request.page() > 1) {
      html.append("<a rel=\"prev\" href=\"").append(ref.href(sort, request.page() - 1));
      html.append("\">← Previous</a> ");
    }
    html.append("<span>Page ")
        .append(request.page())
        .append(" of ")
        .append(pages)
        .append("</span>");
    if (request.page() < pages) {
      html.append(" <a rel=\"next\" href=\"").append(ref.href(sort, request.page() + 1));
      html.append("\">Next →</a>");
    }
    return html.append("</nav>\n").toString();
  }
}
