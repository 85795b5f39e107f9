package archive.ingest;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Finds the entry links in a feed: RSS 2.0 {@code <item><link>} (or a permalink {@code <guid>}),
 * RSS 1.0/RDF {@code <item><link>} (or {@code rdf:about}), and Atom {@code <entry><link href>}
 * whose {@code rel} is {@code alternate} or absent. Only children of the item count, so an Atom
 * entry's {@code <source>} links are not taken. Thread-safe.
 */
final class FeedLinks {

  private static final Set<String> ROOTS = Set.of("rss", "feed", "RDF");
  private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

  private final XmlLimits limits;

  /** A reader with the default limits, {@link XmlLimits#FEED}. */
  FeedLinks() {
    this(XmlLimits.FEED);
  }

  /** A reader with other limits, for tests. */
  FeedLinks(XmlLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Reads one feed; never throws for bad content: what was read before a problem is kept, and the
   * problem is reported. Does not close {@code in}.
   *
   * @param in the bytes, gzipped or not, not null
   */
  Feed read(InputStream in) {
    Walk walk = new Walk();
    List<String> problems = BoundedXml.read(in, limits.maxBytes(), walk);
    return new Feed(walk.items, problems);
  }

  private final class Walk implements BoundedXml.Walk {
    final List<FoundUrl> items = new ArrayList<>();
    private List<String> problems = new ArrayList<>();
    private int itemDepth;
    private @Nullable String link;
    private @Nullable String fallback;
    private Optional<Instant> published = Optional.empty();
    private Optional<Instant> updated = Optional.empty();

    @Override
    public boolean root(XMLStreamReader reader, List<String> problems) {
      this.problems = problems;
      if (!ROOTS.contains(reader.getLocalName())) {
        problems.add("not a feed: root element <" + reader.getLocalName() + ">");
        return false;
      }
      return true;
    }

    @Override
    public boolean start(XMLStreamReader reader, int depth) throws XMLStreamException {
      String name = reader.getLocalName();
      if (itemDepth == 0 && (name.equals("item") || name.equals("entry"))) {
        itemDepth = depth;
        link = null;
        fallback = reader.getAttributeValue(RDF, "about");
        published = Optional.empty();
        updated = Optional.empty();
        return !limits.full(items.size(), problems);
      } else if (itemDepth > 0 && depth == itemDepth + 1) {
        child(reader, name);
      }
      return true;
    }

    private void child(XMLStreamReader reader, String name) throws XMLStreamException {
      switch (name) {
        case "link":
          link(reader);
          break;
        case "guid":
          boolean permalink = !"false".equals(reader.getAttributeValue(null, "isPermaLink"));
          String guid = text(reader);
          fallback = permalink ? guid : fallback;
          break;
        case "pubDate":
          published = firstDate(published, W3cDates::parseRss, reader);
          break;
        case "published":
        case "date":
          published = firstDate(published, W3cDates::parse, reader);
          break;
        case "updated":
          updated = firstDate(updated, W3cDates::parse, reader);
          break;
        default:
          break;
      }
    }

    private Optional<Instant> firstDate(
        Optional<Instant> current,
        Function<String, Optional<Instant>> parser,
        XMLStreamReader reader)
        throws XMLStreamException {
      String text = text(reader);
      Optional<Instant> date = parser.apply(text);
      if (date.isEmpty()) {
        problems.add(BoundedXml.line(reader) + "not a date: '" + text + "'");
      }
      return current.isPresent() ? current : date;
    }

    private String text(XMLStreamReader reader) throws XMLStreamException {
      return reader.getElementText().strip();
    }

    // Atom links carry href and rel; RSS links carry their URL as text.
    private void link(XMLStreamReader reader) throws XMLStreamException {
      String href = reader.getAttributeValue(null, "href");
      if (href == null) {
        String text = text(reader);
        if (link == null && !text.isEmpty()) {
          link = text;
        }
        return;
      }
      String rel = reader.getAttributeValue(null, "rel");
      if (link == null && (rel == null || rel.strip().equals("alternate"))) {
        link = href.strip();
      }
    }

    @Override
    public void end(XMLStreamReader reader, int depth) {
      if (itemDepth == 0 || depth != itemDepth) {
        return;
      }
      itemDepth = 0;
      String chosen = link != null ? link : fallback;
      if (chosen == null || chosen.isBlank()) {
        problems.add(BoundedXml.line(reader) + "<" + reader.getLocalName() + "> without a link");
      } else {
        items.add(new FoundUrl(chosen.strip(), published.or(() -> updated)));
      }
    }
  }
}
