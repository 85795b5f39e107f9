package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.Format;
import archive.ingest.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the example blog in {@code examples/devlog/} parses cleanly as what it is. */
@Timeout(30)
class ExampleBlogParseTest {

  private static final Path ROOT = Path.of("examples/devlog");

  private static final Map<String, String> SKIPPED =
      Map.of(
          "posts/2023/ideas-for-next-year.md", "draft",
          "site/2023/11/private-notes/index.html", "noindex");

  private static final Set<String> LIST_PAGES =
      Set.of("posts/_index.md", "site/tags/infra/index.html");

  /** Every entry file under the example blog, as a {@code /}-separated path relative to it. */
  static List<String> files() throws IOException {
    return everyFile().stream()
        .filter(path -> path.endsWith(".md") || path.endsWith(".html"))
        .collect(Collectors.toList());
  }

  private static List<String> everyFile() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(Files::isRegularFile)
          .map(file -> ROOT.relativize(file).toString().replace('\\', '/'))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  static Stream<String> entries() throws IOException {
    return files().stream().filter(path -> !SKIPPED.containsKey(path));
  }

  @Test
  void walksBothFormatsIncludingEveryNamedCase() throws IOException {
    assertThat(files())
        .hasSizeGreaterThan(30)
        .containsAll(SKIPPED.keySet())
        .containsAll(LIST_PAGES);
    // Besides entries, only the site generator's configuration, which names the blog.
    assertThat(everyFile())
        .containsAll(files())
        .hasSize(files().size() + 1)
        .contains("config.toml");
  }

  @ParameterizedTest
  @MethodSource("files")
  void parsesWithoutProblems(String path) throws IOException {
    assertThat(parse(path).problems()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("files")
  void skipsOnlyTheDraftAndTheNoindexPage(String path) throws IOException {
    assertThat(parse(path).skipReason()).isEqualTo(SKIPPED.get(path));
  }

  @ParameterizedTest
  @MethodSource("entries")
  void marksSectionIndexAndTagPageAsListsAndEverythingElseAsEntries(String path)
      throws IOException {
    Kind expected = LIST_PAGES.contains(path) ? Kind.LIST : Kind.ENTRY;
    assertThat(parse(path).found()).map(Entry::kind).contains(expected);
  }

  /** A tag page lists posts with their dates; none of them is the page's own. */
  @Test
  void listPageTakesNoDateFromThePostsItLists() throws IOException {
    assertThat(parse("site/tags/infra/index.html").found()).map(Entry::date).isEmpty();
  }

  /**
   * Regression: {@code **The Pragmatic Programmer**, the 20th anniversary edition.} in {@code
   * posts/2023/reading-notes-january.md} left a section text opening with ", the 20th".
   */
  @ParameterizedTest
  @MethodSource("entries")
  void opensNoSectionWithThePunctuationAfterARunIn(String path) throws IOException {
    assertThat(parse(path).found().orElseThrow().sections())
        .extracting(Section::text)
        .noneMatch(text -> text.matches("(?s)^[,;:.].*"));
  }

  private static ParseResult parse(String path) throws IOException {
    Path file = ROOT.resolve(path);
    Format format = path.endsWith(".md") ? Format.MARKDOWN : Format.HTML;
    return new EntryParser(ParseOptions.DEFAULTS)
        .parse(new SourceFile(file, path, format, Files.size(file), 0L));
  }
}
