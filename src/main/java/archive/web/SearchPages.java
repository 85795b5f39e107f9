package archive.web;

import archive.search.Facets;
import archive.search.Listing;
import archive.search.SearchRequest;
import archive.search.SearchResult;
import archive.search.Searcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import spark.Request;
import spark.Response;

/**
 * Handlers of the human-facing pages: the home page, the search page, the part of it that the
 * page's script fetches as the reader types, and their assets.
 */
final class SearchPages {

  /** Words too common to make a good example search. */
  private static final Set<String> PLAIN_WORDS =
      Set.of(
          "about", "after", "again", "before", "from", "into", "notes", "that", "their", "there",
          "these", "this", "what", "when", "where", "which", "with", "your");

  private final Searcher searcher;
  private final Layout layout;
  private final Assets assets = new Assets();

  SearchPages(Searcher searcher, Layout layout) {
    this.searcher = searcher;
    this.layout = layout;
  }

  Object home(Request req, Response res) throws IOException {
    res.type("text/html; charset=utf-8");
    return layout.page("", "", welcome());
  }

  /** The home page's content: what the archive holds, and searches that work on it. */
  private String welcome() throws IOException {
    Map<Integer, int[]> calendar = searcher.calendar();
    StringBuilder html = new StringBuilder("<section class=\"welcome\">\n<h1>Search ");
    html.append(Html.text(layout.site().name())).append("</h1>\n<p>");
    if (!calendar.isEmpty()) {
      int newest = calendar.keySet().iterator().next();
      int oldest = new ArrayList<>(calendar.keySet()).get(calendar.size() - 1);
      html.append(
          oldest == newest ? "Entries of " + newest : "Entries from " + oldest + " to " + newest);
      html.append(". ");
    }
    List<String> tips = tips(calendar);
    if (!tips.isEmpty()) {
      html.append("Try ").append(String.join(", ", tips)).append(", or ");
    } else {
      html.append("Type a few words above, or ");
    }
    html.append("<a href=\"/archive\">browse every entry by date</a> or ");
    html.append("<a href=\"/archive/tag\">by tag</a>.</p>\n");
    html.append("<p class=\"syntax\">Quote a phrase (<code>\"dev log\"</code>), leave a word out ");
    html.append("(<code>-draft</code>), narrow by <code>tag:</code>, <code>year:</code>, ");
    html.append("<code>after:2021-06</code> or <code>title:</code>, or end a word with ");
    html.append("<code>*</code>.</p>\n</section>\n");
    return html.toString();
  }

  /**
   * Searches that find something in this archive: a word of the newest title, its most used tags,
   * its newest year; each a link.
   */
  private List<String> tips(Map<Integer, int[]> calendar) throws IOException {
    List<String> tips = new ArrayList<>();
    List<Listing> newest = searcher.listings(null, null, 1);
    if (!newest.isEmpty()) {
      String word = titleWord(newest.get(0).title());
      if (word != null) {
        tips.add(tip(word));
      }
    }
    List<Facets.TagCount> tags = searcher.tags();
    for (Facets.TagCount tag : tags.subList(0, Math.min(2, tags.size()))) {
      tips.add(tip("tag:" + tag.tag()));
    }
    if (!calendar.isEmpty()) {
      tips.add(tip("year:" + calendar.keySet().iterator().next()));
    }
    return tips;
  }

  private static String tip(String query) {
    return "<a href=\"/search?q="
        + Html.param(query)
        + "\"><code>"
        + Html.text(query)
        + "</code></a>";
  }

  /** The longest plain word of a title, lower-cased; null when it has none of four letters. */
  private static @Nullable String titleWord(String title) {
    String best = null;
    for (String word : title.split("[^\\p{L}\\p{N}]+")) {
      String lower = word.toLowerCase(Locale.ROOT);
      if (lower.length() >= 4
          && !PLAIN_WORDS.contains(lower)
          && (best == null || lower.length() > best.length())) {
        best = lower;
      }
    }
    return best;
  }

