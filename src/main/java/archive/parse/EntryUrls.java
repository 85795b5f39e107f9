package archive.parse;

import archive.ingest.PercentEncoding;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Maps a source path (and any front-matter override) to the entry's public URL. */
final class EntryUrls {

  private EntryUrls() {}

  /**
   * The public URL of an entry.
   *
   * @param relativePath the source path relative to the indexed root, {@code /}-separated
   * @param override front matter {@code url}/{@code permalink} (absolute or site-relative), or null
   * @param slug front matter {@code slug} replacing the file name, or null
   * @param options base URL and URL style
   */
  static String of(
      String relativePath, @Nullable String override, @Nullable String slug, ParseOptions options) {
    if (override != null && !override.isBlank()) {
      String trimmed = override.strip();
      if (isAbsoluteHttp(trimmed)) {
        return trimmed;
      }
      // Every leading slash goes: "//host/x" kept one would be a link to another site.
      return join(options.baseUrl(), trimmed.replaceFirst("^/+", ""));
    }
    return join(options.baseUrl(), sitePath(relativePath, slug, options.urlStyle()));
  }

  /** The site path (no leading slash) a source path is published at. */
  static String sitePath(String relativePath, @Nullable String slug, UrlStyle style) {
    if (style == UrlStyle.SOURCE) {
      return relativePath;
    }
    int slash = relativePath.lastIndexOf('/');
    String dir = relativePath.substring(0, slash + 1);
    String name = relativePath.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    boolean markdown = ext.equals("md") || ext.equals("markdown");
    if (slug != null && !slug.isBlank()) {
      stem = slug.strip();
    } else if (stem.equals("index") || stem.equals("_index")) {
      return dir;
    }
    if (style == UrlStyle.PRETTY) {
      return dir + stem + "/";
    }
    return dir + stem + (markdown ? ".html" : "." + ext);
  }

  private static boolean isAbsoluteHttp(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  private static String join(@Nullable URI base, String sitePath) {
    String encoded = encodePath(sitePath);
    if (base == null) {
      return "/" + encoded;
    }
    String root = base.toString();
    return (root.endsWith("/") ? root : root + "/") + encoded;
  }

  /**
   * Percent-encodes what a URL path cannot hold as written (spaces, non-ASCII), keeping slashes.
   */
  private static String encodePath(String path) {
    return PercentEncoding.encode(path, PercentEncoding.PATH);
  }
}
