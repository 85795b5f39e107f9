package archive.index;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SolrCloud collection that holds archive's index instead of a folder: the nodes to ask (any of
 * them serves the whole collection; the next is tried when one does not answer), the collection's
 * name and the credentials for Solr's basic authentication, if it asks for any.
 *
 * @param nodes each node's address, such as {@code http://127.0.0.1:8983/solr/}; at least one
 * @param name the collection
 * @param credentials user and password, or null when Solr asks for none
 */
public record SolrCollection(List<URI> nodes, String name, @Nullable Credentials credentials) {

  /** Letters, digits, '.', '_' and '-' (not first), as Solr allows in a collection's name. */
  public static final String NAME_PATTERN = "[A-Za-z0-9._][A-Za-z0-9._-]{0,99}";

  /** A user and password for Solr's basic authentication. */
  public record Credentials(String user, String password) {
    public Credentials {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (user.isEmpty() || user.indexOf(':') >= 0) {
        throw new IllegalArgumentException("a Solr user name is not empty and has no ':'");
      }
    }

    @Override
    public String toString() {
      return "Credentials[" + user + ", password hidden]"; // never the password in a log
    }
  }

  public SolrCollection {
    nodes = nodes.stream().map(SolrCollection::withSlash).toList();
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no Solr node given");
    }
    for (URI node : nodes) {
      String scheme = node.getScheme() == null ? "" : node.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || node.getHost() == null) {
        throw new IllegalArgumentException("not an http or https address: " + node);
      }
      if (node.getUserInfo() != null) {
        throw new IllegalArgumentException("a Solr address carries no password: " + node);
      }
    }
    Objects.requireNonNull(name, "name");
    if (!name.matches(NAME_PATTERN)) {
      throw new IllegalArgumentException("not a collection name: " + name);
    }
  }

  private static URI withSlash(URI node) {
    String text = node.toString();
    return text.endsWith("/") ? node : URI.create(text + "/");
  }

  /** The collection's address on the first node, for messages. */
  public URI address() {
    return nodes.get(0).resolve(name);
  }

  @Override
  public String toString() {
    return "the Solr collection " + name + " at " + nodes.get(0);
  }
}