  Object search(Request req, Response res) throws IOException {
    String q = req.queryParams("q");
    if (q == null || q.isBlank()) {
      res.redirect("/");
      return "";
    }
    res.type("text/html; charset=utf-8");
    Results results = searched(req, res);
    return layout.page(results.title(), q, results.html());
  }

  /**
   * The main content of the search page alone, for the page's script: wrapped in an element that
   * carries the page's title and the live region's text. An empty query gives the home content.
   */
  Object results(Request req, Response res) throws IOException {
    res.type("text/html; charset=utf-8");
    res.header("Cache-Control", "no-cache");
    String q = req.queryParams("q");
    Results results =
        q == null || q.isBlank() ? new Results("", "", welcome()) : searched(req, res);
    return "<div id=\"results\" data-title=\""
        + Html.text(layout.title(results.title()))
        + "\" data-status=\""
        + Html.text(results.status())
        + "\">\n"
        + results.html()
        + "</div>\n";
  }

  /** What a search shows: the page's title, what the live region says, the main content. */
  private record Results(String title, String status, String html) {}

  private Results searched(Request req, Response res) throws IOException {
    String q = req.queryParams("q");
    SearchParams.Params params = SearchParams.of(req);
    SearchRequest request;
    Refinement ref;
    try {
      request = SearchParams.read(params);
      ref = Refinement.of(params);
    } catch (BadRequest e) {
      res.status(400);
      return new Results("Search problem", e.reason(), Layout.error(e.reason()));
    }
    SearchResult result = searcher.search(request);
    int pages = ResultsView.pages(request, result);
    if (request.page() > Math.max(1, pages)) {
      res.status(404);
      return new Results(
          q + " — no page " + request.page(),
          "There is no page " + request.page() + " of these results.",
          ResultsView.pastTheEnd(ref, request.page(), pages));
    }
    String tips = result.total() == 0 ? noResults() : "";
    return new Results(
        q + " — search",
        ResultsView.summaryText(q, result.total()),
        ResultsView.render(ref, request, result, tips));
  }

  /** Tips under "No results": searches that find something in this archive. */
  private String noResults() throws IOException {
    List<String> tips = tips(searcher.calendar());
    StringBuilder html =
        new StringBuilder("<div class=\"tips\"><p>Check the spelling, use fewer or ");
    html.append("other words");
    if (!tips.isEmpty()) {
      html.append(", or try ").append(String.join(", ", tips));
    }
    return html.append(".</p></div>\n").toString();
  }

  Object asset(Request req, Response res) {
    return serve(req.params(":name"), req, res);
  }

  /** The embeddable box, loaded by other sites' pages with a plain script tag. */
  Object embed(Request req, Response res) {
    res.header("Cross-Origin-Resource-Policy", "cross-origin");
    return serve("embed.js", req, res);
  }

  private Object serve(String name, Request req, Response res) {
    Assets.Asset asset = assets.get(name);
    if (asset == null) {
      res.status(404);
      res.type("text/plain; charset=utf-8");
      return "no such file";
    }
    res.type(asset.type());
    // Fresh for five minutes, then revalidated: a new version reaches blogs within minutes.
    res.header("Cache-Control", "public, max-age=300");
    res.header("ETag", asset.etag());
    String known = req.headers("If-None-Match");
    if (known != null && matches(known, asset.etag())) {
      res.status(304);
      return "";
    }
    return asset.bytes();
  }

  /** Whether an If-None-Match names a tag; the compressing handler may have suffixed it. */
  private static boolean matches(String ifNoneMatch, String etag) {
    String bare = etag.substring(1, etag.length() - 1);
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip().replaceFirst("^W/", "");
      if (tag.equals("*") || tag.equals(etag) || tag.startsWith("\"" + bare + "-")) {
        return true;
      }
    }
    return false;
  }
}
