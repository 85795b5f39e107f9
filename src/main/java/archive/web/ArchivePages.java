package archive.web;

import archive.ingest.PercentEncoding;
import archive.search.Facets;
import archive.search.Listing;
import archive.search.Searcher;
import java.io.IOException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import spark.Request;
import spark.Response;

/** The archive: every entry by year and month, and by tag. */
final class ArchivePages {

  private final Searcher searcher;
  private final Layout layout;

  ArchivePages(Searcher searcher, Layout layout) {
    this.searcher = searcher;
    this.layout = layout;
  }

  /** {@code /archive}: every entry's title by year and month, newest first. */
  Object overview(Request req, Response res) throws IOException {
    List<Listing> entries = searcher.listings(null, null, Searcher.MAX_LISTING);
    List<Facets.TagCount> tags = searcher.tags();
    StringBuilder main = new StringBuilder("<section class=\"archive\">\n<h1>The archive</h1>\n");
    main.append("<p class=\"summary\">").append(count(entries.size()));
    if (!tags.isEmpty()) {
      main.append(" · <a href=\"/archive/tag\">").append(tags.size());
      main.append(tags.size() == 1 ? " tag" : " tags").append("</a>");
    }
    main.append("</p>\n");
    if (entries.isEmpty()) {
      main.append("<p>No entries yet.</p>\n");
    }
    main.append(byMonth(entries, true)).append("</section>\n");
    res.type("text/html; charset=utf-8");
    return layout.page("The archive", "", main.toString());
  }

  /** {@code /archive/YYYY}: the titles of a year by month, newest first, between its neighbours. */
  Object year(Request req, Response res) throws IOException {
    String value = req.params(":year");
    if (!value.matches("\\d{4}")) {
      throw new BadRequest("A year has four digits, such as /archive/2021.");
    }
    int year = Integer.parseInt(value);
    List<Listing> entries = searcher.listings(year, null, Searcher.MAX_LISTING);
    res.type("text/html; charset=utf-8");
    if (entries.isEmpty()) {
      res.status(404);
    }
    StringBuilder main = new StringBuilder("<section class=\"archive\">\n<h1>");
    main.append(year).append("</h1>\n<p class=\"summary\">").append(count(entries.size()));
    main.append("</p>\n").append(byMonth(entries, false));
    main.append(yearLinks(year, new ArrayList<>(searcher.calendar().keySet())));
    return layout.page(year + " in the archive", "", main.append("</section>\n").toString());
  }

  /** Links to the years before and after one that have entries; years are newest first. */
  private static String yearLinks(int year, List<Integer> years) {
    Integer older = null;
    Integer newer = null;
    for (int y : years) {
      if (y < year && (older == null || y > older)) {
        older = y;
      }
      if (y > year && (newer == null || y < newer)) {
        newer = y;
      }
    }
    return EntryPage.olderNewer(
        "Other years",
        older == null ? null : "/archive/" + older,
        String.valueOf(older),
        newer == null ? null : "/archive/" + newer,
        String.valueOf(newer));
  }

  /** {@code /archive/tag}: every tag with how many entries carry it, most used first. */
  Object tags(Request req, Response res) throws IOException {
    List<Facets.TagCount> tags = searcher.tags();
    StringBuilder main = new StringBuilder("<section class=\"archive\">\n<h1>Tags</h1>\n");
    main.append("<p class=\"summary\">").append(tags.size());
    main.append(tags.size() == 1 ? " tag" : " tags").append("</p>\n<ul class=\"tags\">\n");
    for (Facets.TagCount tag : tags) {
      main.append("<li><a href=\"").append(tagPath(tag.tag())).append("\">#");
      main.append(Html.text(tag.tag())).append("</a> <span class=\"count\">");
      main.append(tag.count()).append("</span></li>\n");
    }
    main.append("</ul>\n</section>\n");
    res.type("text/html; charset=utf-8");
    return layout.page("Tags", "", main.toString());
  }

  /** {@code /archive/tag/NAME}: the titles with a tag, newest first. */
  Object tag(Request req, Response res) throws IOException {
    String tag = req.params(":tag");
    if (tag.isBlank() || tag.length() > 64) {
      throw new BadRequest("A tag has 1 to 64 characters.");
    }
    List<Listing> entries = searcher.listings(null, tag, Searcher.MAX_LISTING);
    res.type("text/html; charset=utf-8");
    if (entries.isEmpty()) {
      res.status(404);
    }
    StringBuilder main = new StringBuilder("<section class=\"archive\">\n<h1>#");
    main.append(Html.text(tag)).append("</h1>\n<p class=\"summary\">");
    main.append(count(entries.size())).append(" · <a href=\"/archive/tag\">every tag</a></p>\n");
    main.append(byMonth(entries, false)).append("</section>\n");
    return layout.page("#" + tag, "tag:" + tag, main.toString());
  }

  private static String count(int entries) {
    return entries + (entries == 1 ? " entry" : " entries");
  }

  /**
   * Entries under a heading per month (and, with {@code years}, per year), in the order given. Each
   * heading has an id ({@code 2022-03}, {@code undated}) that other pages link to.
   */
  private static String byMonth(List<Listing> entries, boolean years) {
    StringBuilder html = new StringBuilder(entries.size() * 120 + 64);
    String current = null;
    int year = Integer.MIN_VALUE;
    for (Listing entry : entries) {
      if (years && entry.date() != null && entry.date().getYear() != year) {
        year = entry.date().getYear();
        html.append(current == null ? "" : "</ol>\n");
        html.append("<h2 id=\"y").append(year).append("\"><a href=\"/archive/").append(year);
        html.append("\">").append(year).append("</a></h2>\n");
        current = null;
      }
      LocalDate date = entry.date();
      String group = date == null ? "undated" : monthId(date);
      if (!group.equals(current)) {
        int level = years && entry.date() != null ? 3 : 2; // under its year's heading
        html.append(current == null ? "" : "</ol>\n");
        html.append("<h").append(level).append(" id=\"").append(group).append("\">");
        html.append(entry.date() == null ? "Undated" : monthName(entry.date().getMonthValue()));
        html.append(years || entry.date() == null ? "" : " " + entry.date().getYear());
        html.append("</h").append(level).append(">\n<ol>\n");
        current = group;
      }
      html.append("<li>");
      if (entry.date() != null) {
        html.append(Dates.time(entry.date()));
      }
      html.append("<a href=\"").append(Html.href(entry.url())).append("\">");
      html.append(Html.text(entry.title())).append("</a></li>\n");
    }
    return html.append(current == null ? "" : "</ol>\n").toString();
  }

  private static String monthId(LocalDate date) {
    return "%d-%02d".formatted(date.getYear(), date.getMonthValue());
  }

  /** The path of a tag's page, the tag escaped as a path segment ({@code machine%20learning}). */
  static String tagPath(String tag) {
    return "/archive/tag/" + PercentEncoding.encode(tag, PercentEncoding.UNRESERVED);
  }

  private static String monthName(int month) {
    return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
