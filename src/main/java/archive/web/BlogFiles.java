package archive.web;

import archive.ingest.PercentEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.MimeTypes;
import org.jspecify.annotations.Nullable;

/**
 * The files of the folder an index was built from, as a web server of that folder would serve them:
 * {@code /a/b.css} is {@code FOLDER/a/b.css}, {@code /a/} is {@code FOLDER/a/index.html}.
 *
 * <p>Nothing outside the folder is reachable: a path is read from its percent-encoded form once,
 * every segment must be a plain name ({@code ..}, {@code .}, empty segments, backslashes and NUL
 * are refused, encoded or not), and the file's real path, symbolic links resolved, must lie inside
 * the folder's real path. Hidden files and folders ({@code .git}, {@code .env}), Markdown sources
 * (they may be drafts; entries are shown rendered instead) and the index's own folder are never
 * served, and there are no directory listings.
 */
final class BlogFiles {

  private final Path root;
  private final @Nullable Path indexDir;

  /**
   * Serves a folder.
   *
   * @param root the blog's folder
   * @param indexDir the index's folder, kept out even when it lies inside the blog's folder
   * @throws IOException when the blog's folder is not there
   */
  BlogFiles(Path root, Path indexDir) throws IOException {
    this.root = root.toRealPath();
    Path index;
    try {
      index = indexDir.toRealPath();
    } catch (NoSuchFileException e) {
      index = null;
    }
    this.indexDir = index;
  }

  /** What a request path names in the folder. */
  sealed interface Found permits File, Slash, Missing {}

  /** A regular file to serve, with its media type. */
  record File(Path path, String type) implements Found {}

  /** A folder with an {@code index.html}, asked for without its trailing slash. */
  record Slash(String location) implements Found {}

  /** Nothing to serve. */
  record Missing() implements Found {}

  private static final Missing MISSING = new Missing();

  /**
   * What to answer for a request path.
   *
   * @param rawPath the path as the request line has it, percent-encoded, without the query
   */
  Found find(String rawPath) throws IOException {
    Optional<String> relative = relative(rawPath);
    if (relative.isEmpty()) {
      return MISSING;
    }
    Path target = root.resolve(relative.get()).normalize();
    if (!target.startsWith(root)) {
      return MISSING;
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      Path index = target.resolve("index.html");
      if (!isServable(index)) {
        return MISSING; // no listings
      }
      return rawPath.endsWith("/") ? file(index) : new Slash(rawPath + "/");
    }
    return rawPath.endsWith("/") || !isServable(target) ? MISSING : file(target);
  }

  /**
   * The file an entry was read from, or null when it is gone (or, by a link, not inside the
   * folder).
   *
   * @param relativePath the entry's path relative to the folder, as the index holds it
   */
  @Nullable Path source(String relativePath) throws IOException {
    Path target = root.resolve(relativePath).normalize();
    if (!target.startsWith(root) || !Files.isRegularFile(target)) {
      return null;
    }
    Path real = target.toRealPath();
    return real.startsWith(root) ? real : null;
  }

  private static File file(Path path) {
    String type = MimeTypes.getDefaultMimeByExtension(path.getFileName().toString());
    return new File(path, type == null ? "application/octet-stream" : type);
  }

  /** Whether a path is a regular file, really inside the folder, and not kept out. */
  private boolean isServable(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    Path real = path.toRealPath();
    String name = real.getFileName().toString().toLowerCase(Locale.ROOT);
    return real.startsWith(root)
        && (indexDir == null || !real.startsWith(indexDir))
        && !name.startsWith(".")
        && !name.endsWith(".md")
        && !name.endsWith(".markdown");
  }

  /**
   * The folder-relative path a request path names, or empty when it is not a plain path: a
   * malformed escape, a segment that is empty, {@code .}, {@code ..} or hidden, or a character no
   * file name of a web site has.
   */
  static Optional<String> relative(String rawPath) {
    if (!rawPath.startsWith("/")) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = PercentEncoding.decode(rawPath);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String body = decoded.substring(1);
    if (body.endsWith("/")) {
      body = body.substring(0, body.length() - 1);
    }
    if (body.isEmpty()) {
      return Optional.of("");
    }
    for (String segment : body.split("/", -1)) {
      if (segment.isEmpty()
          || segment.startsWith(".")
          || segment.indexOf('\\') >= 0
          || segment.indexOf('\0') >= 0
          || segment.indexOf(':') >= 0) {
        return Optional.empty();
      }
    }
    return Optional.of(body);
  }
}
