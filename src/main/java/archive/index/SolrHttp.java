package archive.index;

import archive.index.SolrCollection.Credentials;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Talks to SolrCloud over its HTTP JSON API with the JDK's client (SolrJ's Jetty client would meet
 * the server's Jetty 9.4). Every request has a timeout; a node that does not answer is left for the
 * next one given, any of which serves the whole collection; every failure is one line that names
 * the address and what was asked. Thread-safe.
 */
public final class SolrHttp {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How long a search or a read may take. */
  public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

  /** How long a batch of updates or a commit may take. */
  static final Duration UPDATE_TIMEOUT = Duration.ofSeconds(120);

  /** Creating a collection waits for its replicas to start, which takes a while. */
  static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(180);

  private final List<URI> nodes;
  private final @Nullable String authorization;
  private final HttpClient http;
  private volatile int preferred; // the node that answered last

  /**
   * @param nodes the nodes to ask, in order; each address ends in {@code /}
   * @param credentials for basic authentication, or null
   */
  public SolrHttp(List<URI> nodes, @Nullable Credentials credentials) {
    this.nodes = List.copyOf(nodes);
    if (this.nodes.isEmpty()) {
      throw new IllegalArgumentException("no Solr node given");
    }
    this.authorization =
        credentials == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (credentials.user() + ":" + credentials.password())
                            .getBytes(StandardCharsets.UTF_8));
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** For one collection's nodes and credentials. */
  public SolrHttp(SolrCollection collection) {
    this(collection.nodes(), collection.credentials());
  }

  /** The first node, as messages name the cluster. */
  public URI first() {
    return nodes.get(0);
  }

  /**
   * Sends parameters as a form (no limit on a query's length, as a URL would have) and reads the
   * JSON answer.
   *
   * @param path below the node's address, such as {@code blog/select}
   * @param what what was asked, for a message: "search the collection blog"
   */
  public JsonObject form(
      String path, Map<String, List<String>> params, Duration timeout, String what)
      throws IOException {
    StringJoiner body = new StringJoiner("&");
    params.forEach(
        (name, values) -> values.forEach(value -> body.add(encode(name) + "=" + encode(value))));
    body.add("wt=json");
    return send(
        path,
        "application/x-www-form-urlencoded",
        HttpRequest.BodyPublishers.ofString(body.toString()),
        timeout,
        what);
  }

  /** Posts a JSON body, such as a batch of updates. */
  public JsonObject json(String path, String json, Duration timeout, String what)
      throws IOException {
    return send(path, "application/json", HttpRequest.BodyPublishers.ofString(json), timeout, what);
  }

  /** Posts bytes, such as a configset's zip. */
  JsonObject bytes(String path, byte[] bytes, Duration timeout, String what) throws IOException {
    return send(
        path,
        "application/octet-stream",
        HttpRequest.BodyPublishers.ofByteArray(bytes),
        timeout,
        what);
  }

