package archive.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import spark.Request;
import spark.Response;

/**
 * Cross-origin access to the API: only the configured origins (and the server's own) may read it
 * from a browser. Answers are never sent as JSONP.
 */
final class Cors {

  private final Set<String> allowed;

  Cors(List<String> allowedOrigins) {
    this.allowed = Set.copyOf(allowedOrigins);
  }

  /** Whether a page from this origin may read the API. */
  boolean allows(Request req, String origin) {
    String host = req.headers("Host");
    return allowed.contains(origin) || host != null && origin.equals("http://" + host);
  }

  /** Adds the CORS headers of an allowed cross-origin request. */
  void allow(Request req, Response res) {
    String origin = req.headers("Origin");
    res.header("Vary", "Origin");
    if (origin != null && allows(req, origin)) {
      res.header("Access-Control-Allow-Origin", origin);
    }
  }

  /** Answers a preflight: 204 for an allowed origin, 403 otherwise. */
  Object preflight(Request req, Response res) {
    String origin = req.headers("Origin");
    if (origin == null || !allows(req, origin)) {
      res.status(403);
      return ArchiveServer.json(
          res,
          Map.of(
              "error",
              "origin not allowed; start the server with --allow-origin https://your.blog",
              "status",
              403));
    }
    res.header("Access-Control-Allow-Methods", "GET, OPTIONS");
    res.header("Access-Control-Allow-Headers", "Content-Type");
    res.header("Access-Control-Max-Age", "600");
    res.status(204);
    return "";
  }
}
