package archive.parse;

import archive.ingest.LinkFinder;
import archive.ingest.PageLinks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/** Reads a crawled page's links, canonical address, feeds and robots directives with jsoup. */
public final class HtmlLinks implements LinkFinder {

  private static final Set<String> FEED_TYPES =
      Set.of("application/rss+xml", "application/atom+xml");

  @Override
  public PageLinks find(byte[] html, @Nullable String charset) {
    // Only links are wanted here; the page's own problems are counted when it is parsed.
    Document doc = HtmlEntryParser.document(html, charset, "", new ArrayList<>());
    Set<String> robots = RobotsMeta.directives(doc);
    boolean nofollow = robots.contains("nofollow") || robots.contains("none");
    return new PageLinks(
        nofollow ? List.of() : links(doc),
        firstHref(doc, "link", "canonical"),
        feeds(doc),
        firstHref(doc, "base", null),
        RobotsMeta.noindex(robots));
  }

  /** Hrefs of {@code <a>} and {@code <area>}, except those marked {@code rel="nofollow"}. */
  private static List<String> links(Document doc) {
    Set<String> hrefs = new LinkedHashSet<>();
    for (Element link : doc.select("a[href], area[href]")) {
      String href = link.attr("href").strip();
      if (!href.isEmpty() && !rel(link).contains("nofollow")) {
        hrefs.add(href);
      }
    }
    return new ArrayList<>(hrefs);
  }

  private static List<String> feeds(Document doc) {
    Set<String> hrefs = new LinkedHashSet<>();
    for (Element link : doc.select("link[href][type]")) {
      String type = link.attr("type").split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (rel(link).contains("alternate") && FEED_TYPES.contains(type)) {
        hrefs.add(link.attr("href").strip());
      }
    }
    return new ArrayList<>(hrefs);
  }

  /** The first non-blank href of a tag, with a rel token when one is given. */
  private static @Nullable String firstHref(Document doc, String tag, @Nullable String relToken) {
    for (Element element : doc.select(tag + "[href]")) {
      String href = element.attr("href").strip();
      if (!href.isEmpty() && (relToken == null || rel(element).contains(relToken))) {
        return href;
      }
    }
    return null;
  }

  /** The element's {@code rel} tokens, lower case. */
  private static Set<String> rel(Element element) {
    return Set.of(element.attr("rel").toLowerCase(Locale.ROOT).strip().split("\\s+"));
  }
}
