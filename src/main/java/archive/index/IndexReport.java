package archive.index;

import archive.ingest.Skip;
import archive.parse.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one index run did.
 *
 * @param entries entries in the index after the run
 * @param lists list pages in the index after the run (not counted as entries)
 * @param added entries written for the first time (list pages are only counted in {@code lists})
 * @param updated entries whose content changed
 * @param deleted entries whose source disappeared or that stopped being entries (a draft now)
 * @param unchanged entries left as they were
 * @param skipped source files that yield no entry, each with its reason
 * @param failed source files that could not be read, each with the error; their previous version,
 *     if any, stays in the index
 * @param warnings problems in files that were indexed anyway
 * @param notices things the user should know about the run as a whole (a rebuild, say)
 * @param elapsed wall time of the run
 * @param unreachable whether the source could not be read at all (a site that did not answer), so
 *     that the index was left as it was
 */
public record IndexReport(
    int entries,
    int lists,
    int added,
    int updated,
    int deleted,
    int unchanged,
    List<Skip> skipped,
    List<Skip> failed,
    List<Problem> warnings,
    List<String> notices,
    Duration elapsed,
    boolean unreachable) {

  /** Copies the lists. */
  public IndexReport {
    skipped = List.copyOf(skipped);
    failed = List.copyOf(failed);
    warnings = List.copyOf(warnings);
    notices = List.copyOf(notices);
  }

  /** True when the index holds nothing searchable after the run. */
  public boolean nothingIndexed() {
    return entries + lists == 0;
  }

  /**
   * The one-line tally: {@code 130 entries: 3 new, 2 updated, 1 deleted, 124 unchanged; 2 skipped}.
   */
  public String summary() {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%d %s: %d new, %d updated, %d deleted, %d unchanged",
                entries,
                entries == 1 ? "entry" : "entries",
                added,
                updated,
                deleted,
                unchanged));
    List<String> extras = new ArrayList<>();
    if (lists > 0) {
      extras.add(lists + (lists == 1 ? " list page" : " list pages"));
    }
    if (!skipped.isEmpty()) {
      extras.add(skipped.size() + " skipped");
    }
    if (!failed.isEmpty()) {
      extras.add(failed.size() + " failed");
    }
    if (!warnings.isEmpty()) {
      extras.add(warnings.size() + (warnings.size() == 1 ? " warning" : " warnings"));
    }
    for (String extra : extras) {
      line.append("; ").append(extra);
    }
    return line.toString();
  }
}
