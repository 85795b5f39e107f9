package archive.index;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

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

  private final SolrHttp http;

  /**
   * @param base a node's address, such as {@code http://127.0.0.1:8983/solr/}
   * @param credentials for Solr's basic authentication, or null
   */
  public SolrAdmin(URI base, SolrCollection.@Nullable Credentials credentials) {
    Objects.requireNonNull(base, "base");
    String text = base.toString();
    this.http =
        new SolrHttp(List.of(URI.create(text.endsWith("/") ? text : text + "/")), credentials);
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
    http.bytes(
        "admin/configs?action=UPLOAD&overwrite=true&name=" + CONFIGSET,
        configsetZip(),
        SolrHttp.ADMIN_TIMEOUT,
        "upload archive's configset");
  }

  /**
   * Creates a collection with archive's configset, its shards spread over the nodes, and waits
   * until every replica is active.
   *
   * @throws IOException when Solr refuses (the collection exists, too few nodes for the replicas),
   *     with Solr's reason
   */
  public void createCollection(String name, int shards, int replicas) throws IOException {
    http.get(
        "admin/collections?action=CREATE&wt=json&waitForFinalState=true"
            + "&name="
            + SolrHttp.encode(name)
            + "&numShards="
            + shards
            + "&replicationFactor="
            + replicas
            + "&collection.configName="
            + CONFIGSET,
        SolrHttp.ADMIN_TIMEOUT,
        "create the collection " + name);
  }

  /** The collections the cluster holds. */
  public List<String> collections() throws IOException {
    JsonObject answer =
        http.get(
            "admin/collections?action=LIST&wt=json",
            SolrHttp.ADMIN_TIMEOUT,
            "list the collections");
    return answer.getAsJsonArray("collections").asList().stream()
        .map(JsonElement::getAsString)
        .toList();
  }
}
