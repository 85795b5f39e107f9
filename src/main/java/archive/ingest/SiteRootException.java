package archive.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The folder given to {@link SiteWalker#walk(Path)} cannot be walked at all: it is missing, is a
 * file, or cannot be opened. The message is one line that names the folder and says what to do, so
 * a command line can print it as it is; treat it as a usage error rather than a failure of the run.
 */
public final class SiteRootException extends IOException {

  private static final long serialVersionUID = 1L;

  private SiteRootException(String message, @Nullable IOException cause) {
    super(message, cause);
  }

  static SiteRootException missing(Path root, IOException cause) {
    return new SiteRootException(
        "no such folder: " + root + " — give the folder that holds your posts", cause);
  }

  static SiteRootException notAFolder(Path root) {
    return new SiteRootException(
        "not a folder: " + root + " — give the folder that holds your posts, not one file", null);
  }

  static SiteRootException unreadable(Path root, @Nullable IOException cause) {
    return new SiteRootException(
        "cannot open folder: " + root + " — check that you are allowed to read it", cause);
  }
}
