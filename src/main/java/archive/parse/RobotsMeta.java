package archive.parse;

import archive.ingest.Product;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The directives of a page's robots meta tags: those for every crawler ({@code name="robots"}) and
 * those for ours ({@code name="archive-indexer"}), merged, lower case.
 */
final class RobotsMeta {

  private RobotsMeta() {}

  static Set<String> directives(Document doc) {
    Set<String> directives = new HashSet<>();
    for (Element meta : doc.getElementsByTag("meta")) {
      String name = meta.attr("name").strip().toLowerCase(Locale.ROOT);
      if (name.equals("robots") || name.equals(Product.CRAWLER)) {
        for (String directive : meta.attr("content").toLowerCase(Locale.ROOT).split(",")) {
          directives.add(directive.strip());
        }
      }
    }
    return directives;
  }

  /** Whether the directives keep the page out of an index. */
  static boolean noindex(Set<String> directives) {
    return directives.contains("noindex") || directives.contains("none");
  }
}
