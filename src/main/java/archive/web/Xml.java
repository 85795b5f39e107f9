package archive.web;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the server's XML (the Atom feeds, the OpenSearch description) through the JDK's {@link
 * XMLStreamWriter}, so that escaping happens by construction, never by hand. Text is also cleaned
 * of what XML 1.0 cannot carry at all (control characters, unpaired surrogates), which an escaper
 * would pass through and a feed reader would reject the whole feed for.
 */
final class Xml {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final XMLStreamWriter writer;

  private Xml(XMLStreamWriter writer) {
    this.writer = writer;
  }

  /** What {@link #write} runs: writes one document. */
  interface Body {
    void write(Xml xml) throws XMLStreamException;
  }

  /** One document, with its declaration, as text. */
  static String write(Body body) throws XMLStreamException {
    StringWriter out = new StringWriter(4096);
    XMLStreamWriter writer = FACTORY.createXMLStreamWriter(out);
    writer.writeStartDocument("UTF-8", "1.0");
    writer.writeCharacters("\n");
    body.write(new Xml(writer));
    writer.writeEndDocument();
    writer.close();
    return out.append('\n').toString();
  }

  /** Opens the root element in its default namespace. */
  Xml start(String name, String namespace) throws XMLStreamException {
    writer.writeStartElement(name);
    writer.writeDefaultNamespace(namespace);
    return this;
  }

  /** Opens an element. */
  Xml start(String name) throws XMLStreamException {
    writer.writeCharacters("\n");
    writer.writeStartElement(name);
    return this;
  }

  /** Adds an attribute to the element just opened. */
  Xml attribute(String name, String value) throws XMLStreamException {
    writer.writeAttribute(name, clean(value));
    return this;
  }

  /** Text inside the open element. */
  Xml text(String text) throws XMLStreamException {
    writer.writeCharacters(clean(text));
    return this;
  }

  /** An element holding only {@code text}. */
  Xml element(String name, String text) throws XMLStreamException {
    return start(name).text(text).end();
  }

  /** An empty element with attributes given as name, value, name, value… */
  Xml empty(String name, String... attributes) throws XMLStreamException {
    writer.writeCharacters("\n");
    writer.writeEmptyElement(name);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      attribute(attributes[i], attributes[i + 1]);
    }
    return this;
  }

  /** Closes the open element. */
  Xml end() throws XMLStreamException {
    writer.writeEndElement();
    return this;
  }

  /** Closes the open element, which holds elements, on a line of its own. */
  Xml endBlock() throws XMLStreamException {
    writer.writeCharacters("\n");
    return end();
  }

  /** The text without the characters XML 1.0 cannot hold, which no escape can carry either. */
  static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      boolean allowed =
          pair
              || c == '\t'
              || c == '\n'
              || c == '\r'
              || c >= 0x20 && c < 0xFFFE && !Character.isSurrogate(c);
      if (!allowed && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null && allowed) {
        out.append(c);
        if (pair) {
          out.append(text.charAt(++i));
        }
      } else if (pair) {
        i++;
      }
    }
    return out == null ? text : out.toString();
  }
}
