package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import archive.ingest.Format;
import archive.ingest.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every file in {@code parse/bad/} parses without throwing and yields its documented outcome. */
@Timeout(30)
class BadInputTest {

  /**
   * The documented outcome of a bad file.
   *
   * @param skipReason the skip reason, or null when the file still yields an entry
   * @param problems the problems as (line, message) tuples
   * @param text text the entry must contain, or null
   */
  record Outcome(@Nullable String skipReason, List<Tuple> problems, @Nullable String text) {}

  private static final Map<String, Outcome> OUTCOMES =
      Map.ofEntries(
          Map.entry(
              "invalid-utf8.md",
              entry(
                  "The café was closed “again”.",
                  problem(2, "not valid UTF-8; read as windows-1252"))),
          Map.entry(
              "broken-yaml.md",
              entry(
                  "Body text survives broken YAML.",
                  problem(3, "cannot read YAML front matter: expected ',' or ']', but got :"))),
          Map.entry(
              "unclosed-front-matter.md",
              entry(
                  "The body is read as text anyway.",
                  problem(
                      1, "front matter opened with --- on line 1 is never closed; read as text"))),
          Map.entry(
              "non-map-front-matter.md",
              entry(
                  "Text after a list-shaped front matter.",
                  problem(2, "front matter is not a map of keys to values"))),
          Map.entry(
              "unclosed-json.md",
              entry(
                  "Text after an unclosed JSON block.",
                  problem(
                      1, "front matter opened with { on line 1 is never closed; read as text"))),
          Map.entry(
              "bad-toml.md",
              entry(
                  "Text after bad TOML.",
                  problem(2, "cannot read TOML value of title: Newline not permitted here"))),
          Map.entry(
              "silly-date.md",
              entry(
                  "Text.",
                  problem(
                      3, "unrecognised date \"someday soon\" in front matter; use YYYY-MM-DD"))),
          Map.entry(
              "future-date.md",
              entry(
                  "Text.",
                  problem(
                      3, "date \"2999-01-01\" in front matter is before 1990 or in the future"))),
          Map.entry("empty.md", skipped("empty file")),
          Map.entry("no-text.md", skipped("empty file")),
          Map.entry("title-only.md", entry(null)),
          Map.entry("empty.html", skipped("no main content found")),
          Map.entry("blank.html", skipped("empty file")),
          Map.entry("no-text.html", skipped("no text in the page")),
          Map.entry("title-only.html", skipped("no main content found")),
          Map.entry("garbage.html", entry("Unclosed bold and italic\ncell\npara")),
          Map.entry("cp1252.html", entry("The café was “closed”.")),
          Map.entry(
              "cp1252-no-meta.html",
              entry("Naïve café text.", problem(1, "not valid UTF-8; read as windows-1252"))),
          Map.entry("broken-json-ld.html", entry("Still indexed.")));

  static Stream<String> badFiles() throws IOException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void neverThrowsAndYieldsTheDocumentedOutcome(String name) throws IOException {
    Outcome expected = OUTCOMES.get(name);
    assertThat(expected).as("documented outcome of %s", name).isNotNull();
    ParseResult result = parse(name);
    assertThat(result.skipReason()).isEqualTo(expected.skipReason());
    assertThat(result.problems())
        .extracting(Problem::line, Problem::message)
        .containsExactlyElementsOf(expected.problems());
    assertThat(result.problems()).allSatisfy(p -> assertThat(p.path()).isEqualTo(name));
    if (expected.text() != null) {
      assertThat(result.found().orElseThrow().text()).contains(expected.text());
    }
  }

  @Test
  void documentsOnlyFilesThatExist() throws IOException {
    assertThat(badFiles().collect(Collectors.toSet())).containsAll(OUTCOMES.keySet());
  }

  @Test
  void keepsTheFrontMatterTitleOfAnEntryWithoutText() throws IOException {
    Entry entry = parse("title-only.md").found().orElseThrow();
    assertThat(entry.title()).isEqualTo("Only a title");
    assertThat(entry.sections()).isEmpty();
  }

