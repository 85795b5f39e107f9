package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterReaderTest {

  private final List<Problem> problems = new ArrayList<>();

  private FrontMatter read(String text) {
    return FrontMatterReader.read(text, "post.md", problems);
  }

  @Test
  void readsYamlWithLowerCasedKeysAndSplitsTheBody() {
    FrontMatter fm = read("---\nTitle: Hello\ntags: [a, b]\n---\nBody line\n");
    assertThat(fm.values())
        .containsEntry("title", "Hello")
        .containsEntry("tags", List.of("a", "b"));
    assertThat(fm.body()).isEqualTo("Body line\n");
    assertThat(problems).isEmpty();
  }

  @Test
  void acceptsThreeDotsAsTheYamlEnd() {
    FrontMatter fm = read("---\ntitle: Dots\n...\nBody\n");
    assertThat(fm.values()).containsEntry("title", "Dots");
    assertThat(fm.body()).isEqualTo("Body\n");
  }

  @Test
  void treatsTextWithoutFrontMatterAsBody() {
    FrontMatter fm = read("Just text\n---\nnot front matter\n");
    assertThat(fm.values()).isEmpty();
    assertThat(fm.body()).startsWith("Just text");
  }

  @Test
  void requiresTheFenceOnTheFirstLine() {
    FrontMatter fm = read("----\ntitle: x\n----\n");
    assertThat(fm.values()).isEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void reportsBrokenYamlAtItsFileLineAndKeepsTheBody() {
    FrontMatter fm = read("---\ntitle: ok\ntags: [a\nx: y\n---\nBody\n");
    assertThat(fm.values()).isEmpty();
    assertThat(fm.body()).isEqualTo("Body\n");
    assertThat(problems).extracting(Problem::line).containsExactly(4);
    assertThat(problems.get(0).message()).startsWith("cannot read YAML front matter:");
  }

  @Test
  void refusesYamlAliasBombs() {
    StringBuilder yaml = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char prev = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [");
      yaml.append(("*" + prev + ", ").repeat(9)).append("*").append(prev).append("]\n");
    }
    FrontMatter fm = read(yaml.append("---\nBody\n").toString());
    assertThat(fm.values()).isEmpty();
    assertThat(problems).hasSize(1);
    assertThat(fm.body()).isEqualTo("Body\n");
  }

  @Test
  void reportsAnUnclosedBlockAndKeepsTheWholeText() {
    String text = "+++\ntitle = \"x\"\nBody\n";
    FrontMatter fm = read(text);
    assertThat(fm.body()).isEqualTo(text);
    assertThat(problems)
        .extracting(Problem::line, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                1, "front matter opened with +++ on line 1 is never closed; read as text"));
  }

  @Test
  void readsTomlValuesOfEveryKind() {
    FrontMatter fm =
        read(
            """
            +++
            title = "Say \\"hi\\"\\u0021" # comment
            literal = 'C:\\path'
            summary = \"""
            Two
            lines\"""
            tags = ["a", 'b',
              "c"]
            draft = true
            weight = 1_000
            date = 2021-06-18T10:00:00Z
            "quoted key" = "q"
            inline = { a = 1 }
            [params]
            title = "nested"
            +++
            Body
            """);
    assertThat(fm.values())
        .containsEntry("title", "Say \"hi\"!")
        .containsEntry("literal", "C:\\path")
        .containsEntry("summary", "Two\nlines")
        .containsEntry("tags", List.of("a", "b", "c"))
        .containsEntry("draft", true)
        .containsEntry("weight", 1000L)
        .containsEntry("date", "2021-06-18T10:00:00Z")
        .containsEntry("quoted key", "q")
        .doesNotContainKey("inline") // a table, inline or not, is a theme's, not the entry's
        .doesNotContainKey("params");
    assertThat(problems).isEmpty();
    assertThat(fm.body()).isEqualTo("Body\n");
  }

  @Test
  void readsEveryTomlEscapeAndAQuotedKeyWithAnEqualsSign() {
    // The hand-written subset read "\r" as r, "\b" as b, left \U escapes and escapes inside
    // triple quotes raw, and split a quoted key at its "=" (issue 11).
    FrontMatter fm =
        read(
            """
            +++
            title = "a\\rb\\bc \\U0001F600"
            summary = \"""
            tab\\there \\
              joined\"""
            "a=b" = "key with equals"
            +++
            Body
            """);
    assertThat(fm.values())
        .containsEntry("title", "a\rb\bc \uD83D\uDE00")
        .containsEntry("summary", "tab\there joined")
        .containsEntry("a=b", "key with equals");
    assertThat(problems).isEmpty();
  }

  @Test
  void reportsTomlLinesItCannotReadAndGoesOn() {
    FrontMatter fm = read("+++\njust words\ntitle = \"ok\"\ntags = [\"never closed\"\n+++\n");
    assertThat(fm.values()).containsEntry("title", "ok").doesNotContainKey("tags");
    assertThat(problems).extracting(Problem::line).containsExactly(2, 4);
  }

  @Test
  void readsJsonFrontMatterWithBracesInStrings() {
    FrontMatter fm =
        read("{\n  \"title\": \"a } b\",\n  \"tags\": [\"x\", \"y\"],\n  \"n\": 3\n}\nBody\n");
    assertThat(fm.values())
        .containsEntry("title", "a } b")
        .containsEntry("tags", List.of("x", "y"));
    assertThat(((Number) fm.values().get("n")).intValue()).isEqualTo(3);
    assertThat(fm.body()).isEqualTo("Body\n");
    assertThat(problems).isEmpty();
  }

  @Test
  void leavesAShortcodeOnTheFirstLineInTheBody() {
    FrontMatter fm = read("{{< figure src=\"a.png\" >}}\nText\n");
    assertThat(fm.values()).isEmpty();
    assertThat(fm.body()).startsWith("{{< figure");
    assertThat(problems).isEmpty();
  }

  @Test
  void reportsBrokenJsonWithItsLine() {
    FrontMatter fm = read("{\n  \"title\": \"x\",\n  oops oops\n}\nBody\n");
    assertThat(fm.body()).isEqualTo("Body\n");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message()).startsWith("cannot read JSON front matter");
    assertThat(problems.get(0).line()).isEqualTo(3);
  }

  @Test
  void findsTheLineOfAKeyForProblems() {
    FrontMatter fm = read("---\ntitle: x\n\nDate: someday\n---\n");
    assertThat(fm.lineOf("date")).isEqualTo(4);
    assertThat(fm.lineOf("missing")).isEqualTo(2);
  }

  @Test
  void readsFieldsLenientlyFromAnyFormat() {
    FrontMatter fm =
        read(
            """
            ---
            title: 42
            description: d
            created: 2021-1-8
            date: 2020-01-01
            lastmod: 2021-02-01
            tags: 'a, b, A'
            draft: yes
            slug: s
            permalink: /p/
            LANG: en_US
            layout: archive
            ---
            """);
    FrontMatterFields fields = FrontMatterFields.read(fm, "post.md", problems);
    assertThat(fields.title()).isEqualTo("42");
    assertThat(fields.subtitle()).isEqualTo("d");
    assertThat(fields.date()).hasToString("2021-01-08");
    assertThat(fields.updated()).hasToString("2021-02-01");
    assertThat(fields.tags()).containsExactly("a", "b");
    assertThat(fields.draft()).isTrue();
    assertThat(fields.slug()).isEqualTo("s");
    assertThat(fields.url()).isEqualTo("/p/");
    assertThat(fields.lang()).isEqualTo("en");
    assertThat(fields.list()).isTrue();
    assertThat(problems).isEmpty();
  }

  @Test
  void treatsPublishedFalseAsDraftAndSearchFalseAsNoindex() {
    FrontMatter fm = read("---\npublished: false\nsearch: false\n---\n");
    FrontMatterFields fields = FrontMatterFields.read(fm, "post.md", problems);
    assertThat(fields.draft()).isTrue();
    assertThat(fields.noindex()).isTrue();
  }
}
