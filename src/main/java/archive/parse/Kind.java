package archive.parse;

/** Whether a page is an entry someone wrote, or a listing of other entries. */
public enum Kind {
  /** A post, log entry, essay or note. */
  ENTRY,
  /** An index, archive, tag or category page, or another page that is mostly links. */
  LIST
}
