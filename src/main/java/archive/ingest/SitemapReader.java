package archive.ingest;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads sitemaps and sitemap indexes (sitemaps.org protocol 0.9), plain or gzipped, within the
 * protocol's limits ({@link XmlLimits#SITEMAP}). Only {@code <loc>} and {@code <lastmod>} in the
 * root element's namespace count, so an image extension's {@code <image:loc>} is not taken for a
 * page. Thread-safe.
 */
final class SitemapReader {

  private final XmlLimits limits;

  /** A reader with the default limits, {@link XmlLimits#SITEMAP}. */
  SitemapReader() {
    this(XmlLimits.SITEMAP);
  }

  /** A reader with other limits, for tests. */
  SitemapReader(XmlLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Reads one sitemap file; never throws for bad content: what was read before a problem is kept,
   * and the problem is reported. Does not close {@code in}.
   *
   * @param in the bytes, gzipped or not, not null
   */
  Sitemap read(InputStream in) {
    Walk walk = new Walk();
    List<String> problems = BoundedXml.read(in, limits.maxBytes(), walk);
    return new Sitemap(walk.kind, walk.entries, problems);
  }

  private final class Walk implements BoundedXml.Walk {
    Sitemap.Kind kind = Sitemap.Kind.UNKNOWN;
    final List<FoundUrl> entries = new ArrayList<>();
    private List<String> problems = new ArrayList<>();
    private String namespace = "";
    private boolean inEntry;
    private @Nullable String loc;
    private Optional<Instant> lastmod = Optional.empty();

    @Override
    public boolean root(XMLStreamReader reader, List<String> problems) {
      this.problems = problems;
      kind = kindOf(reader.getLocalName());
      if (kind == Sitemap.Kind.UNKNOWN) {
        problems.add("not a sitemap: root element <" + reader.getLocalName() + ">");
      }
      namespace = BoundedXml.namespace(reader);
      return kind != Sitemap.Kind.UNKNOWN;
    }

    @Override
    public boolean start(XMLStreamReader reader, int depth) throws XMLStreamException {
      boolean ours = BoundedXml.namespace(reader).equals(namespace);
      String name = reader.getLocalName();
      String entryName = kind == Sitemap.Kind.URLSET ? "url" : "sitemap";
      if (depth == 2 && ours && name.equals(entryName)) {
        inEntry = true;
        loc = null;
        lastmod = Optional.empty();
        return !limits.full(entries.size(), problems);
      } else if (depth == 3 && inEntry && ours && name.equals("loc")) {
        loc = reader.getElementText().strip();
      } else if (depth == 3 && inEntry && ours && name.equals("lastmod")) {
        lastmod = lastmod(reader.getElementText(), reader);
      }
      return true;
    }

    private Optional<Instant> lastmod(String text, XMLStreamReader reader) {
      Optional<Instant> date = W3cDates.parse(text);
      if (date.isEmpty()) {
        problems.add(BoundedXml.line(reader) + "lastmod not a W3C date: '" + text.strip() + "'");
      }
      return date;
    }

    @Override
    public void end(XMLStreamReader reader, int depth) {
      if (depth != 2 || !inEntry) {
        return;
      }
      inEntry = false;
      if (loc == null || loc.isEmpty()) {
        problems.add(BoundedXml.line(reader) + "<" + reader.getLocalName() + "> without <loc>");
      } else {
        entries.add(new FoundUrl(loc, lastmod));
      }
    }
  }

  private static Sitemap.Kind kindOf(String rootName) {
    Objects.requireNonNull(rootName, "rootName");
    switch (rootName) {
      case "urlset":
        return Sitemap.Kind.URLSET;
      case "sitemapindex":
        return Sitemap.Kind.INDEX;
      default:
        return Sitemap.Kind.UNKNOWN;
    }
  }
}
