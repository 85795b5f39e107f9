package archive.ingest;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;

/**
 * Walks a site folder and lists the files that may be entries, parsing nothing.
 *
 * <p>Rules, in the order they apply:
 *
 * <ul>
 *   <li>Hidden entries (name starts with {@code .}) and {@code node_modules} folders are passed
 *       over silently and never descended: they hold tooling such as {@code .git}, not posts. The
 *       root itself is walked even if its name is hidden. Hidden means the name only, on every OS.
 *   <li>Symbolic links, to files or folders, are never followed, so a link loop cannot hang the
 *       walk; each one is reported as a {@link Skip}.
 *   <li>Only {@code .md}, {@code .markdown} (Markdown) and {@code .html}, {@code .htm} (HTML) are
 *       candidates, in any letter case. Other files (images, CSS, feeds) are ordinary site content
 *       and are ignored without a skip.
 *   <li>A candidate is skipped, with a reason, if it is over 5 MB, is not a regular file, cannot be
 *       read, or looks binary in its first 8 KB: a known magic number (PDF, PNG, GIF, JPEG, ZIP,
 *       gzip) or a NUL byte, whatever its name. A UTF-16 byte order mark ({@code FE FF} or {@code
 *       FF FE}) marks text, so UTF-16 HTML with a BOM is kept; UTF-16 without one is skipped, with
 *       a reason that says to save it as UTF-8.
 *   <li>An entry that cannot be listed or read is a skip too; it never stops the walk.
 * </ul>
 */
public final class SiteWalker {

  private SiteWalker() {}

  /**
   * Walks {@code root} and everything below it.
   *
   * @param root the site folder; may be relative or a symbolic link to a folder
   * @return the candidate files and the skips, each sorted by their path relative to the real path
   *     of {@code root}, with {@code /} separators
   * @throws SiteRootException if {@code root} is missing, is not a folder, or cannot be opened; its
   *     message is one line that says what to give instead
   * @throws IOException if the root fails while it is being walked; failures below it are skips
   */
  public static SiteScan walk(Path root) throws IOException {
    return walk(root, new Sniffer());
  }

  static SiteScan walk(Path root, Sniffer sniffer) throws IOException {
    Objects.requireNonNull(root, "root");
    Path realRoot = openableFolder(root);
    ScanVisitor visitor = new ScanVisitor(realRoot, sniffer);
    // No FOLLOW_LINKS: links are reported, never entered, so loops are impossible.
    Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, visitor);
    return visitor.scan();
  }

  private static Path openableFolder(Path root) throws SiteRootException {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (NoSuchFileException e) {
      throw SiteRootException.missing(root, e);
    } catch (IOException e) {
      throw SiteRootException.unreadable(root, e);
    }
    if (!Files.isDirectory(realRoot)) {
      throw SiteRootException.notAFolder(root);
    }
    if (!Files.isReadable(realRoot) || !Files.isExecutable(realRoot)) {
      throw SiteRootException.unreadable(root, null);
    }
    return realRoot;
  }
}
