package archive.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedLinksTest {

  @TempDir Path dir;

  private static Feed read(String text) {
    return new FeedLinks().read(xml(text));
  }

  private static InputStream xml(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }

  @Test
  void readsRss2ItemLinksAndPubDates() {
    Feed feed =
        read(
            "<rss version=\"2.0\"><channel><title>t</title><link>https://blog.example.org/</link>"
                + "<item><title>One</title><link>https://blog.example.org/one</link>"
                + "<pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate></item>"
                + "<item><link>\n  https://blog.example.org/two\n</link></item>"
                + "</channel></rss>");

    assertThat(feed.items())
        .extracting(FoundUrl::url)
        .containsExactly("https://blog.example.org/one", "https://blog.example.org/two");
    assertThat(feed.items().get(0).date()).contains(Instant.parse("2024-05-01T10:00:00Z"));
    assertThat(feed.items().get(1).date()).isEmpty();
    assertThat(feed.problems()).isEmpty();
  }

  @Test
  void fallsBackToAPermalinkGuidButNotToAPlainOne() {
    Feed feed =
        read(
            "<rss><channel>"
                + "<item><guid>https://blog.example.org/by-guid</guid></item>"
                + "<item><guid isPermaLink=\"false\">tag:blog,2024:7</guid></item>"
                + "</channel></rss>");

    assertThat(feed.items())
        .extracting(FoundUrl::url)
        .containsExactly("https://blog.example.org/by-guid");
    assertThat(feed.problems()).singleElement().asString().endsWith("<item> without a link");
  }

  @Test
  void readsAtomAlternateLinksAndSkipsOtherRels() {
    Feed feed =
        read(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<link rel=\"self\" href=\"https://blog.example.org/atom.xml\"/>"
                + "<entry><link rel=\"edit\" href=\"https://blog.example.org/edit/1\"/>"
                + "<link rel=\"alternate\" type=\"text/html\" href=\"https://blog.example.org/1\"/>"
                + "<published>2024-05-01T10:00:00+02:00</published>"
                + "<updated>2024-06-01T00:00:00Z</updated></entry>"
                + "<entry><link href=\"/2\"/><updated>2024-06-02T00:00:00Z</updated></entry>"
                + "</feed>");

    assertThat(feed.items())
        .extracting(FoundUrl::url)
        .containsExactly("https://blog.example.org/1", "/2");
    assertThat(feed.items().get(0).date()).contains(Instant.parse("2024-05-01T08:00:00Z"));
    assertThat(feed.items().get(1).date()).contains(Instant.parse("2024-06-02T00:00:00Z"));
  }

  @Test
  void ignoresLinksOfAnAtomEntrysSource() {
    Feed feed =
        read(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
                + "<source><link href=\"https://elsewhere.example/\"/></source>"
                + "<link href=\"https://blog.example.org/mine\"/></entry></feed>");

    assertThat(feed.items())
        .extracting(FoundUrl::url)
        .containsExactly("https://blog.example.org/mine");
  }

  @Test
  void readsRss1RdfItemsWithLinkOrAbout() {
    Feed feed =
        read(
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                + " xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel rdf:about=\"https://blog.example.org/\"><link>https://blog.example.org/</link>"
                + "<items><rdf:Seq><rdf:li rdf:resource=\"https://blog.example.org/a\"/></rdf:Seq>"
                + "</items></channel>"
                + "<item rdf:about=\"https://blog.example.org/a\"><link>https://blog.example.org/a</link>"
                + "<dc:date>2024-05-01</dc:date></item>"
                + "<item rdf:about=\"https://blog.example.org/b\"><title>b</title></item>"
                + "</rdf:RDF>");

    assertThat(feed.items())
        .extracting(FoundUrl::url)
        .containsExactly("https://blog.example.org/a", "https://blog.example.org/b");
    assertThat(feed.items().get(0).date()).contains(Instant.parse("2024-05-01T00:00:00Z"));
  }

  @Test
  void readsAGzippedFeed() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(
          "<rss><channel><item><link>https://x.example/g</link></item></channel></rss>"
              .getBytes(UTF_8));
    }

    Feed feed = new FeedLinks().read(new ByteArrayInputStream(bytes.toByteArray()));

    assertThat(feed.items()).extracting(FoundUrl::url).containsExactly("https://x.example/g");
  }

  @Test
  void badXmlKeepsTheItemsReadSoFar() {
    Feed feed =
        read(
            "<rss><channel><item><link>https://x.example/1</link></item>\n"
                + "<item><link>https://x.example/2</item></channel></rss>");

    assertThat(feed.items()).extracting(FoundUrl::url).containsExactly("https://x.example/1");
    assertThat(feed.problems()).singleElement().asString().startsWith("line 2: unreadable XML");
  }

  @Test
  void anUnreadableDateKeepsTheLinkAndIsReported() {
    Feed feed =
        read(
            "<rss><channel><item><link>https://x.example/1</link><pubDate>someday</pubDate>"
                + "</item></channel></rss>");

    assertThat(feed.items()).extracting(FoundUrl::url).containsExactly("https://x.example/1");
    assertThat(feed.items().get(0).date()).isEmpty();
    assertThat(feed.problems()).singleElement().asString().contains("not a date: 'someday'");
  }

  @Test
  void aPageThatIsNotAFeedIsReported() {
    Feed feed = read("<html><head><title>x</title></head></html>");

    assertThat(feed.items()).isEmpty();
    assertThat(feed.problems()).containsExactly("not a feed: root element <html>");
  }

  @Test
  void stopsAtTheItemCapAndSaysSo() {
    String items = "<item><link>https://x.example/</link></item>".repeat(3);

    Feed feed =
        new FeedLinks(new XmlLimits(1_000_000, 2))
            .read(xml("<rss><channel>" + items + "</channel></rss>"));

    assertThat(feed.items()).hasSize(2);
    assertThat(feed.problems()).containsExactly("more than 2 entries; read the first 2");
  }

  @Test
  void stopsAtTheByteCap() {
    String items = "<item><link>https://x.example/</link></item>".repeat(100);

    Feed feed =
        new FeedLinks(new XmlLimits(1_000, 1_000))
            .read(xml("<rss><channel>" + items + "</channel></rss>"));

    assertThat(feed.items()).hasSizeLessThan(100);
    assertThat(feed.problems()).containsExactly("stopped reading: larger than 1000 bytes");
  }

  @Test
  void doesNotExpandAnExternalEntityPointingAtALocalFile() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42", UTF_8);
    String attack =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>\n<rss><channel><item><link>https://x.example/&xxe;</link></item></channel></rss>";

    Feed feed = read(attack);

    assertThat(String.valueOf(feed)).doesNotContain("TOP-SECRET");
    assertThat(feed.problems()).isNotEmpty();
  }

  @Test
  void doesNotFetchAnExternalDtd() throws IOException {
    Path dtd =
        Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak \"TOP-SECRET-42\">", UTF_8);
    String attack =
        "<!DOCTYPE rss SYSTEM \""
            + dtd.toUri()
            + "\">\n<rss><channel><item><link>https://x.example/&leak;</link></item></channel></rss>";

    Feed feed = read(attack);

    assertThat(String.valueOf(feed)).doesNotContain("TOP-SECRET");
    assertThat(feed.problems()).isNotEmpty();
  }
}
