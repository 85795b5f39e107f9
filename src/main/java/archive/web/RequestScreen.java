package archive.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Answers, before Spark sees them, the requests its routes cannot: the server only reads, so a
 * method other than GET and HEAD (and OPTIONS, the API's preflight) is a 405 that names the ones
 * allowed, and a request naming two hosts is a 400 (RFC 9112, section 3.2). Spark cannot route a
 * request whose target is not a path ({@code CONNECT host:443}): it fails before any route, and its
 * exception mapping then fails too, with a 500 and a stack trace in the log (issue 10).
 */
final class RequestScreen extends HandlerWrapper {

  private static final List<String> METHODS = List.of("GET", "HEAD");
  private static final List<String> API_METHODS = List.of("GET", "HEAD", "OPTIONS");

  @Override
  public void handle(
      String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String path = request.getRequestURI() == null ? "" : request.getRequestURI();
    List<String> allowed = path.startsWith("/api/") ? API_METHODS : METHODS;
    if (!allowed.contains(request.getMethod())) { // names are case-sensitive: "get" is not GET
      response.setHeader("Allow", String.join(", ", allowed));
      String methods = String.join(" or ", allowed);
      refuse(base, response, 405, path, "This server only reads: ask with " + methods + ".");
    } else if (Collections.list(request.getHeaders("Host")).size() > 1) {
      refuse(base, response, 400, path, "The request names more than one Host.");
    } else {
      super.handle(target, base, request, response);
    }
  }

  /**
   * A short answer, after which the connection closes: JSON for the API, as its other errors are,
   * and plain text for the rest.
   */
  private static void refuse(
      Request base, HttpServletResponse response, int status, String path, String message)
      throws IOException {
    base.setHandled(true);
    response.setStatus(status);
    response.setHeader("Connection", "close"); // Jetty would wait for a CONNECT's tunnel or a body
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", Headers.API_POLICY);
    boolean api = Headers.answersJson(path);
    response.setContentType(api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
    String body =
        api ? SearchJson.write(Map.of("error", message, "status", status)) : message + "\n";
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
