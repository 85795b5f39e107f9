package archive.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, entry by entry, what a walk keeps, skips with a reason, or passes over in silence. Never
 * stops the walk for one bad entry; only a failure at the root itself propagates.
 */
final class ScanVisitor extends SimpleFileVisitor<Path> {

  /** Larger files are skipped: no blog post is this big, and parsing one would stall the run. */
  private static final long MAX_BYTES = 5L * 1024 * 1024;

  private static final double MEGABYTE = 1024 * 1024;

  private final Path root;
  private final List<SourceFile> files = new ArrayList<>();
  private final List<Skip> skipped = new ArrayList<>();

  ScanVisitor(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /** What was found so far, both lists sorted by relative path. */
  SiteScan scan() {
    List<SourceFile> sortedFiles = new ArrayList<>(files);
    sortedFiles.sort(Comparator.comparing(SourceFile::relativePath));
    List<Skip> sortedSkips = new ArrayList<>(skipped);
    sortedSkips.sort(Comparator.comparing(Skip::path).thenComparing(Skip::reason));
    return new SiteScan(root, sortedFiles, sortedSkips);
  }

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
    // The root is walked even when its own name is hidden, e.g. ~/.blog.
    if (!dir.equals(root) && isIgnoredName(dir)) {
      // Said in the summary: a blogger who keeps posts in .drafts/ should learn why they are
      // missing.
      skipped.add(
          new Skip(
              relativePath(dir) + "/",
              fileName(dir).equals("node_modules")
                  ? "node_modules, not walked"
                  : "hidden folder, not walked"));
      return FileVisitResult.SKIP_SUBTREE;
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
    if (isIgnoredName(file)) {
      if (formatOf(file).isPresent()) {
        skip(file, "hidden file");
      }
      return FileVisitResult.CONTINUE;
    }
    if (attrs.isSymbolicLink()) {
      skip(file, "symbolic link, not followed");
      return FileVisitResult.CONTINUE;
    }
    formatOf(file).ifPresent(format -> consider(file, format, attrs));
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
    if (file.equals(root)) {
      throw exc;
    }
    if (!isIgnoredName(file)) {
      skipped.add(Skip.unreadable(relativePath(file), exc));
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
    if (exc != null) {
      // Listing broke off part-way; what was already seen stays, the rest is reported once.
      visitFileFailed(dir, exc);
    }
    return FileVisitResult.CONTINUE;
  }

  private void consider(Path file, Format format, BasicFileAttributes attrs) {
    String relativePath = relativePath(file);
    if (relativePath.contains("\\")) {
      // Legal in Unix names, but it would make the path ambiguous as an id.
      skip(file, "name contains a backslash");
    } else if (!attrs.isRegularFile()) {
      // A FIFO or device named post.md would block or never end when read.
      skip(file, "not a regular file");
    } else if (attrs.size() > MAX_BYTES) {
      skip(file, String.format(Locale.ROOT, "over 5 MB (%.1f MB)", megabytesRoundedUp(attrs)));
    } else {
      // Whether it is text is told when it is read: a walk opens no file (see Sniffer).
      long modified = attrs.lastModifiedTime().toMillis();
      files.add(new SourceFile(file, relativePath, format, attrs.size(), modified));
    }
  }

  private void skip(Path file, String reason) {
    skipped.add(new Skip(relativePath(file), reason));
  }

  private String relativePath(Path file) {
    Path relative = root.relativize(file);
    StringBuilder joined = new StringBuilder();
    for (Path name : relative) {
      if (joined.length() > 0) {
        joined.append('/');
      }
      joined.append(name);
    }
    return joined.toString();
  }

  /** Rounded up to a tenth, so a file just over the limit never reads "over 5 MB (5.0 MB)". */
  private static double megabytesRoundedUp(BasicFileAttributes attrs) {
    return Math.ceil(attrs.size() / MEGABYTE * 10) / 10;
  }

  /** Hidden entries and {@code node_modules} are tooling, not content: passed over silently. */
  private static boolean isIgnoredName(Path path) {
    String name = fileName(path);
    return name.startsWith(".") || name.equals("node_modules");
  }

  /** The format a file name promises, by extension, ignoring case. */
  private static Optional<Format> formatOf(Path file) {
    String name = fileName(file).toLowerCase(Locale.ROOT);
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return Optional.of(Format.MARKDOWN);
    }
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return Optional.of(Format.HTML);
    }
    return Optional.empty();
  }

  private static String fileName(Path path) {
    Path name = path.getFileName();
    return name == null ? "" : name.toString();
  }
}
