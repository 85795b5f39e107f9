package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.Format;
import archive.ingest.SourceFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

  @Test
  void dateInTheAddressIsReadWhenThePageHasNone() {
    String path = "/2021/06/18/quiet-day/";
    byte[] html =
        "<article><h1>Quiet day</h1><p>Nothing happened.</p></article>"
            .getBytes(StandardCharsets.UTF_8);
    Entry entry = parser.parsePage(SITE.resolve(path), path, html, null).found().orElseThrow();
    assertThat(entry.date()).isEqualTo(LocalDate.of(2021, 6, 18));
  }

  @Test
  void charsetTheServerNamedWinsOverThePagesGuess() {
    String path = "/caf\u00e9/";
    byte[] html =
        "<article><h1>Caf\u00e9</h1><p>Cr\u00e8me br\u00fbl\u00e9e.</p></article>"
            .getBytes(StandardCharsets.ISO_8859_1);
    Entry entry =
        parser.parsePage(SITE.resolve("/cafe/"), path, html, "ISO-8859-1").found().orElseThrow();
    assertThat(entry.title()).isEqualTo("Caf\u00e9");
  }
}
