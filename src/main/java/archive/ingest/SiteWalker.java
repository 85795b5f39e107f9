package archive.ingest;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
 *   <li>A candidate is skipped, with a reason, if it is over 5 MB or is not a regular file.
 *   <li>A folder that cannot be listed is a skip too; it never stops the walk.
 * </ul>
 *
 * <p>The walk reads no file, so that a run with nothing changed reads nothing: whether a file is
 * text ({@link Sniffer}) is told by whoever reads it.
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
    Objects.requireNonNull(root, "root");
    Path realRoot = root(root);
    ScanVisitor visitor = new ScanVisitor(realRoot);
    // No FOLLOW_LINKS: links are reported, never entered, so loops are impossible.
    Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, visitor);
    return visitor.scan();
  }

  /**
   * Looks at one file as {@link #walk} would when walking {@code root}: the same rules, for that
   * file and for the folders between it and the root (a walk never enters a hidden folder or {@code
   * node_modules}).
   *
   * @param root the site folder; may be relative or a symbolic link to a folder
   * @param file a file below {@code root}; its folder may be given through symbolic links, the file
   *     itself is looked at as it is (a link is reported, not followed)
   * @return a scan holding the file, or the skip of the file or of a folder above it; neither when
   *     a walk passes the file over without a word (not {@code .md}, {@code .markdown}, {@code
   *     .html} or {@code .htm})
   * @throws SiteRootException if {@code root} is missing, is not a folder, or cannot be opened
   * @throws NoSuchFileException if the file or its folder does not exist
   * @throws IllegalArgumentException if the file is not below {@code root}
   * @throws IOException if the file or a folder above it cannot be looked at
   */
  public static SiteScan file(Path root, Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path realRoot = root(Objects.requireNonNull(root, "root"));
    Path located = located(file);
    if (!located.startsWith(realRoot) || located.equals(realRoot)) {
      throw new IllegalArgumentException("not below " + realRoot + ": " + file);
    }
    ScanVisitor visitor = new ScanVisitor(realRoot);
    Path folder = realRoot;
    for (Path name : realRoot.relativize(located.getParent())) {
      folder = folder.resolve(name);
      BasicFileAttributes attrs = Files.readAttributes(folder, BasicFileAttributes.class);
      if (visitor.preVisitDirectory(folder, attrs) == FileVisitResult.SKIP_SUBTREE) {
        return visitor.scan();
      }
    }
    BasicFileAttributes attrs =
        Files.readAttributes(located, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    visitor.visitFile(located, attrs);
    return visitor.scan();
  }

  /**
   * The real path of the folder a file is in, with the file's own name: what a walk of a folder
   * above it would call it.
   *
   * @throws NoSuchFileException if its folder does not exist
   * @throws IOException if its folder cannot be resolved
   */
  public static Path located(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Path name = absolute.getFileName();
    if (parent == null || name == null) {
      return absolute.toRealPath(); // the file system's root: a folder, never a file
    }
    return parent.toRealPath().resolve(name);
  }

  /**
   * The real path of a site folder, checked as {@link #walk} checks it.
   *
   * @throws SiteRootException if {@code root} is missing, is not a folder, or cannot be opened; its
   *     message is one line that says what to give instead
   */
  public static Path root(Path root) throws SiteRootException {
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