  /** A GET, for the admin API's actions. */
  JsonObject get(String pathAndQuery, Duration timeout, String what) throws IOException {
    return send(pathAndQuery, null, HttpRequest.BodyPublishers.noBody(), timeout, what);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private JsonObject send(
      String path,
      @Nullable String contentType,
      HttpRequest.BodyPublisher body,
      Duration timeout,
      String what)
      throws IOException {
    IOException unreachable = null;
    int start = preferred;
    for (int i = 0; i < nodes.size(); i++) {
      int index = (start + i) % nodes.size();
      URI node = nodes.get(index);
      HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).timeout(timeout);
      if (contentType == null) {
        request.GET();
      } else {
        request.header("Content-Type", contentType).POST(body);
      }
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
        IOException failure =
            new IOException(
                "no Solr answers at "
                    + node
                    + " ("
                    + reason(e)
                    + "); is it running, and is the"
                    + " address right?",
                e);
        unreachable = after(failure, unreachable);
        continue; // another node serves the collection as well
      } catch (HttpTimeoutException e) {
        throw new IOException(
            "Solr at " + node + " did not answer in " + timeout.toSeconds() + " s to " + what, e);
      } catch (SSLException e) {
        IOException failure =
            new IOException(
                "no secure connection to Solr at "
                    + node
                    + " ("
                    + reason(e)
                    + "); does this JVM trust its certificate? (-Djavax.net.ssl.trustStore in"
                    + " ARCHIVE_JAVA_OPTS)",
                e);
        unreachable = after(failure, unreachable);
        continue;
      } catch (IOException e) {
        // A node that went away in the middle: reads and updates by id may be sent again.
        IOException failure =
            new IOException(
                "Solr at " + node + " broke off the answer to " + what + " (" + reason(e) + ")", e);
        unreachable = after(failure, unreachable);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for Solr at " + node, e);
      }
      int status = response.statusCode();
      if (status == 401 || status == 403) {
        // Wrong credentials are refused by every node; a node shutting down refuses alone.
        IOException failure = refused(node, status, what);
        unreachable = after(failure, unreachable);
        continue;
      }
      if (status == 502 || status == 503 || status == 504) {
        // A node stopping, starting or without a live replica: another may serve the request.
        IOException failure =
            new IOException("Solr at " + node + " is unavailable (HTTP " + status + ") to " + what);
        unreachable = after(failure, unreachable);
        continue;
      }
      preferred = index;
      return answer(node, response, what);
    }
    throw Objects.requireNonNull(unreachable);
  }

  private static JsonObject answer(URI node, HttpResponse<String> response, String what)
      throws IOException {
    int status = response.statusCode();
    JsonObject body;
    try {
      body = JsonParser.parseString(response.body()).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException(
          "Solr at " + node + " could not " + what + ": HTTP " + status + ", not a JSON answer", e);
    }
    if (status != 200 || body.has("error") || body.has("exception")) {
      throw new SolrException(
          "Solr at " + node + " could not " + what + ": " + solrReason(body, status), status);
    }
    return body;
  }

  /** A node's failure, with the failures of the nodes asked before it. */
  private static IOException after(IOException failure, @Nullable IOException before) {
    if (before != null) {
      failure.addSuppressed(before);
    }
    return failure;
  }

  private static IOException refused(URI node, int status, String what) {
    return new IOException(
        "Solr at "
            + node
            + " refused to "
            + what
            + " (HTTP "
            + status
            + "); set ARCHIVE_SOLR_USER and ARCHIVE_SOLR_PASSWORD, or"
            + " ARCHIVE_SOLR_CREDENTIALS to a file holding user:password");
  }

  private static String reason(Exception e) {
    if (e.getMessage() != null) {
      return e.getMessage();
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "timed out connecting";
    }
    return e instanceof UnresolvedAddressException ? "unknown host" : "connection refused";
  }

  /** Solr's own reason for a refusal, on one line. */
  private static String solrReason(JsonObject body, int status) {
    String message = null;
    if (body.has("error") && body.get("error").isJsonObject()) {
      JsonObject error = body.getAsJsonObject("error");
      if (error.has("msg")) {
        message = error.get("msg").getAsString();
      }
    }
    if (message == null && body.has("exception")) {
      JsonElement exception = body.get("exception");
      message =
          exception.isJsonObject() && exception.getAsJsonObject().has("msg")
              ? exception.getAsJsonObject().get("msg").getAsString()
              : exception.toString();
    }
    if (message == null) {
      message = "HTTP " + status + ", no reason given";
    }
    // A node that forwarded the request puts the reason of the node that refused it last.
    String remote = "Remote error message: ";
    int at = message.lastIndexOf(remote);
    if (at >= 0) {
      message = message.substring(at + remote.length());
    }
    return message.lines().findFirst().orElse(message).strip();
  }

  /** Solr answered, and refused: its status and reason. */
  public static final class SolrException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    SolrException(String message, int status) {
      super(message);
      this.status = status;
    }

    /** The HTTP status Solr answered with. */
    public int status() {
      return status;
    }
  }
}
