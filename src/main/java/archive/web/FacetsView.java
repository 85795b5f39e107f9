package archive.web;

import archive.search.Facets;
import archive.search.Facets.TagCount;
import archive.search.Facets.YearCount;

/**
 * Counts by year and tag beside the results; each one ticks or unticks itself as a filter, and
 * several can be ticked: any of the years, all of the tags.
 */
final class FacetsView {

  private FacetsView() {}

  static String render(Refinement ref, Facets facets) {
    if (facets.years().isEmpty() && facets.tags().isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<aside class=\"facets\" aria-label=\"Refine\">\n");
    if (ref.filtered()) {
      html.append("<p><a href=\"").append(ref.unfiltered()).append("\">× Clear filters</a></p>\n");
    }
    if (!facets.years().isEmpty()) {
      html.append("<h2>Year</h2>\n<ul>\n");
      for (YearCount year : facets.years()) {
        String value = String.valueOf(year.year());
        item(html, ref.toggleYear(value), value, year.count(), ref.years().contains(value));
      }
      html.append("</ul>\n");
    }
    if (!facets.tags().isEmpty()) {
      html.append("<h2>Tag</h2>\n<ul>\n");
      for (TagCount tag : facets.tags()) {
        item(html, ref.toggleTag(tag.tag()), "#" + tag.tag(), tag.count(), ref.hasTag(tag.tag()));
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
    html.append('>').append(on ? "✓ " : "").append(Html.text(label)).append("</a> ");
    html.append("<span class=\"count\">").append(count).append("</span></li>\n");
  }
}
