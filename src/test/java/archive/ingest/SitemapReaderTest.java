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
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SitemapReaderTest {

  private static final String NS = "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";

  @TempDir Path dir;

  private static InputStream xml(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }

  private static String urlset(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset " + NS + ">" + body + "</urlset>";
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void readsPageUrlsAndLastmodFromAUrlset() {
    Sitemap sitemap =
        new SitemapReader()
            .read(
                xml(
                    urlset(
                        "<url><loc> https://blog.example.org/a </loc>"
                            + "<lastmod>2024-05-01</lastmod><priority>0.5</priority></url>"
                            + "<url><loc>https://blog.example.org/b?x=1&amp;y=2</loc></url>")));

    assertThat(sitemap.kind()).isEqualTo(Sitemap.Kind.URLSET);
    assertThat(sitemap.entries())
        .containsExactly(
            new FoundUrl(
                "https://blog.example.org/a", Optional.of(Instant.parse("2024-05-01T00:00:00Z"))),
            new FoundUrl("https://blog.example.org/b?x=1&y=2", Optional.empty()));
    assertThat(sitemap.problems()).isEmpty();
  }

  @Test
  void readsChildSitemapsFromAnIndex() {
    String index =
        "<sitemapindex "
            + NS
            + "><sitemap><loc>https://blog.example.org/posts.xml</loc>"
            + "<lastmod>2024-05-01T10:00:00+02:00</lastmod></sitemap>"
            + "<sitemap><loc>https://blog.example.org/pages.xml.gz</loc></sitemap></sitemapindex>";

    Sitemap sitemap = new SitemapReader().read(xml(index));

    assertThat(sitemap.kind()).isEqualTo(Sitemap.Kind.INDEX);
    assertThat(sitemap.entries())
        .extracting(FoundUrl::url)
        .containsExactly(
            "https://blog.example.org/posts.xml", "https://blog.example.org/pages.xml.gz");
    assertThat(sitemap.entries().get(0).date()).contains(Instant.parse("2024-05-01T08:00:00Z"));
  }

  @Test
  void aUrlInsideAnIndexIsNotTakenForASitemap() {
    String index =
        "<sitemapindex " + NS + "><url><loc>https://x.example/</loc></url></sitemapindex>";

    assertThat(new SitemapReader().read(xml(index)).entries()).isEmpty();
  }

  @Test
  void readsASitemapWithoutANamespace() {
    Sitemap sitemap =
        new SitemapReader().read(xml("<urlset><url><loc>https://x.example/a</loc></url></urlset>"));

    assertThat(sitemap.entries()).extracting(FoundUrl::url).containsExactly("https://x.example/a");
  }

  @Test
  void ignoresImageLocsFromTheImageExtension() {
    String body =
        "<url><image:image xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\">"
            + "<image:loc>https://blog.example.org/photo.jpg</image:loc></image:image>"
            + "<loc>https://blog.example.org/post</loc></url>";

    Sitemap sitemap = new SitemapReader().read(xml(urlset(body)));

    assertThat(sitemap.entries())
        .extracting(FoundUrl::url)
        .containsExactly("https://blog.example.org/post");
  }

  @Test
  void readsGzippedSitemapsByTheirMagicBytes() throws IOException {
    byte[] gzipped = gzip(urlset("<url><loc>https://blog.example.org/z</loc></url>"));

    Sitemap sitemap = new SitemapReader().read(new ByteArrayInputStream(gzipped));

    assertThat(sitemap.entries())
        .extracting(FoundUrl::url)
        .containsExactly("https://blog.example.org/z");
    assertThat(sitemap.problems()).isEmpty();
  }

  @Test
  void capsTheDecompressedSizeNotTheCompressedOne() throws IOException {
    String padding = "<!--" + " ".repeat(100_000) + "-->";
    byte[] bomb = gzip(urlset("<url><loc>https://blog.example.org/a</loc></url>" + padding));

    Sitemap sitemap =
        new SitemapReader(new XmlLimits(50_000, 10)).read(new ByteArrayInputStream(bomb));

    assertThat(bomb.length).isLessThan(50_000);
    assertThat(sitemap.problems()).anySatisfy(p -> assertThat(p).contains("larger than 50000"));
  }

  @Test
  void stopsAtTheEntryCapAndSaysSo() {
    String body = "<url><loc>https://x.example/1</loc></url>".repeat(3);

    Sitemap sitemap = new SitemapReader(new XmlLimits(1_000_000, 2)).read(xml(urlset(body)));

    assertThat(sitemap.entries()).hasSize(2);
    assertThat(sitemap.problems()).containsExactly("more than 2 entries; read the first 2");
  }

  @Test
  void exactlyTheCapIsNotAProblem() {
    String body = "<url><loc>https://x.example/1</loc></url>".repeat(2);

    Sitemap sitemap = new SitemapReader(new XmlLimits(1_000_000, 2)).read(xml(urlset(body)));

    assertThat(sitemap.entries()).hasSize(2);
    assertThat(sitemap.problems()).isEmpty();
  }

  @Test
  void usesTheProtocolLimitsByDefault() {
    assertThat(XmlLimits.SITEMAP).isEqualTo(new XmlLimits(50L * 1024 * 1024, 50_000));
  }

  @Test
  void badXmlKeepsWhatWasReadAndReportsTheLine() {
    String broken = urlset("<url><loc>https://x.example/1</loc></url>\n<url><loc>oops</url>");

    Sitemap sitemap = new SitemapReader().read(xml(broken));

    assertThat(sitemap.entries()).extracting(FoundUrl::url).containsExactly("https://x.example/1");
    assertThat(sitemap.problems()).singleElement().asString().startsWith("line 3: unreadable XML");
  }

  @Test
  void aDocumentThatIsNotASitemapIsReportedNotThrown() {
    assertThat(new SitemapReader().read(xml("<html><body>hi</body></html>")).problems())
        .containsExactly("not a sitemap: root element <html>");
    assertThat(new SitemapReader().read(xml("")).problems())
        .singleElement()
        .asString()
        .contains("unreadable XML");
  }

  @Test
  void aCorruptGzipStreamIsAProblem() {
    byte[] corrupt = {0x1F, (byte) 0x8B, 0x00, 0x00, 0x01};

    Sitemap sitemap = new SitemapReader().read(new ByteArrayInputStream(corrupt));

    assertThat(sitemap.entries()).isEmpty();
    assertThat(sitemap.problems()).singleElement().asString().contains("unreadable XML");
  }

  @Test
  void anEntryWithoutLocIsSkippedWithAProblem() {
    Sitemap sitemap =
        new SitemapReader().read(xml(urlset("<url><lastmod>2024-01-01</lastmod></url>")));

    assertThat(sitemap.entries()).isEmpty();
    assertThat(sitemap.problems()).singleElement().asString().endsWith("<url> without <loc>");
  }

  @Test
  void anUnreadableLastmodKeepsTheUrl() {
    Sitemap sitemap =
        new SitemapReader()
            .read(xml(urlset("<url><loc>https://x.example/</loc><lastmod>soon</lastmod></url>")));

    assertThat(sitemap.entries())
        .containsExactly(new FoundUrl("https://x.example/", Optional.empty()));
    assertThat(sitemap.problems()).singleElement().asString().contains("'soon'");
  }

  @Test
  void doesNotExpandAnExternalEntityPointingAtALocalFile() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42", UTF_8);
    String attack =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE urlset [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>\n<urlset "
            + NS
            + "><url><loc>https://x.example/&xxe;</loc></url></urlset>";

    Sitemap sitemap = new SitemapReader().read(xml(attack));

    assertThat(sitemap.entries()).noneSatisfy(e -> assertThat(e.url()).contains("TOP-SECRET"));
    assertThat(sitemap.problems()).isNotEmpty().noneMatch(p -> p.contains("TOP-SECRET"));
    assertThat(String.valueOf(sitemap)).doesNotContain("TOP-SECRET");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2024, 2024-01-01T00:00:00Z",
    "2024-05, 2024-05-01T00:00:00Z",
    "2024-05-01, 2024-05-01T00:00:00Z",
    "2024-05-01T10:30Z, 2024-05-01T10:30:00Z",
    "2024-05-01T10:30:15+02:00, 2024-05-01T08:30:15Z",
    "2024-05-01T10:30:15.25-01:00, 2024-05-01T11:30:15.250Z",
    "2024-05-01 10:30:15, 2024-05-01T10:30:15Z",
    "2024-05-01T10:30:15+0200, 2024-05-01T08:30:15Z",
  })
  void readsLenientW3cDatetimes(String text, String expected) {
    assertThat(W3cDates.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({"2024-13-01", "2024-02-30", "yesterday", "24-05-01", "2024-05-01T25:00Z"})
  void rejectsWhatIsNotADate(String text) {
    assertThat(W3cDates.parse(text)).isEmpty();
  }
}
