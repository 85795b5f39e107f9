package archive.cli;

import archive.index.SolrCollection;
import archive.index.SolrCollection.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads where a SolrCloud collection is ({@code --solr}, {@code $ARCHIVE_SOLR}) and the credentials
 * for it, which come from the environment or a file, never from the command line, where any user of
 * the machine could read them.
 */
final class SolrOptions {

  static final String USER = "ARCHIVE_SOLR_USER";
  static final String PASSWORD = "ARCHIVE_SOLR_PASSWORD";
  static final String CREDENTIALS_FILE = "ARCHIVE_SOLR_CREDENTIALS";

  private SolrOptions() {}

  /**
   * The collection a {@code --solr} value names: one or more comma-separated addresses, each a
   * node's address followed by the collection, such as {@code http://127.0.0.1:8983/solr/blog}.
   */
  static SolrCollection collection(String value) {
    List<URI> nodes = new ArrayList<>();
    String name = null;
    for (String part : value.split(",")) {
      URI url = url(part.strip(), value);
      String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
      int slash = path.lastIndexOf('/');
      String collection = slash < 0 ? "" : path.substring(slash + 1);
      if (collection.isEmpty()
          || collection.equals("solr")
          || !collection.matches(SolrCollection.NAME_PATTERN)) {
        throw new UsageError(
            "--solr takes a node's address and the collection, such as"
                + " http://127.0.0.1:8983/solr/blog (not "
                + part.strip()
                + ")");
      }
      if (name != null && !name.equals(collection)) {
        throw new UsageError(
            "--solr names two collections, " + name + " and " + collection + "; give one");
      }
      name = collection;
      nodes.add(url.resolve(path.substring(0, slash + 1)));
    }
    if (name == null) {
      throw new UsageError("--solr is empty; give a node's address and the collection");
    }
    return new SolrCollection(nodes, name, credentials());
  }

  private static URI url(String part, String value) {
    try {
      URI url = new URI(part);
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (url.getUserInfo() != null) {
        throw new UsageError(
            "--solr must not carry a password, which other users could read; set "
                + USER
                + " and "
                + PASSWORD
                + ", or "
                + CREDENTIALS_FILE
                + " to a file holding user:password");
      }
      if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // said below
    }
    throw new UsageError(
        "--solr takes http(s) addresses, such as http://127.0.0.1:8983/solr/blog (not "
            + value
            + ")");
  }

  /** The credentials the environment gives, or null. */
  static @Nullable Credentials credentials() {
    return credentials(System.getenv());
  }

  static @Nullable Credentials credentials(Map<String, String> env) {
    String file = env.get(CREDENTIALS_FILE);
    if (file != null && !file.isBlank()) {
      return fromFile(Path.of(file));
    }
    String user = env.get(USER);
    String password = env.get(PASSWORD);
    if (user == null || user.isEmpty()) {
      if (password != null && !password.isEmpty()) {
        throw new UsageError(PASSWORD + " is set but " + USER + " is not; set both");
      }
      return null;
    }
    if (password == null || user.indexOf(':') >= 0) {
      throw new UsageError(USER + " needs " + PASSWORD + " beside it, and a user name has no ':'");
    }
    return new Credentials(user, password);
  }

  private static Credentials fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UsageError(
          CREDENTIALS_FILE + " names " + file + ", which cannot be read: " + Errors.message(e));
    }
    int colon = text.indexOf(':');
    if (colon < 1 || text.lines().count() != 1) {
      throw new UsageError(
          CREDENTIALS_FILE + " names " + file + ", which must hold one line: user:password");
    }
    return new Credentials(text.substring(0, colon), text.substring(colon + 1));
  }

  /** A site's default name: its host, or its folder's name, as the schema allows one. */
  static String siteName(String source) {
    String name;
    if (CommonOptions.isAddress(source)) {
      name = URI.create(source).getHost();
    } else {
      Path real = Path.of(source).toAbsolutePath().normalize();
      name = real.getFileName() == null ? "site" : real.getFileName().toString();
    }
    name = name == null ? "site" : name.replaceAll("[^A-Za-z0-9._-]", "-");
    return name.length() > 100 ? name.substring(0, 100) : name;
  }
}