  @Test
  void leavesTheDateEmptyWhenFrontMatterDateIsUnreadable() throws IOException {
    assertThat(parse("silly-date.md").found().orElseThrow().date()).isNull();
  }

  @Test
  void stillReadsGoodTomlKeysAfterABadOne() throws IOException {
    assertThat(parse("bad-toml.md").found().orElseThrow().date()).hasToString("2021-01-01");
  }

  @Test
  void readsDateFromTimeWhenJsonLdIsGarbage() throws IOException {
    assertThat(parse("broken-json-ld.html").found().orElseThrow().date()).hasToString("2020-02-02");
  }

  @Test
  void survivesArbitraryBytesInBothFormats() {
    byte[] noise = new byte[4096];
    new java.util.Random(42).nextBytes(noise);
    for (Format format : Format.values()) {
      assertThatCode(() -> parseBytes(noise, format)).doesNotThrowAnyException();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "flow", // title: [[[[…]]]], which overflowed the YAML library's stack (issue 10, 2)
        "flow over lines",
        "block"
      })
  void frontMatterNestedThousandsDeepIsReadWithoutItAndSaidSo(String shape) throws IOException {
    String yaml =
        switch (shape) {
          case "flow" -> "title: " + "[".repeat(2000) + "]".repeat(2000) + "\n";
          case "flow over lines" -> "title: x\nkey: " + "[\n".repeat(2000) + "]\n".repeat(2000);
          default ->
              "title: x\nkey:\n"
                  + java.util.stream.IntStream.range(1, 2000)
                      .mapToObj(i -> "  ".repeat(i) + "- \n")
                      .collect(java.util.stream.Collectors.joining());
        };
    byte[] bytes =
        ("---\n" + yaml + "---\nA quoll in the body.\n").getBytes(StandardCharsets.UTF_8);

    ParseResult result = parseBytes(bytes, Format.MARKDOWN);

    assertThat(result.entry()).isNotNull();
    assertThat(result.entry().text()).contains("A quoll in the body.");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly("front matter nested more than 64 levels deep; read without it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
  void utf16MarkdownWithAByteOrderMarkKeepsItsFrontMatter(String charset) throws IOException {
    String text =
        "\uFEFF---\ntitle: Quoll burrows\ndate: 2021-05-06\n---\nAn evening by the shed.\n";

    ParseResult result =
        parseBytes(text.getBytes(java.nio.charset.Charset.forName(charset)), Format.MARKDOWN);

    assertThat(result.problems()).isEmpty();
    assertThat(result.entry().title()).isEqualTo("Quoll burrows");
    assertThat(result.entry().date()).hasToString("2021-05-06");
    assertThat(result.entry().text()).isEqualTo("An evening by the shed.");
  }

  @Test
  void tomlFrontMatterNestedThousandsDeepIsReadWithoutTheValueAndSaidSo() throws IOException {
    // It overflowed the stack, and the whole file was skipped (issue 10, hostile files).
    byte[] bytes =
        ("+++\ntitle = "
                + "[".repeat(5000)
                + "]".repeat(5000)
                + "\ndate = 2021-05-06\n+++\nA quoll in the body.\n")
            .getBytes(StandardCharsets.UTF_8);

    ParseResult result = parseBytes(bytes, Format.MARKDOWN);

    assertThat(result.entry()).isNotNull();
    assertThat(result.entry().text()).contains("A quoll in the body.");
    assertThat(result.entry().date()).hasToString("2021-05-06");
    assertThat(result.problems())
        .extracting(Problem::line, Problem::message)
        .containsExactly(
            tuple(2, "cannot read TOML value of title: nested more than 64 levels deep"));
  }

  @Test
  void aTomlErrorOnALongLineIsOneShortLine() throws IOException {
    byte[] bytes =
        ("+++\ntitle = \"Quolls\" " + "}".repeat(100_000) + "\nbroken " + "x".repeat(100_000))
            .concat("\n+++\nBody.\n")
            .getBytes(StandardCharsets.UTF_8);

    ParseResult result = parseBytes(bytes, Format.MARKDOWN);

    assertThat(result.problems()).hasSize(2);
    assertThat(result.problems())
        .allSatisfy(p -> assertThat(p.message()).hasSizeLessThan(220).doesNotContain("\n"));
  }

  @Test
  void aTableOfMillionsOfCellsIsReadAsPlainTextAndSaidSo() throws IOException {
    // Short rows are padded to the header's width: 8 KB ask for 1.2 million cells. The tables
    // extension refused it, and the file failed (issue 10, hostile files).
    String table = "|h".repeat(2000) + "|\n" + "|-".repeat(2000) + "|\n" + "|quoll|\n".repeat(600);
    byte[] bytes =
        ("# Tables\n\n" + table + "\nA numbat after the table.\n").getBytes(StandardCharsets.UTF_8);

    ParseResult result = parseBytes(bytes, Format.MARKDOWN);

    assertThat(result.entry()).isNotNull();
    assertThat(result.entry().text()).contains("quoll", "A numbat after the table.");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly(
            "a table has more than 1,000,000 cells; its text is read without the table");
  }

  @Test
  void aTagOfFortyThousandCharactersIsLeftOutAndSaidSo() throws IOException {
    // The index keys tags as terms of at most 32,766 bytes; this one stopped the whole run (issue
    // 10, hostile files).
    String tag = "k".repeat(40_000);
    byte[] bytes =
        ("---\ntitle: Quolls\ntags: [quolls, " + tag + ", " + tag + "x]\n---\nBody.\n")
            .getBytes(StandardCharsets.UTF_8);

    ParseResult result = parseBytes(bytes, Format.MARKDOWN);

    assertThat(result.entry().tags()).containsExactly("quolls");
    assertThat(result.problems())
        .extracting(Problem::line, Problem::message)
        .containsExactly(
            tuple(
                3,
                "tag longer than 200 characters left out: \"" + "k".repeat(60) + "…\" and 1 more"));
  }

  @Test
  void aKeywordsMetaOfFortyThousandCharactersIsNoTag() throws IOException {
    byte[] bytes =
        ("<html><head><meta name=keywords content='quolls, "
                + "k".repeat(40_000)
                + "'></head><body><p>Body.</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);

    ParseResult result = parseBytes(bytes, Format.HTML);

    assertThat(result.entry().tags()).containsExactly("quolls");
    assertThat(result.problems())
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .startsWith("tag longer than 200 characters left out: \"kkk");
  }

  @ParameterizedTest
  @ValueSource(strings = {"url: /", "permalink: /", "slug: "})
  void anAddressOfFortyThousandCharactersIsLeftOutAndSaidSo(String key) throws IOException {
    byte[] bytes =
        ("---\ntitle: Quolls\n" + key + "a".repeat(40_000) + "\n---\nBody.\n")
            .getBytes(StandardCharsets.UTF_8);

    ParseResult result = parseBytes(bytes, Format.MARKDOWN);

    byte[] without = "---\ntitle: Quolls\n---\nBody.\n".getBytes(StandardCharsets.UTF_8);
    assertThat(result.entry().url()).isEqualTo(parseBytes(without, Format.MARKDOWN).entry().url());
    String name = key.substring(0, key.indexOf(':'));
    assertThat(result.problems())
        .extracting(Problem::line, Problem::message)
        .containsExactly(
            tuple(
                3,
                name
                    + " in front matter is over "
                    + (name.equals("slug") ? "255" : "2,000")
                    + " characters; the address is made from the file name instead"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"toml", "json", "heading", "html"})
  void aTitleOfAMegabyteIsCutToThreeHundredCharactersAndSaidSo(String where) throws IOException {
    // It was shown whole: one line of a megabyte in every list of results (issue 10, hostile
    // files).
    String title = "Quolls ".repeat(150_000);
    String text =
        switch (where) {
          case "toml" -> "+++\ntitle = \"" + title + "\"\n+++\nBody.\n";
          case "json" -> "{\"title\": \"" + title + "\"}\nBody.\n";
          case "heading" -> "# " + title + "\n\nBody.\n";
          default -> "<title>" + title + "</title><p>Body.</p>";
        };
    Format format = where.equals("html") ? Format.HTML : Format.MARKDOWN;

    ParseResult result = parseBytes(text.getBytes(StandardCharsets.UTF_8), format);

    assertThat(result.entry().title())
        .hasSizeBetween(200, 301)
        .startsWith("Quolls Quolls")
        .endsWith("Quolls…");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly("title is 1,049,999 characters long; cut to its first 300");
  }

  @Test
  void binaryFrontMatterValuesAreNeverShownAsJavaObjects() throws IOException {
    byte[] bytes =
        "---\ntitle: !!binary cXVvbGw=\ndate: !!binary aGVsbG8=\ntags: !!binary aGVsbG8=\n---\nBody.\n"
            .getBytes(StandardCharsets.UTF_8);

    ParseResult result = parseBytes(bytes, Format.MARKDOWN);

    assertThat(result.entry().title()).isEqualTo("noise"); // from the file name, not "[B@…"
    assertThat(result.entry().tags()).isEmpty();
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly("unrecognised date binary data in front matter; use YYYY-MM-DD");
  }

  @Test
  void aDeepJsonFrontMatterErrorIsOneShortLine() throws IOException {
    byte[] bytes =
        ("{\"title\": " + "[".repeat(400) + "]".repeat(400) + "}\nBody.\n")
            .getBytes(StandardCharsets.UTF_8);

    ParseResult result = parseBytes(bytes, Format.MARKDOWN);

    assertThat(result.problems()).isNotEmpty();
    assertThat(result.problems())
        .allSatisfy(p -> assertThat(p.message()).hasSizeLessThan(220).doesNotContain("\n"));
  }

  @Test
  void frontMatterNestedAFewLevelsIsReadAsUsual() throws IOException {
    byte[] bytes =
        "---\ntitle: Quolls\nextra: {a: [1, [2, {b: [3]}]], c: \"[[[[\"}\n---\nBody.\n"
            .getBytes(StandardCharsets.UTF_8);

    ParseResult result = parseBytes(bytes, Format.MARKDOWN);

    assertThat(result.problems()).isEmpty();
    assertThat(result.entry().title()).isEqualTo("Quolls");
  }

  private static ParseResult parseBytes(byte[] bytes, Format format) throws IOException {
    Path file = Files.createTempFile("noise", format == Format.HTML ? ".html" : ".md");
    try {
      Files.write(file, bytes);
      return new EntryParser(ParseOptions.DEFAULTS)
          .parse(new SourceFile(file, "noise", format, bytes.length, 0L));
    } finally {
      Files.delete(file);
    }
  }

  private static ParseResult parse(String name) throws IOException {
    Path file = folder().resolve(name);
    Format format = name.endsWith(".html") ? Format.HTML : Format.MARKDOWN;
    return new EntryParser(ParseOptions.DEFAULTS)
        .parse(new SourceFile(file, name, format, Files.size(file), 0L));
  }

  private static Path folder() {
    try {
      return Path.of(BadInputTest.class.getResource("/parse/bad").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("fixture folder parse/bad", e);
    }
  }

  private static Outcome entry(@Nullable String text, Tuple... problems) {
    return new Outcome(null, List.of(problems), text);
  }

  private static Outcome skipped(String reason) {
    return new Outcome(reason, List.of(), null);
  }

  private static Tuple problem(int line, String message) {
    return tuple(line, message);
  }
}
