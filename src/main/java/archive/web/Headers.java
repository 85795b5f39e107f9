package archive.web;

import spark.Request;
import spark.Response;

/** Headers every response carries: no sniffing, a strict referrer policy, a CSP, CORS. */
final class Headers {

  /** The API returns data only: nothing in it may load, run or be framed. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private Headers() {}

  static void apply(Request req, Response res, Cors cors) {
    res.header("X-Content-Type-Options", "nosniff");
    res.header("Referrer-Policy", "strict-origin-when-cross-origin");
    res.header("Content-Security-Policy", API_POLICY);
    if (req.pathInfo().startsWith("/api/")) {
      res.header("Cache-Control", "no-cache");
      cors.allow(req, res);
    }
  }
}
