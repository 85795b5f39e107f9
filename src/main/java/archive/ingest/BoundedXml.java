package archive.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads one untrusted XML document (a sitemap or feed) with StAX, safely: DTDs and external
 * entities are off, so a {@code DOCTYPE} cannot read local files or expand entities; gzip is
 * detected by its magic bytes and the size cap applies to the decompressed bytes; bad XML, a
 * corrupt stream or a blown cap end the read with a problem, never an exception.
 *
 * <p>Hand-bounded on purpose, where robots.txt went to a library (issue 11): crawler-commons'
 * {@code SiteMapParser}, already on the class path, reads sitemaps and feeds too, but it wants the
 * whole body in memory, inflates a gzipped one with no cap, and caps the URLs of text sitemaps
 * only. This streams, counts the bytes after decompression, and leaves entry caps to {@link
 * XmlLimits}.
 */
final class BoundedXml {

  /** Collects what it needs from the elements; whatever it collected before a failure is kept. */
  interface Walk {
    /** At the root element: false, with a problem noted, when it is not the expected document. */
    boolean root(XMLStreamReader reader, List<String> problems);

    /**
     * At a start tag below the root (the root's depth is 1); may read the element's text. False
     * stops the read.
     */
    boolean start(XMLStreamReader reader, int depth) throws XMLStreamException;

    /** At an end tag below the root, with the same depth as its start tag. */
    void end(XMLStreamReader reader, int depth);
  }

  private static final XMLInputFactory FACTORY = safeFactory();

  private BoundedXml() {}

  private static XMLInputFactory safeFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return factory;
  }

  /**
   * Runs {@code walk} over the document in {@code in}, reading at most {@code maxBytes} bytes after
   * decompression. Does not close {@code in}.
   *
   * @return the problems: the walk's own, then any that stopped the read
   */
  static List<String> read(InputStream in, long maxBytes, Walk walk) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(walk, "walk");
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes < 1: " + maxBytes);
    }
    List<String> problems = new ArrayList<>();
    Capped raw = new Capped(in, maxBytes);
    Capped body = raw;
    XMLStreamReader reader = null;
    try {
      body = new Capped(decompressed(raw), maxBytes);
      reader = FACTORY.createXMLStreamReader(body);
      walkThrough(reader, walk, problems);
    } catch (XMLStreamException | IOException | RuntimeException e) {
      // The JDK parser wraps I/O errors, ours included, in XMLStreamException; on some broken
      // input it throws unchecked exceptions instead. All of them are the document's fault.
      problems.add(failure(e, raw.exceeded() || body.exceeded(), maxBytes));
    } finally {
      closeQuietly(reader);
    }
    return problems;
  }

  private static void walkThrough(XMLStreamReader reader, Walk walk, List<String> problems)
      throws XMLStreamException {
    while (!reader.isStartElement() && reader.hasNext()) {
      reader.next();
    }
    if (!reader.isStartElement()) {
      problems.add("no root element");
      return;
    }
    if (!walk.root(reader, problems)) {
      return;
    }
    int depth = 1;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (!walk.start(reader, depth)) {
          return;
        }
      }
      // An element whose text the walk read ends here too.
      if (reader.isEndElement()) {
        walk.end(reader, depth);
        depth--;
      }
    }
  }

  /** The current element's namespace URI, {@code ""} for none. */
  static String namespace(XMLStreamReader reader) {
    String uri = reader.getNamespaceURI();
    return uri == null ? "" : uri;
  }

  /** A {@code "line N: "} prefix for a problem at the reader's position. */
  static String line(XMLStreamReader reader) {
    return "line " + reader.getLocation().getLineNumber() + ": ";
  }

  private static InputStream decompressed(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    return first == 0x1F && second == 0x8B ? new GZIPInputStream(buffered) : buffered;
  }

  private static String failure(Exception e, boolean exceeded, long maxBytes) {
    if (exceeded) {
      return "stopped reading: larger than " + maxBytes + " bytes";
    }
    String where = "";
    if (e instanceof XMLStreamException && ((XMLStreamException) e).getLocation() != null) {
      where = "line " + ((XMLStreamException) e).getLocation().getLineNumber() + ": ";
    }
    return where + "unreadable XML: " + e.getMessage();
  }

  private static void closeQuietly(@Nullable XMLStreamReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (XMLStreamException e) {
      // Closing frees parser state only; the caller owns the stream and everything was read.
    }
  }

  /** Counts bytes and fails once more than the cap would be read. */
  private static final class Capped extends FilterInputStream {
    private final long max;
    private long count;
    private boolean exceeded;

    Capped(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    boolean exceeded() {
      return exceeded;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, (int) Math.min(len, max - count + 1));
      if (n > 0) {
        count += n;
        if (count > max) {
          exceeded = true;
          throw new IOException("more than " + max + " bytes");
        }
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      int chunk = (int) Math.max(0, Math.min(n, 8192));
      return Math.max(0, read(new byte[chunk], 0, chunk));
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
