package archive.web;

import spark.Request;
import spark.Response;

/** Headers every response carries: no sniffing, a strict referrer policy, a CSP, CORS. */
final class Headers {

  /** The API returns data only: nothing in it may load, run or be framed. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** Pages load only their own files: no inline script, no other origin, no framing. */
  static final String PAGE_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private Headers() {}

  /** Whether {@code path} answers JSON (the API and {@code /health}), errors included. */
  static boolean answersJson(String path) {
    return path.startsWith("/api/") || path.equals("/health");
  }

  static void apply(Request req, Response res, Cors cors) {
    res.header("X-Content-Type-Options", "nosniff");
    res.header("Referrer-Policy", "strict-origin-when-cross-origin");
    res.header("Content-Security-Policy", answersJson(req.pathInfo()) ? API_POLICY : PAGE_POLICY);
    if (req.pathInfo().startsWith("/api/")) {
      res.header("Cache-Control", "no-cache");
      cors.allow(req, res);
    }
  }
}
