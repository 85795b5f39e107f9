package archive.index;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Sets a SolrCloud up for archive over Solr's HTTP JSON API: uploads archive's configset (schema
 * and settings, {@code src/main/resources/archive/index/solr}) and creates a collection with it.
 * Every request has a timeout, and every failure is one line that names the address.
 */
public final class SolrAdmin {

  /** The configset's files, as they lie beside this class. */
  static final List<String> CONFIGSET_FILES =
      List.of(
          "solrconfig.xml",
          "schema.xml",
          "stopwords_en.txt",
          "mapping-apostrophes.txt",
          "wdfftypes.txt");

  /** The name archive's configset is uploaded under. */
  public static final String CONFIGSET = "archive";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Creating a collection waits for its replicas to start, which takes a while. */
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(180);

  private final URI base;
  private final HttpClient http;

  /**
   * @param base a node's address, such as {@code http://127.0.0.1:8983/solr/}
   */
  public SolrAdmin(URI base) {
    Objects.requireNonNull(base, "base");
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** The configset as a zip, the form Solr's configset API takes. */
  static byte[] configsetZip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : CONFIGSET_FILES) {
        try (InputStream in = SolrAdmin.class.getResourceAsStream("solr/" + name)) {
          if (in == null) {
            throw new IllegalStateException("configset file missing from the jar: " + name);
          }
          zip.putNextEntry(new ZipEntry(name));
          in.transferTo(zip);
          zip.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  /** Uploads archive's configset, replacing an earlier upload of it. */
  public void uploadConfigset() throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(
                base.resolve("admin/configs?action=UPLOAD&overwrite=true&name=" + CONFIGSET))
            .timeout(ADMIN_TIMEOUT)
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(configsetZip()))
            .build();
    send(request, "upload archive's configset");
  }

  /**
   * Creates a collection with archive's configset, its shards spread over the nodes, and waits
   * until every replica is active.
   *
   * @throws IOException when Solr refuses (the collection exists, too few nodes for the replicas),
   *     with Solr's reason
   */
  public void createCollection(String name, int shards, int replicas) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(
                base.resolve(
                    "admin/collections?action=CREATE&wt=json&waitForFinalState=true"
                        + "&name="
                        + encode(name)
                        + "&numShards="
                        + shards
                        + "&replicationFactor="
                        + replicas
                        + "&collection.configName="
                        + CONFIGSET))
            .timeout(ADMIN_TIMEOUT)
            .GET()
            .build();
    send(request, "create the collection " + name);
  }

  /** The collections the cluster holds. */
  public List<String> collections() throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("admin/collections?action=LIST&wt=json"))
            .timeout(ADMIN_TIMEOUT)
            .GET()
            .build();
    JsonObject answer = send(request, "list the collections");
    return answer.getAsJsonArray("collections").asList().stream()
        .map(JsonElement::getAsString)
        .toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Sends a request; any failure is an IOException of one line that names the address. */
  private JsonObject send(HttpRequest request, String what) throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new IOException(
          "no Solr answers at "
              + base
              + " ("
              + reason(e)
              + "); is it running, and is the address right?",
          e);
    } catch (HttpTimeoutException e) {
      throw new IOException("Solr at " + base + " did not answer in time to " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for Solr at " + base, e);
    }
    JsonObject body;
    try {
      body = JsonParser.parseString(response.body()).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException(
          "Solr at " + base + " could not " + what + ": HTTP " + response.statusCode(), e);
    }
    if (response.statusCode() != 200 || body.has("error") || body.has("exception")) {
      throw new IOException("Solr at " + base + " could not " + what + ": " + solrReason(body));
    }
    return body;
  }

  private static String reason(Exception e) {
    if (e.getMessage() != null) {
      return e.getMessage();
    }
    return e instanceof HttpConnectTimeoutException ? "timed out connecting" : "connection refused";
  }

  /** Solr's own reason for a refusal, on one line. */
  private static String solrReason(JsonObject body) {
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
      message = "no reason given";
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
