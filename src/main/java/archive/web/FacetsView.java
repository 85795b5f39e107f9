package archive.web;

import archive.search.Facets;
import archive.search.Facets.TagCount;
import archive.search.Facets.YearCount;

/** Counts by year and tag beside the results; each one narrows the search when followed. */
final class FacetsView {

  private FacetsView() {}

  static String render(Refinement ref, String sort, Facets facets) {
    if (facets.years().isEmpty() && facets.tags().isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<aside class=\"facets\" aria-label=\"Refine\">\n");
    if (ref.year() != null || ref.tag() != null) {
      html.append("<p><a href=\"")
          .append(ref.unfiltered(sort))
          .append("\">× Clear filters</a></p>\n");
    }
    if (!facets.years().isEmpty()) {
      html.append("<h2>Year</h2>\n<ul>\n");
      for (YearCount year : facets.years()) {
        boolean active = String.valueOf(year.year()).equals(ref.year());
        item(
            html,
            ref.withYear(sort, year.year()),
            String.valueOf(year.year()),
            year.count(),
            active);
      }
      html.append("</ul>\n");
    }
    if (!facets.tags().isEmpty()) {
      html.append("<h2>Tag</h2>\n<ul>\n");
      for (TagCount tag : facets.tags()) {
        boolean active = tag.tag().equalsIgnoreCase(String.valueOf(ref.tag()));
        item(html, ref.withTag(sort, tag.tag()), "#" + tag.tag(), tag.count(), active);
      }
      html.append("</ul>\n");
    }
    return html.append("</aside>\n").toString();
  }

  private static void item(StringBuilder html, String href, String label, long count, boolean on) {
    html.append("<li><a href=\"").append(href).append('"');
    if (on) {
      html.append(" aria-current=\"true\"");
    }
    html.append('>').append(Html.text(label)).append("</a> <span class=\"count\">");
    html.append(count).append("</span></li>\n");
  }
}
