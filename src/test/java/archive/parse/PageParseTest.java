package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.CrawledPage;
import archive.ingest.Format;
import archive.ingest.Revisit;
import archive.ingest.SourceFile;
import archive.ingest.Validators;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A page fetched from a live site is parsed as a built page, with its address as its URL. */
class PageParseTest {

  private static final URI SITE = URI.create("https://blog.example.org/");
  private final EntryParser parser = new EntryParser(ParseOptions.DEFAULTS);

  private static byte[] nixos() throws Exception {
    return Files.readAllBytes(Path.of("examples/devlog/site/2023/05/moving-to-nixos/index.html"));
  }

  /** A page fetched from {@code url} whose canonical address is {@code canonical}. */
  private Entry parse(URI url, URI canonical, byte[] html, @Nullable String charset) {
    CrawledPage page =
        new CrawledPage(
            url, canonical, html, charset, new Revisit(Validators.NONE, List.of(), null));
    return parser.parsePage(page).found().orElseThrow();
  }

  @Test
  void pageKeepsItsAddressAsIdAndUrlAndItsPathAsPath() throws Exception {
    String path = "/2023/05/moving-to-nixos/";
    URI url = SITE.resolve(path);
    Entry entry = parse(url, url, nixos(), "utf-8");
    assertThat(entry.url()).isEqualTo("https://blog.example.org/2023/05/moving-to-nixos/");
    assertThat(entry.id()).isEqualTo(entry.url());
    assertThat(entry.path()).isEqualTo(path);
    assertThat(entry.kind()).isEqualTo(Kind.ENTRY);
    assertThat(entry.sections()).isNotEmpty();
    Entry asFile =
        parser
            .parse(
                new SourceFile(
                    Path.of("examples/devlog/site/2023/05/moving-to-nixos/index.html"),
                    "2023/05/moving-to-nixos/index.html",
                    Format.HTML,
                    1,
                    0))
            .found()
            .orElseThrow();
    assertThat(entry.title()).isEqualTo(asFile.title());
    assertThat(entry.date()).isEqualTo(asFile.date()).isNotNull();
    assertThat(entry.sections()).isEqualTo(asFile.sections());
  }

  @Test
  void canonicalAddressOnAnotherHostIsTheUrlResultsLinkTo() throws Exception {
    URI local = URI.create("http://localhost:1313/2023/05/moving-to-nixos/");
    URI published = URI.create("https://blog.example.org/posts/moving-to-nixos/");
    Entry entry = parse(local, published, nixos(), null);
    assertThat(entry.id()).isEqualTo(local.toString());
    assertThat(entry.url()).isEqualTo(published.toString());
    assertThat(entry.path()).isEqualTo("/posts/moving-to-nixos/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/tags/nixos/", "/page/2/", "/archive/?page=3"})
  void listAddressesAreListPages(String path) throws Exception {
    URI url = SITE.resolve(path);
    assertThat(parse(url, url, nixos(), null).kind()).isEqualTo(Kind.LIST);
  }

  /** The entry of a page served at {@code path} with {@code html} encoded in {@code charset}. */
  private Entry page(String path, String html, Charset encoding, @Nullable String charset) {
    URI url = SITE.resolve(path);
    return parse(url, url, html.getBytes(encoding), charset);
  }

  @Test
  void dateInTheAddressIsReadWhenThePageHasNone() {
    String html = "<article><h1>Quiet day</h1><p>Nothing happened.</p></article>";
    assertThat(page("/2021/06/18/quiet-day/", html, StandardCharsets.UTF_8, null).date())
        .isEqualTo(LocalDate.of(2021, 6, 18));
  }

  /** "Привет" ("Hello") in a page that says it is windows-1251. */
  private static final String PRIVET = "\u041f\u0440\u0438\u0432\u0435\u0442";

  private static final String SAYS_WINDOWS_1251 =
      "<meta charset=\"windows-1251\"><article><h1>"
          + PRIVET
          + "</h1><p>\u041c\u0438\u0440.</p></article>";

  @Test
  void charsetTheServerNamedWinsOverThePagesOwn() {
    Charset koi8 = Charset.forName("KOI8-R");
    assertThat(page("/privet/", SAYS_WINDOWS_1251, koi8, "KOI8-R").title()).isEqualTo(PRIVET);
    assertThat(page("/privet/", SAYS_WINDOWS_1251, koi8, null).title()) // as the page says: wrong
        .isNotEqualTo(PRIVET);
  }

  @Test
  void unknownCharsetFromTheServerIsAWarningAndThePageSaysWhatItIs() {
    URI url = SITE.resolve("/privet/");
    byte[] bytes = SAYS_WINDOWS_1251.getBytes(Charset.forName("windows-1251"));
    CrawledPage page =
        new CrawledPage(
            url, url, bytes, "x-no-such-charset", new Revisit(Validators.NONE, List.of(), null));

    ParseResult result = parser.parsePage(page);

    assertThat(result.found().orElseThrow().title()).isEqualTo(PRIVET);
    assertThat(result.problems())
        .singleElement()
        .asString()
        .isEqualTo(
            url
                + ": the server named an unknown charset \"x-no-such-charset\"; read as the page says");
  }
}
