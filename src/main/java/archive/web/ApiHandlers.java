package archive.web;

import archive.index.IndexStats;
import archive.search.SearchResult;
import archive.search.Searcher;
import archive.search.Suggestion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import spark.Request;
import spark.Response;

/** Handlers of the JSON API: search, suggestions and statistics. */
final class ApiHandlers {

  private final Searcher searcher;

  ApiHandlers(Searcher searcher) {
    this.searcher = searcher;
  }

  Object search(Request req, Response res) throws IOException {
    SearchResult result = searcher.search(SearchParams.read(req::queryParams));
    return ArchiveServer.json(res, SearchJson.toMap(result));
  }

  Object suggest(Request req, Response res) throws IOException {
    String q = req.queryParams("q");
    if (q == null) {
      throw new BadRequest("q is required: /api/suggest?q=kube");
    }
    if (q.length() > 100) {
      throw new BadRequest("q is longer than 100 characters");
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
