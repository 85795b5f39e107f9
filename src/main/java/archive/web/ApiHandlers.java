package archive.web;

import archive.index.IndexStats;
import archive.search.Listing;
import archive.search.SearchRequest;
import archive.search.SearchResult;
import archive.search.Searcher;
import archive.search.Suggestion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import spark.Request;
import spark.Response;

/** Handlers of the JSON API: search, suggestions and statistics. */
final class ApiHandlers {

  private final Searcher searcher;

  ApiHandlers(Searcher searcher) {
    this.searcher = searcher;
  }

  Object search(Request req, Response res) throws IOException {
    List<String> fields = fields(req.queryParams("fields"));
    SearchParams.Params params = SearchParams.of(req);
    SearchRequest request = SearchParams.read(params).counted(SearchParams.counting(params));
    SearchResult result = searcher.search(request);
    return ArchiveServer.json(res, SearchJson.toMap(result, fields, request.counting().facets()));
  }

  /** The result fields asked for with {@code fields=title,url,…}; all of them when absent. */
  private static List<String> fields(@Nullable String param) {
    if (param == null || param.isBlank()) {
      return SearchJson.HIT_FIELDS;
    }
    List<String> fields = new ArrayList<>();
    for (String field : param.split(",")) {
      String name = field.strip();
      if (!SearchJson.HIT_FIELDS.contains(name)) {
        throw new BadRequest(
            "fields are some of "
                + String.join(",", SearchJson.HIT_FIELDS)
                + " (not "
                + name
                + ").");
      }
      fields.add(name);
    }
    return fields;
  }

  /**
   * {@code /api/related?url=…}: the entries most like the one at a URL (as the index holds it, or a
   * page of the blog's own address, or just its path), for a blog page to list.
   */
  Object related(Request req, Response res) throws IOException {
    String url = req.queryParams("url");
    if (url == null || url.isBlank() || url.length() > 2000) {
      throw new BadRequest("Say which entry: /api/related?url=https://blog.example.org/a-post/");
    }
    int size = 5;
    String sizeParam = req.queryParams("size");
    if (sizeParam != null && !sizeParam.isEmpty()) {
      if (!sizeParam.matches("\\d{1,2}")
          || Integer.parseInt(sizeParam) < 1
          || Integer.parseInt(sizeParam) > Searcher.MAX_RELATED) {
        throw new BadRequest(
            "size must be a whole number from 1 to "
                + Searcher.MAX_RELATED
                + " (size="
                + sizeParam
                + ").");
      }
      size = Integer.parseInt(sizeParam);
    }
    String found = entryUrl(url.strip());
    List<Map<String, Object>> related = new ArrayList<>();
    if (found != null) {
      for (Listing entry : searcher.related(found, size)) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("title", entry.title());
        one.put("url", entry.url());
        one.put("date", entry.date() == null ? null : entry.date().toString());
        one.put("tags", entry.tags());
        related.add(one);
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("url", found);
    json.put("related", related);
    return ArchiveServer.json(res, json);
  }

  /**
   * The URL the index holds for a page: as given, without its query and fragment, and then its path
   * alone (a page of a blog whose index is site-relative), with and without a trailing {@code
   * index.html}.
   */
  private @Nullable String entryUrl(String url) throws IOException {
    List<String> candidates = new ArrayList<>();
    String bare = url.replaceFirst("[?#].*$", "");
    candidates.add(bare);
    try {
      java.net.URI uri = java.net.URI.create(bare);
      if (uri.getRawPath() != null && uri.getHost() != null) {
        candidates.add(uri.getRawPath());
      }
    } catch (IllegalArgumentException e) {
      // not a URL: only tried as given
    }
    for (String candidate : List.copyOf(candidates)) {
      if (candidate.endsWith("/index.html")) {
        candidates.add(candidate.substring(0, candidate.length() - "index.html".length()));
      }
    }
    for (String candidate : candidates) {
      if (searcher.entryAt(candidate).isPresent()) {
        return candidate;
      }
    }
    return null;
  }

  Object suggest(Request req, Response res) throws IOException {
    String q = req.queryParams("q");
    if (q == null) {
      throw new BadRequest(
          "Type something to complete (the q parameter is empty): /api/suggest?q=kube");
    }
    if (q.length() > 100) {
      throw new BadRequest("What you typed is too long to complete (100 characters at most).");
    }
    List<Map<String, Object>> suggestions = new ArrayList<>();
    for (Suggestion s : searcher.suggest(q, Searcher.MAX_SUGGESTIONS)) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("text", s.text());
      one.put("kind", s.kind());
      one.put("url", s.url());
      suggestions.add(one);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("query", q);
    json.put("suggestions", suggestions);
    return ArchiveServer.json(res, json);
  }

  Object stats(Request req, Response res) throws IOException {
    IndexStats stats = searcher.stats();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("entries", stats.entries());
    json.put("sections", stats.sections());
    json.put("listPages", stats.lists());
    json.put("first", stats.first() == null ? null : stats.first().toString());
    json.put("last", stats.last() == null ? null : stats.last().toString());
    Map<String, Integer> years = new LinkedHashMap<>();
    stats.perYear().forEach((year, count) -> years.put(String.valueOf(year), count));
    json.put("perYear", years);
    Map<String, Integer> tags = new LinkedHashMap<>();
    stats.topTags().forEach(tag -> tags.put(tag.getKey(), tag.getValue()));
    json.put("topTags", tags);
    json.put("sizeBytes", stats.sizeBytes());
    json.put("indexedAt", stats.indexedAt() == null ? null : stats.indexedAt().toString());
    return ArchiveServer.json(res, json);
  }
}
