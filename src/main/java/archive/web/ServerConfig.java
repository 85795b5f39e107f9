package archive.web;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to run the search server.
 *
 * @param host address to bind; {@code 127.0.0.1} unless the operator says otherwise
 * @param port port to bind, 0..65535; 0 picks a free one (tests)
 * @param indexDir the index to serve
 * @param baseUrl where the blog lives, for absolute links in feeds; null to use this server's
 *     address for site-relative entry URLs
 * @param allowedOrigins origins (scheme://host[:port]) whose pages may call the API from a browser
 * @param publicUrl this server's own public address, for the absolute links of {@code
 *     /opensearch.xml} and {@code /feed.xml}; null for links relative to wherever they are read.
 *     Never taken from a request's {@code Host}: behind a caching proxy, one client's header would
 *     be every reader's link
 */
public record ServerConfig(
    String host,
    int port,
    Path indexDir,
    @Nullable URI baseUrl,
    List<String> allowedOrigins,
    @Nullable URI publicUrl) {

  /** Checks the parts. */
  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(indexDir, "indexDir");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port not in 0..65535: " + port);
    }
    if (baseUrl != null && !String.valueOf(baseUrl.getScheme()).matches("https?")) {
      throw new IllegalArgumentException(
          "--base-url must be an http(s) URL such as https://blog.example.org/: " + baseUrl);
    }
    if (publicUrl != null && !String.valueOf(publicUrl.getScheme()).matches("https?")) {
      throw new IllegalArgumentException(
          "--public-url must be an http(s) URL such as https://search.example.org/: " + publicUrl);
    }
    allowedOrigins = List.copyOf(allowedOrigins);
    for (String origin : allowedOrigins) {
      if (!origin.matches("https?://[^/\\s]+")) {
        throw new IllegalArgumentException(
            "--allow-origin must look like https://blog.example.org (no path): " + origin);
      }
    }
  }

  /** A server without a public address of its own: its feeds link relatively. */
  public ServerConfig(
      String host, int port, Path indexDir, @Nullable URI baseUrl, List<String> allowedOrigins) {
    this(host, port, indexDir, baseUrl, allowedOrigins, null);
  }
}
