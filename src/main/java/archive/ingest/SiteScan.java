package archive.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a walk of a site folder found.
 *
 * @param root the real path of the folder that was walked
 * @param files the candidate entry files, sorted by relative path
 * @param skipped the files passed over, each with its reason
 */
public record SiteScan(Path root, List<SourceFile> files, List<Skip> skipped) {

  /** Copies the lists. */
  public SiteScan {
    Objects.requireNonNull(root, "root");
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
  }
}
