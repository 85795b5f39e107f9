package archive.web;

import archive.ingest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The page's static files, read once from the classpath ({@code /web/}) and served from memory.
 * Only names listed here exist: nothing from the file system is ever served.
 */
final class Assets {

  /**
   * A file, its media type and its entity tag (a hash of its bytes, so a browser's copy is
   * revalidated with a 304 rather than downloaded again).
   */
  record Asset(byte[] bytes, String type, String etag) {

    Asset(byte[] bytes, String type) {
      this(bytes, type, etag(bytes));
    }

    private static String etag(byte[] bytes) {
      return "\"" + Sha256.hex(bytes).substring(0, 24) + "\"";
    }
  }

  private static final Map<String, String> TYPES =
      Map.of(
          "archive.css", "text/css; charset=utf-8",
          "search.js", "text/javascript; charset=utf-8",
          "embed.js", "text/javascript; charset=utf-8",
          "embed-demo.html", "text/html; charset=utf-8",
          "embed-demo.css", "text/css; charset=utf-8",
          "favicon.svg", "image/svg+xml");

  private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

  /** The asset of that name, or null when there is none. */
  @Nullable Asset get(String name) {
    String type = TYPES.get(name);
    if (type == null) {
      return null;
    }
    Asset asset = loaded.computeIfAbsent(name, n -> new Asset(read(n), type));
    return asset.bytes().length == 0 ? null : asset;
  }

  private static byte[] read(String name) {
    try (InputStream in = Assets.class.getResourceAsStream("/web/" + name)) {
      if (in == null) {
        return new byte[0];
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled asset " + name, e);
    }
  }
}
