package archive.search;

/** How results are ordered. */
public enum SortOrder {
  /** Best match first; equal scores newest first. */
  RELEVANCE,
  /** Oldest first. */
  DATE,
  /** Newest first. */
  DATE_DESC
}
