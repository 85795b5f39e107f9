package archive.ingest;

import java.util.List;

/**
 * The entries an RSS or Atom feed links to.
 *
 * @param items the entries' links and dates in document order
 * @param problems what was wrong or cut short, for a person; empty when all went well
 */
record Feed(List<FoundUrl> items, List<String> problems) {

  /** Copies the lists. */
  Feed {
    items = List.copyOf(items);
    problems = List.copyOf(problems);
  }
}
