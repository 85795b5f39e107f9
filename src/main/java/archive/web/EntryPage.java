package archive.web;

import archive.parse.Section;
import archive.search.Listing;
import archive.search.Neighbours;
import archive.search.StoredEntry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An entry shown as a page of its own: title, subtitle, date, tags, the body with its sections'
 * anchors, the entries before and after it, related entries, and the way back to the search.
 */
final class EntryPage {

  private EntryPage() {}

  /**
   * The page's main content.
   *
   * @param entry the entry as the index holds it
   * @param bodyHtml the body, already safe HTML (rendered from the source, or {@link #storedBody})
   * @param around the entries before and after it
   * @param related entries like it, best first
   * @param back where "back to the search" leads: a search page's path and query, or {@code /}
   */
  static String render(
      StoredEntry entry, String bodyHtml, Neighbours around, List<Listing> related, String back) {
    StringBuilder html = new StringBuilder(bodyHtml.length() + 2048);
    html.append("<p class=\"back\"><a href=\"").append(Html.href(back)).append("\">← ");
    html.append(back.startsWith("/search?") ? "Back to the results" : "Search the archive");
    html.append("</a></p>\n");
    html.append("<article class=\"entry\"");
    if (!entry.lang().isEmpty()) {
      html.append(" lang=\"").append(Html.text(entry.lang())).append('"');
    }
    html.append(">\n<header>\n<h1>").append(Html.text(entry.title())).append("</h1>\n");
    if (entry.subtitle() != null && !entry.subtitle().isBlank()) {
      html.append("<p class=\"subtitle\">").append(Html.text(entry.subtitle())).append("</p>\n");
    }
    html.append(meta(entry)).append("</header>\n<div class=\"body\">\n").append(bodyHtml);
    html.append("\n</div>\n</article>\n");
    html.append(neighbours(around)).append(related(related));
    return html.toString();
  }

  private static String meta(StoredEntry entry) {
    if (entry.date() == null && entry.tags().isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<p class=\"meta\">");
    if (entry.date() != null) {
      html.append(Dates.time(entry.date()));
    }
    for (String tag : entry.tags()) {
      html.append(" <a class=\"tag\" href=\"").append(ArchivePages.tagPath(tag)).append("\">#");
      html.append(Html.text(tag)).append("</a>");
    }
    return html.append("</p>\n").toString();
  }

  private static String neighbours(Neighbours around) {
    @Nullable Listing older = around.previous();
    @Nullable Listing newer = around.next();
    return olderNewer(
        "Older and newer entries",
        older == null ? null : Html.href(older.url()),
        older == null ? "" : Html.text(older.title()),
        newer == null ? null : Html.href(newer.url()),
        newer == null ? "" : Html.text(newer.title()));
  }

  /**
   * The links to what comes before and after a page (an entry, a year), or "" when neither is
   * there.
   *
   * @param label the navigation's accessible name
   * @param olderHref the older page's link, already escaped, or null when there is none
   * @param olderText its text, already HTML
   * @param newerHref the newer page's link, already escaped, or null when there is none
   * @param newerText its text, already HTML
   */
  static String olderNewer(
      String label,
      @Nullable String olderHref,
      String olderText,
      @Nullable String newerHref,
      String newerText) {
    if (olderHref == null && newerHref == null) {
      return "";
    }
    StringBuilder html = new StringBuilder("<nav class=\"neighbours\" aria-label=\"");
    html.append(label).append("\">\n");
    if (olderHref != null) {
      html.append("<a rel=\"prev\" href=\"").append(olderHref);
      html.append("\"><span>← Older</span> ").append(olderText).append("</a>\n");
    }
    if (newerHref != null) {
      html.append("<a rel=\"next\" href=\"").append(newerHref);
      html.append("\"><span>Newer →</span> ").append(newerText).append("</a>\n");
    }
    return html.append("</nav>\n").toString();
  }

  private static String related(List<Listing> related) {
    if (related.isEmpty()) {
      return "";
    }
    StringBuilder html =
        new StringBuilder("<aside class=\"related\" aria-labelledby=\"related\">\n");
    html.append("<h2 id=\"related\">Related entries</h2>\n<ul>\n");
    for (Listing entry : related) {
      html.append("<li><a href=\"").append(Html.href(entry.url())).append("\">");
      html.append(Html.text(entry.title())).append("</a>");
      if (entry.date() != null) {
        html.append(' ').append(Dates.time(entry.date()));
      }
      html.append("</li>\n");
    }
    return html.append("</ul>\n</aside>\n").toString();
  }

  /**
   * The body of an entry from the text the index stores, for when its source is not at hand:
   * headings and bold run-ins with their anchors, each line of text a paragraph.
   */
  static String storedBody(StoredEntry entry) {
    StringBuilder html = new StringBuilder(4096);
    for (Section section : entry.sections()) {
      String id = section.anchor().isEmpty() ? "" : " id=\"" + Html.text(section.anchor()) + "\"";
      boolean runIn = section.level() == Section.RUN_IN;
      if (!runIn && !section.heading().isEmpty()) {
        int level = Math.max(2, Math.min(4, section.level()));
        html.append("<h").append(level).append(id).append('>');
        html.append(Html.text(section.heading())).append("</h").append(level).append(">\n");
      }
      boolean first = true;
      for (String line : section.text().split("\n")) {
        if (line.isBlank() && !(first && runIn)) {
          continue;
        }
        html.append(
            first && runIn
                ? "<p" + id + "><strong>" + Html.text(section.heading()) + "</strong> "
                : "<p>");
        html.append(Html.text(line.strip())).append("</p>\n");
        first = false;
      }
    }
    return html.toString();
  }
}
