package archive.index;

import java.io.IOException;

/**
 * A run would have taken more than half of the index's entries away, or all of them: the folder
 * looks emptied, unmounted or mistyped rather than edited, so the run was rolled back and the index
 * kept as it was.
 */
public final class MassDeleteException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int before;
  private final int after;

  /**
   * A refused run.
   *
   * @param root the folder or address indexed
   * @param likely what most likely happened, as a question for the reader
   */
  MassDeleteException(String root, String likely, int before, int after) {
    super(
        "indexing "
            + root
            + " would leave "
            + after
            + " of the index's "
            + before
            + " entries ("
            + likely
            + "); the index is kept as it was. If you did remove them, run again with"
            + " --allow-mass-delete");
    this.before = before;
    this.after = after;
  }

  /** Entries before the run. */
  public int before() {
    return before;
  }

  /** Entries the run would have left. */
  public int after() {
    return after;
  }
}
