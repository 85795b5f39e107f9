package archive.web;

import archive.search.Listing;
import archive.search.Searcher;
import java.io.IOException;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import spark.Request;
import spark.Response;

/** The archive: every entry by year and month, and by tag. */
final class ArchivePages {

  private final Searcher searcher;

  ArchivePages(Searcher searcher) {
    this.searcher = searcher;
  }

  /** {@code /archive}: years with their months and counts, each year linking to its titles. */
  Object overview(Request req, Response res) throws IOException {
    StringBuilder main = new StringBuilder("<section class=\"archive\">\n<h1>The archive</h1>\n");
    Map<Integer, int[]> calendar = searcher.calendar();
    if (calendar.isEmpty()) {
      main.append("<p>No dated entries yet.</p>\n");
    }
    main.append("<ul class=\"years\">\n");
    calendar.forEach(
        (year, months) -> {
          int total = 0;
          StringBuilder monthList = new StringBuilder();
          for (int m = 0; m < 12; m++) {
            total += months[m];
            if (months[m] > 0) {
              monthList.append(" <a href=\"/archive/").append(year).append("#m").append(m + 1);
              monthList.append("\">").append(monthName(m + 1)).append("&nbsp;(");
              monthList.append(months[m]).append(")</a>");
            }
          }
          main.append("<li><a href=\"/archive/").append(year).append("\"><strong>").append(year);
          main.append("</strong></a> — ")
              .append(total)
              .append(total == 1 ? " entry:" : " entries:");
          main.append(monthList).append("</li>\n");
        });
    main.append("</ul>\n</section>\n");
    res.type("text/html; charset=utf-8");
    return Layout.page("The archive", "", main.toString());
  }

  /** {@code /archive/YYYY}: the titles of a year by month, newest first. */
  Object year(Request req, Response res) throws IOException {
    String value = req.params(":year");
    if (!value.matches("\\d{4}")) {
      throw new BadRequest("a year has four digits: /archive/2021");
    }
    int year = Integer.parseInt(value);
    List<Listing> entries = searcher.listings(year, null, Searcher.MAX_LISTING);
    res.type("text/html; charset=utf-8");
    return Layout.page(year + " in the archive", "", byMonth(String.valueOf(year), entries));
  }

  /** {@code /archive/tag/NAME}: the titles with a tag, newest first. */
  Object tag(Request req, Response res) throws IOException {
    String tag = req.params(":tag");
    if (tag.isBlank() || tag.length() > 64) {
      throw new BadRequest("a tag has 1 to 64 characters");
    }
    List<Listing> entries = searcher.listings(null, tag, Searcher.MAX_LISTING);
    res.type("text/html; charset=utf-8");
    if (entries.isEmpty()) {
      res.status(404);
    }
    return Layout.page("#" + tag, "tag:" + tag, byMonth("#" + tag, entries));
  }

  private static String byMonth(String heading, List<Listing> entries) {
    StringBuilder html = new StringBuilder("<section class=\"archive\">\n<h1>");
    html.append(Html.text(heading)).append("</h1>\n<p class=\"summary\">");
    html.append(entries.size()).append(entries.size() == 1 ? " entry" : " entries");
    html.append("</p>\n");
    String current = null;
    for (Listing entry : entries) {
      String group =
          entry.date() == null
              ? "Undated"
              : monthName(entry.date().getMonthValue()) + " " + entry.date().getYear();
      if (!group.equals(current)) {
        if (current != null) {
          html.append("</ol>\n");
        }
        String id = entry.date() == null ? "undated" : "m" + entry.date().getMonthValue();
        html.append("<h2 id=\"").append(id).append("\">").append(group).append("</h2>\n<ol>\n");
        current = group;
      }
      html.append("<li>");
      if (entry.date() != null) {
        html.append("<time datetime=\"").append(entry.date()).append("\">");
        html.append(entry.date()).append("</time>");
      }
      html.append("<a href=\"").append(Html.href(entry.url())).append("\">");
      html.append(Html.text(entry.title())).append("</a></li>\n");
    }
    if (current != null) {
      html.append("</ol>\n");
    }
    return html.append("</section>\n").toString();
  }

  /** The path of a tag's page, the tag escaped as a path segment ({@code machine%20learning}). */
  static String tagPath(String tag) {
    return "/archive/tag/" + PathCodec.segment(tag);
  }

  private static String monthName(int month) {
    return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
