package archive.web;

import archive.search.SearchRequest;
import archive.search.SearchResult;
import archive.search.Searcher;
import java.io.IOException;
import spark.Request;
import spark.Response;

/** Handlers of the human-facing pages: the home page, the search page and their assets. */
final class SearchPages {

  private final Searcher searcher;
  private final Assets assets = new Assets();

  SearchPages(Searcher searcher) {
    this.searcher = searcher;
  }

  Object home(Request req, Response res) {
    res.type("text/html; charset=utf-8");
    String main =
        """
        <section class="welcome">
        <h1>Search the archive</h1>
        <p>Type a few words above. Quote a phrase (<code>"flaky deployments"</code>), exclude a word \
        (<code>-rye</code>), narrow by <code>tag:rust</code>, <code>year:2021</code>, \
        <code>after:2021-06</code> or <code>title:word</code>, or end a word with <code>*</code>.</p>
        <p>Or <a href="/archive">browse every entry by date</a>.</p>
        </section>
        """;
    return Layout.page("Search the archive", "", main);
  }

  Object search(Request req, Response res) throws IOException {
    String q = req.queryParams("q");
    if (q == null || q.isBlank()) {
      res.redirect("/");
      return "";
    }
    res.type("text/html; charset=utf-8");
    SearchRequest request;
    try {
      request = SearchParams.read(req::queryParams);
    } catch (BadRequest e) {
      res.status(400);
      return Layout.page("Bad search", q, Layout.error(e.getMessage()));
    }
    SearchResult result = searcher.search(request);
    Refinement ref = new Refinement(q, req.queryParams("year"), req.queryParams("tag"));
    return Layout.page(q + " — search", q, ResultsView.render(ref, request, result));
  }

  Object asset(Request req, Response res) {
    return serve(req.params(":name"), res);
  }

  /** The embeddable box, loaded by other sites' pages with a plain script tag. */
  Object embed(Request req, Response res) {
    res.header("Cross-Origin-Resource-Policy", "cross-origin");
    return serve("embed.js", res);
  }

  private Object serve(String name, Response res) {
    Assets.Asset asset = assets.get(name);
    if (asset == null) {
      res.status(404);
      res.type("text/plain; charset=utf-8");
      return "no such file";
    }
    res.type(asset.type());
    res.header("Cache-Control", "public, max-age=300");
    return asset.bytes();
  }
}
