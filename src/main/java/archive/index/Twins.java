package archive.index;

import archive.parse.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Combines a built page with its Markdown source: the page's text, the union of their metadata. */
final class Twins {

  private Twins() {}

  /**
   * The built page as indexed, with tags and categories of both and, where the page has none, the
   * source's subtitle, date, updated date and language.
   */
  static Entry merge(Entry page, Entry source) {
    return new Entry(
        page.id(),
        page.path(),
        page.url(),
        page.title(),
        page.subtitle() != null ? page.subtitle() : source.subtitle(),
        page.date() != null ? page.date() : source.date(),
        page.updated() != null ? page.updated() : source.updated(),
        union(page.tags(), source.tags()),
        union(page.categories(), source.categories()),
        page.lang().isEmpty() ? source.lang() : page.lang(),
        page.kind(),
        page.draft(),
        page.sections());
  }

  private static List<String> union(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    List<String> seen = new ArrayList<>();
    first.forEach(t -> seen.add(t.toLowerCase(Locale.ROOT)));
    for (String tag : second) {
      if (!seen.contains(tag.toLowerCase(Locale.ROOT))) {
        all.add(tag);
        seen.add(tag.toLowerCase(Locale.ROOT));
      }
    }
    return all;
  }
}
