package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.Format;
import archive.ingest.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A Markdown entry rendered for reading carries exactly the anchors the index gives it. */
class MarkdownHtmlTest {

  private static final Path EXAMPLE = Path.of("examples/devlog");

  static Stream<String> examplePosts() throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLE.resolve("posts"))) {
      return files
          .filter(f -> f.toString().endsWith(".md"))
          .map(f -> EXAMPLE.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examplePosts")
  void everySectionOfAnExamplePostHasItsAnchorOnItsHeading(String path) throws IOException {
    byte[] bytes = Files.readAllBytes(EXAMPLE.resolve(path));
    SourceFile source =
        new SourceFile(EXAMPLE.resolve(path), path, Format.MARKDOWN, bytes.length, 0L);
    Entry entry = new EntryParser(ParseOptions.DEFAULTS).parse(source).entry();
    Assumptions.assumeTrue(entry != null, "a draft, which has no page");
    List<Section> sections = entry.sections();

    Document page = Jsoup.parseBodyFragment(MarkdownHtml.render(bytes, path));

    long anchored = sections.stream().filter(s -> !s.anchor().isEmpty()).count();
    assertThat(page.select("[id]")).hasSize((int) anchored);
    for (Section section : sections) {
      if (section.anchor().isEmpty()) {
        continue;
      }
      Element target = page.getElementById(section.anchor());
      assertThat(target).as("#%s in %s", section.anchor(), path).isNotNull();
      assertThat(target.text()).startsWith(section.heading());
      assertThat(target.tagName())
          .isEqualTo(section.level() == Section.RUN_IN ? "p" : "h" + section.level());
    }
  }

  private static Document render(String markdown) {
    return Jsoup.parseBodyFragment(
        MarkdownHtml.render(markdown.getBytes(StandardCharsets.UTF_8), "a.md"));
  }

  @Test
  void theHeadingATitleWasTakenFromIsNotRenderedTwice() {
    Document page = render("# Quoll burrows\n\nAn evening by the shed.\n\n# Later\n\nMore.\n");

    assertThat(page.select("h1").eachText()).containsExactly("Later");
    assertThat(page.select("p").first().text()).isEqualTo("An evening by the shed.");
  }

  @Test
  void aTitleFromFrontMatterLeavesTheFirstHeadingInTheBody() {
    Document page = render("---\ntitle: Quolls\n---\n# Burrows\n\nText.\n");

    assertThat(page.select("h1").eachText()).containsExactly("Burrows");
    assertThat(page.select("h1").attr("id")).isEqualTo("burrows");
  }

  @Test
  void anAuthorsHeadingIdReplacesTheSlugAndIsNotShownAsText() {
    Document page = render("## Custom heading {#mine .wide}\n\nText.\n");

    assertThat(page.select("h2").attr("id")).isEqualTo("mine");
    assertThat(page.select("h2").text()).isEqualTo("Custom heading");
  }

  @Test
  void scriptsHandlersAndScriptUrlsAreRemovedButProseAndRelativeImagesStay() {
    Document page =
        render(
            "Text ![a quoll](img/quoll.png) and [a link](../other.html).\n\n"
                + "<script>alert(1)</script>\n\n"
                + "<p onmouseover=\"alert(2)\">Raw <em>paragraph</em>.</p>\n\n"
                + "[bad](javascript:alert(3))\n\n"
                + "<details><summary>More</summary>Hidden text.</details>\n");

    assertThat(page.select("script")).isEmpty();
    assertThat(page.select("[onmouseover]")).isEmpty();
    assertThat(page.select("a[href]").eachAttr("href")).containsExactly("../other.html");
    assertThat(page.html()).doesNotContainIgnoringCase("javascript:");
    assertThat(page.select("img").attr("src")).isEqualTo("img/quoll.png");
    assertThat(page.select("details summary").text()).isEqualTo("More");
    assertThat(page.text()).contains("Raw paragraph.");
  }
}
