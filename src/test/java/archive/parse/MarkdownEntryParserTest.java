package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import archive.ingest.Format;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MarkdownEntryParserTest extends EntryParserContract {

  @Override
  String folder() {
    return "markdown";
  }

  @Override
  Format format() {
    return Format.MARKDOWN;
  }

  @Override
  Stream<Fixture> fixtures() {
    return Stream.of(
        Fixture.of("dev_log_12.md")
            .title("dev log 12")
            .date("2021-01-08")
            .url("/dev_log_12.html")
            .sections(
                tuple("Work", "work", 5),
                tuple("Reading", "reading", 5),
                tuple("Next week", "next-week", 2))
            .contains(
                "Spent the week debugging flaky deployments.",
                "os.path.join broke",
                "The chapter on consensus was",
                "pin the runner image\nwrite the post-mortem")
            .excludes("**", "https://example.org/raft", "title:"),
        Fixture.of("toml-post.md")
            .title("Moving to Hugo")
            .date("2015-06-06")
            .url("/moving-to-hugo.html")
            .sections(
                tuple("", "", 0),
                tuple("Template lookup", "template-lookup", 2),
                tuple("Template lookup", "template-lookup-1", 2))
            .contains("took a minute per build", "layouts/_default/single.html")
            .excludes("not the entry title", "+++"),
        Fixture.of("json-post.md")
            .title("Notes from {a} JSON front matter")
            .date("2021-06-18")
            .url("/notes/json-front-matter/")
            .sections(tuple("", "", 0), tuple("A third-level heading", "a-third-level-heading", 3))
            .contains("Braces in strings like \"}\" must not end", "Text under it.")
            .excludes("summary", "publishDate"),
        Fixture.of("2021-06-15-some-title.md")
            .title("some title")
            .date("2021-06-15")
            .url("/2021-06-15-some-title.html")
            .sections(tuple("", "", 0))
            .contains("Tool Use\ngrep search\nsed edit")
            .excludes("|", "---"),
        Fixture.of("runins.md")
            .title("Bold run-ins and friends")
            .date("2021-06-18")
            .url("/runins.html")
            .sections(
                tuple("", "", 0),
                tuple("Monday", "monday", 5),
                tuple("Tuesday", "tuesday", 5),
                tuple("A paragraph that is only bold", "a-paragraph-that-is-only-bold", 5),
                tuple("Monday", "monday-1", 5),
                tuple(
                    "Not the title because front matter has one",
                    "not-the-title-because-front-matter-has-one",
                    1),
                tuple("Fourth level", "custom-id", 4))
            .contains(
                "with an architecture diagram.",
                "Reviewed inline html changes.",
                "Paired on the parser.",
                "again, so the anchor needs a suffix.",
                "Some bold in the middle is not a heading.",
                "Raw HTML block text.",
                "path = os.path.join(root, \"x\")",
                "indented code stays too",
                "quoted text\nfirst item\nsecond item")
            .excludes(
                "alert",
                "script text",
                "color: red",
                "diagram.png",
                "example.org",
                "<span",
                "{#custom-id}",
                "Monday:"),
        Fixture.of("ja/nikki.md")
            .title("東京の日記")
            .date("2021-06-18")
            .url("/ja/nikki.html")
            .sections(tuple("", "", 0), tuple("朝ごはん", "朝ごはん", 2), tuple("Café ÉTÉ!", "café-été", 2))
            .contains("今日は雨でした。", "パンとコーヒー。"),
        Fixture.of("untitled-notes.md")
            .title("Notes on grep")
            .date(null)
            .url("/untitled-notes.html")
            .sections(tuple("", "", 0), tuple("Flags", "flags", 2))
            .contains("Use grep -rn to search recursively.", "-i ignores case.")
            .excludes("Notes on grep"),
        Fixture.of("_index.md")
            .title("Posts")
            .url("/")
            .sections(tuple("", "", 0))
            .contains("All the posts."));
  }

  @Test
  void readsTheIssueExampleFrontMatter() throws IOException {
    Entry entry = parse("dev_log_12.md").found().orElseThrow();
    assertThat(entry.subtitle()).isEqualTo("moving the build to a new runner");
    assertThat(entry.tags()).containsExactly("ci", "infra");
    assertThat(entry.kind()).isEqualTo(Kind.ENTRY);
    assertThat(entry.draft()).isFalse();
  }

  @Test
  void skipsDraftsByDefault() throws IOException {
    ParseResult result = parse("draft.md");
    assertThat(result.skipReason()).isEqualTo("draft");
    assertThat(result.entry()).isNull();
  }

  @Test
  void keepsDraftsWhenAskedTo() throws IOException {
    Entry entry =
        parse("draft.md", new ParseOptions(null, UrlStyle.HTML, true)).found().orElseThrow();
    assertThat(entry.draft()).isTrue();
    assertThat(entry.title()).isEqualTo("Half-written thoughts");
  }

  @Test
  void readsTomlTopLevelKeysAndIgnoresTables() throws IOException {
    Entry entry = parse("toml-post.md").found().orElseThrow();
    assertThat(entry.subtitle()).isEqualTo("Why the blog now builds in 40 ms");
    assertThat(entry.updated()).isEqualTo(LocalDate.of(2016, 2, 1));
    assertThat(entry.tags()).containsExactly("hugo", "static-sites");
    assertThat(entry.categories()).containsExactly("meta", "tooling");
    assertThat(entry.lang()).isEqualTo("en");
  }

  @Test
  void readsJsonFrontMatterWithCommaSeparatedTags() throws IOException {
    Entry entry = parse("json-post.md").found().orElseThrow();
    assertThat(entry.subtitle()).isEqualTo("Hugo accepts JSON too");
    assertThat(entry.tags()).containsExactly("json", "hugo");
    assertThat(entry.draft()).isFalse();
  }

  @Test
  void normalisesTheLanguageOfAJapaneseEntry() throws IOException {
    Entry entry = parse("ja/nikki.md").found().orElseThrow();
    assertThat(entry.lang()).isEqualTo("ja");
    assertThat(entry.tags()).containsExactly("日記", "旅行");
  }

  @Test
  void readsCategoriesWithCaseInsensitiveKeys() throws IOException {
    assertThat(parse("runins.md").found().orElseThrow().categories()).containsExactly("weekly");
  }

  @Test
  void marksHugoSectionIndexAsListPage() throws IOException {
    assertThat(parse("_index.md").found().orElseThrow().kind()).isEqualTo(Kind.LIST);
  }

  @Test
  void appliesUrlStyleAndBaseUrl() throws IOException {
    ParseOptions pretty =
        new ParseOptions(URI.create("https://blog.example.org/"), UrlStyle.PRETTY, false);
    assertThat(parse("dev_log_12.md", pretty).found().orElseThrow().url())
        .isEqualTo("https://blog.example.org/dev_log_12/");
  }
}
