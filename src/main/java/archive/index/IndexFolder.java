package archive.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Opens the folder of an existing index for reading. */
public final class IndexFolder {

  private IndexFolder() {}

  /**
   * The directory of the index in a folder; the caller closes it.
   *
   * @throws IndexUnavailableException when the folder holds no index, saying how to make one
   */
  public static Directory openExisting(Path indexDir) throws IOException {
    Objects.requireNonNull(indexDir, "indexDir");
    String missing = "no index at " + indexDir + " — run 'archive index SITE' first";
    if (!Files.isDirectory(indexDir)) {
      throw new IndexUnavailableException(missing);
    }
    Directory directory = FSDirectory.open(indexDir);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        throw new IndexUnavailableException(missing);
      }
      return directory;
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }
}
