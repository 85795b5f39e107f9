package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.Format;
import archive.ingest.SourceFile;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

  @Test
  void pageKeepsItsAddressAsUrlAndItsPathAsIdAndPath() throws Exception {
    String path = "/2023/05/moving-to-nixos/";
    Entry entry =
        parser.parsePage(SITE.resolve(path), path, nixos(), "utf-8").found().orElseThrow();
    assertThat(entry.url()).isEqualTo("https://blog.example.org/2023/05/moving-to-nixos/");
    assertThat(entry.id()).isEqualTo(path);
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

  @ParameterizedTest
  @ValueSource(strings = {"/", "/tags/nixos/", "/page/2/", "/archive/?page=3"})
  void listAddressesAreListPages(String path) throws Exception {
    Entry entry = parser.parsePage(SITE.resolve(path), path, nixos(), null).found().orElseThrow();
    assertThat(entry.kind()).isEqualTo(Kind.LIST);
  }

  /** The entry of a page served at {@code path} with {@code html} encoded in {@code charset}. */
  private Entry page(String path, String html, Charset encoding, @Nullable String charset) {
    byte[] bytes = html.getBytes(encoding);
    return parser.parsePage(SITE.resolve("/page/"), path, bytes, charset).found().orElseThrow();
  }

  @Test
  void dateInTheAddressIsReadWhenThePageHasNone() {
    String html = "<article><h1>Quiet day</h1><p>Nothing happened.</p></article>";
    assertThat(page("/2021/06/18/quiet-day/", html, StandardCharsets.UTF_8, null).date())
        .isEqualTo(LocalDate.of(2021, 6, 18));
  }

  @Test
  void charsetTheServerNamedWinsOverThePagesOwn() {
    String html =
        "<meta charset=\"windows-1251\"><article><h1>\u041f\u0440\u0438\u0432\u0435\u0442</h1>"
            + "<p>\u041c\u0438\u0440.</p></article>";
    Charset koi8 = Charset.forName("KOI8-R");
    assertThat(page("/privet/", html, koi8, "KOI8-R").title())
        .isEqualTo("\u041f\u0440\u0438\u0432\u0435\u0442");
    assertThat(page("/privet/", html, koi8, null).title()) // as the page says: wrong here
        .isNotEqualTo("\u041f\u0440\u0438\u0432\u0435\u0442");
  }
}
