package archive.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SiteWalkerTest {

  @TempDir Path site;

  @Test
  void findsMarkdownAndHtmlFilesWithFormatAndRelativePath() throws IOException {
    write("posts/2024/hello.md", "# Hello");
    write("posts/long.markdown", "# Long");
    write("index.html", "<p>home</p>");
    write("old/page.htm", "<p>old</p>");
    write("SHOUTING.MD", "# Loud");
    write("Mixed.HtMl", "<p>mixed</p>");

    SiteScan scan = SiteWalker.walk(site);

    assertThat(scan.files())
        .extracting(SourceFile::relativePath, SourceFile::format)
        .containsExactly(
            tuple("Mixed.HtMl", Format.HTML),
            tuple("SHOUTING.MD", Format.MARKDOWN),
            tuple("index.html", Format.HTML),
            tuple("old/page.htm", Format.HTML),
            tuple("posts/2024/hello.md", Format.MARKDOWN),
            tuple("posts/long.markdown", Format.MARKDOWN));
    assertThat(scan.skipped()).isEmpty();
  }

  @Test
  void recordsAbsolutePathSizeAndModificationTime() throws IOException {
    Path post = write("posts/hello.md", "# Hello");
    Files.setLastModifiedTime(post, FileTime.fromMillis(1_700_000_000_000L));

    SourceFile file = SiteWalker.walk(site).files().get(0);

    assertThat(file.path()).isEqualTo(post.toRealPath());
    assertThat(file.size()).isEqualTo(7);
    assertThat(file.lastModifiedMillis()).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void ignoresOtherSiteContentWithoutReportingIt() throws IOException {
    write("post.md", "# Post");
    write("style.css", "body {}");
    write("feed.xml", "<rss/>");
    write("notes.txt", "text");
    write("README", "no extension");
    Files.write(site.resolve("photo.png"), pngBytes());

    SiteScan scan = SiteWalker.walk(site);

    assertThat(scan.files()).extracting(SourceFile::relativePath).containsExactly("post.md");
    assertThat(scan.skipped()).isEmpty();
  }

  @Test
  void skipsHiddenEntriesAndNodeModulesAndSaysSo() throws IOException {
    write("post.md", "# Post");
    write(".git/README.md", "# git");
    write(".cache/page.html", "<p>cached</p>");
    write("node_modules/pkg/README.md", "# pkg");
    write("theme/node_modules/x/index.html", "<p>x</p>");
    write("posts/.draft.md", "# hidden");
    write("posts/.DS_Store", "not a post");

    SiteScan scan = SiteWalker.walk(site);

    assertThat(scan.files()).extracting(SourceFile::relativePath).containsExactly("post.md");
    assertThat(scan.skipped())
        .containsExactly(
            new Skip(".cache/", "hidden folder, not walked"),
            new Skip(".git/", "hidden folder, not walked"),
            new Skip("node_modules/", "node_modules, not walked"),
            new Skip("posts/.draft.md", "hidden file"),
            new Skip("theme/node_modules/", "node_modules, not walked"));
  }

  @Test
  void walksARootWhoseOwnNameIsHidden() throws IOException {
    Path hiddenRoot = Files.createDirectory(site.resolve(".blog"));
    Files.writeString(hiddenRoot.resolve("post.md"), "# Post", UTF_8);

    SiteScan scan = SiteWalker.walk(hiddenRoot);

    assertThat(scan.files()).extracting(SourceFile::relativePath).containsExactly("post.md");
  }

  @Test
  void reportsRootAsItsRealPathWhenGivenALink() throws IOException {
    Path real = Files.createDirectory(site.resolve("real"));
    Files.writeString(real.resolve("post.md"), "# Post", UTF_8);
    Path link = Files.createSymbolicLink(site.resolve("link"), real);

    SiteScan scan = SiteWalker.walk(link);

    assertThat(scan.root()).isEqualTo(real.toRealPath());
    assertThat(scan.files()).extracting(SourceFile::relativePath).containsExactly("post.md");
  }

  @Test
  void skipsFilesOver5MegabytesWithTheirSize() throws IOException {
    // Sparse, so the test writes nothing: the size alone must decide, before any read.
    try (RandomAccessFile big = new RandomAccessFile(site.resolve("big.md").toFile(), "rw")) {
      big.setLength(6L * 1024 * 1024);
    }
    try (RandomAccessFile over = new RandomAccessFile(site.resolve("over.md").toFile(), "rw")) {
      over.setLength(5L * 1024 * 1024 + 1);
    }

    SiteScan scan = SiteWalker.walk(site);

    assertThat(scan.files()).isEmpty();
    assertThat(scan.skipped())
        .containsExactly(
            new Skip("big.md", "over 5 MB (6.0 MB)"), new Skip("over.md", "over 5 MB (5.1 MB)"));
  }

  @Test
  void keepsAFileOfExactly5Megabytes() throws IOException {
    byte[] content = new byte[5 * 1024 * 1024];
    Arrays.fill(content, (byte) 'a');
    Files.write(site.resolve("limit.md"), content);

    assertThat(SiteWalker.walk(site).files())
        .extracting(SourceFile::relativePath, SourceFile::size)
        .containsExactly(tuple("limit.md", 5L * 1024 * 1024));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void reportsASymlinkLoopWithoutFollowingIt() throws IOException {
    write("posts/post.md", "# Post");
    Files.createSymbolicLink(site.resolve("loop"), Path.of("."));
    Files.createSymbolicLink(site.resolve("posts/up"), Path.of(".."));

    SiteScan scan = SiteWalker.walk(site);

    assertThat(scan.files()).extracting(SourceFile::relativePath).containsExactly("posts/post.md");
    assertThat(scan.skipped())
        .containsExactly(
            new Skip("loop", "symbolic link, not followed"),
            new Skip("posts/up", "symbolic link, not followed"));
  }

  @Test
  void doesNotFollowSymlinksToFilesOrFolders(@TempDir Path elsewhere) throws IOException {
    Path outsidePost = Files.writeString(elsewhere.resolve("outside.md"), "# Out", UTF_8);
    Files.writeString(elsewhere.resolve("other.md"), "# Other", UTF_8);
    Files.createSymbolicLink(site.resolve("linked.md"), outsidePost);
    Files.createSymbolicLink(site.resolve("shared"), elsewhere);
    Files.createSymbolicLink(site.resolve("dangling.md"), site.resolve("missing.md"));

    SiteScan scan = SiteWalker.walk(site);

    assertThat(scan.files()).isEmpty();
    assertThat(scan.skipped())
        .containsExactly(
            new Skip("dangling.md", "symbolic link, not followed"),
            new Skip("linked.md", "symbolic link, not followed"),
            new Skip("shared", "symbolic link, not followed"));
  }

  @Test
  void skipsAFolderItCannotListAndGoesOn() throws IOException {
    assumePosix();
    write("good.md", "# Good");
    write("locked/inside.md", "# Inside");
    Path locked = site.resolve("locked");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(locked), "permissions do not apply to this user (root?)");

      SiteScan scan = SiteWalker.walk(site);

      assertThat(scan.files()).extracting(SourceFile::relativePath).containsExactly("good.md");
      assertThat(scan.skipped())
          .containsExactly(new Skip("locked", "unreadable: permission denied"));
    } finally {
      // @TempDir must be able to delete it again.
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  // Opening a pipe blocks in native code, which an interrupt cannot end: time out from outside.
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void skipsAPipeNamedLikeAPostInsteadOfBlockingOnIt() throws IOException, InterruptedException {
    Path fifo = site.resolve("pipe.md");
    int exit = mkfifo(fifo);
    assumeTrue(exit == 0, "mkfifo not available");

    SiteScan scan = SiteWalker.walk(site);

    assertThat(scan.skipped()).containsExactly(new Skip("pipe.md", "not a regular file"));
  }

  @Test
  void skipsANameWithABackslash() throws IOException {
    assumeTrue(FileSystems.getDefault().getSeparator().equals("/"), "backslash is a separator");
    write("a\\b.md", "# odd");

    SiteScan scan = SiteWalker.walk(site);

    assertThat(scan.files()).isEmpty();
    assertThat(scan.skipped()).containsExactly(new Skip("a\\b.md", "name contains a backslash"));
  }

  @Test
  void refusesAMissingRootWithOneLineThatSaysWhatToDo() {
    Path missing = site.resolve("nope");

    assertThatThrownBy(() -> SiteWalker.walk(missing))
        .isInstanceOf(SiteRootException.class)
        .hasMessage("no such folder: " + missing + " — give the folder that holds your posts");
  }

  @Test
  void refusesAFileAsRootWithOneLineThatSaysWhatToDo() throws IOException {
    Path file = write("post.md", "# Post");

    assertThatThrownBy(() -> SiteWalker.walk(file))
        .isInstanceOf(SiteRootException.class)
        .hasMessage(
            "not a folder: " + file + " — give the folder that holds your posts, not one file");
  }

  @Test
  void refusesANullRoot() {
    assertThatThrownBy(() -> SiteWalker.walk(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("root");
  }

  @Test
  void findsNothingInAnEmptyFolder() throws IOException {
    SiteScan scan = SiteWalker.walk(site);

    assertThat(scan.root()).isEqualTo(site.toRealPath());
    assertThat(scan.files()).isEmpty();
    assertThat(scan.skipped()).isEmpty();
  }

  @Test
  void oneFileIsLookedAtAsTheWalkSeesItWithItsPathRelativeToTheRoot() throws IOException {
    Path post = write("posts/2024/hello.md", "# Hello");
    write("posts/2024/other.md", "# Other");

    SiteScan scan = SiteWalker.file(site, post);

    assertThat(scan.root()).isEqualTo(site.toRealPath());
    assertThat(scan.files())
        .extracting(SourceFile::relativePath, SourceFile::format)
        .containsExactly(tuple("posts/2024/hello.md", Format.MARKDOWN));
    assertThat(scan.skipped()).isEmpty();
  }

  @Test
  void oneFileIsSkippedForTheReasonsTheWalkSkipsIt() throws IOException {
    Path big = site.resolve("post.html");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(5L * 1024 * 1024 + 1);
    }
    Path hidden = write(".drafts/idea.md", "# Idea");
    Path ignored = write("notes.txt", "not an entry");

    assertThat(SiteWalker.file(site, big).skipped())
        .extracting(Skip::path, Skip::reason)
        .containsExactly(tuple("post.html", "over 5 MB (5.1 MB)"));
    assertThat(SiteWalker.file(site, hidden).skipped())
        .extracting(Skip::path, Skip::reason)
        .containsExactly(tuple(".drafts/", "hidden folder, not walked"));
    SiteScan passedOver = SiteWalker.file(site, ignored);
    assertThat(passedOver.files()).isEmpty();
    assertThat(passedOver.skipped()).isEmpty();
  }

  @Test
  void oneFileOutsideTheRootOrMissingIsRefused(@TempDir Path elsewhere) throws IOException {
    Path outside = Files.writeString(elsewhere.resolve("post.md"), "# Post");

    assertThatThrownBy(() -> SiteWalker.file(site, outside))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SiteWalker.file(site, site.resolve("missing.md")))
        .isInstanceOf(NoSuchFileException.class);
  }

  private Path write(String relativePath, String content) throws IOException {
    Path file = site.resolve(relativePath);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, UTF_8);
  }

  private static int mkfifo(Path path) throws IOException, InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", path.toString()).start().waitFor();
    } catch (IOException e) {
      return -1;
    }
  }

  private static void assumePosix() {
    assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "needs POSIX permissions");
  }

  private static byte[] pngBytes() {
    return bytes("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR");
  }

  /** One byte per char, so binary headers read as written. */
  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }
}
