package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import archive.ingest.Format;
import java.io.IOException;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlEntryParserTest extends EntryParserContract {

  private static final String DEV_LOG = "2021/06/18/dev-log-12/index.html";

  @Override
  String folder() {
    return "html";
  }

  @Override
  Format format() {
    return Format.HTML;
  }

  @Override
  Stream<Fixture> fixtures() {
    return Stream.of(
        Fixture.of(DEV_LOG)
            .title("Dev log 12")
            .date("2021-06-18")
            .url("/2021/06/18/dev-log-12/")
            .sections(
                tuple("", "", 0),
                tuple("Work", "", 5),
                tuple("Reading", "reading", 2),
                tuple("No id here", "", 3),
                tuple("Appendix", "", 1))
            .contains(
                "Spent the week debugging flaky deployments.",
                "moved the runners, and os.path.join broke.",
                "Finished a book on distributed systems.\nfirst item\nsecond item",
                "Details\non two lines.",
                "cell one cell two",
                "A second h1 is a section.")
            .excludes(
                "My Blog",
                "Home",
                "May 5, 2019",
                "Share this post",
                "Subscribe",
                "Tagged",
                "Related posts",
                "script noise",
                "font-family",
                "¶"),
        Fixture.of("posts/readability.html")
            .title("Why I left the cloud")
            .date("2014-01-28")
            .url("/posts/readability.html")
            .sections(tuple("", "", 0), tuple("Costs", "costs", 2))
            .contains(
                "The bill went up again this year",
                "all in one cupboard.\nNothing about it is clever",
                "paid for itself within a year")
            .excludes("Home", "sidebar", "Great post"),
        Fixture.of("posts/og-title.html")
            .title("Sections without ids")
            .date("2020-03-03")
            .url("/posts/og-title.html")
            .sections(
                tuple("", "", 0),
                tuple("Wrapped heading", "wrapped", 2),
                tuple("Old-style anchor", "old-style", 2),
                tuple("Saturday", "sat", 5))
            .contains("Intro paragraph.", "Inside a section.", "went hiking.", "Not a run-in")
            .excludes("Outside the body marker"),
        Fixture.of("posts/links.html")
            .title("Posts")
            .url("/posts/links.html")
            .sections(tuple("", "", 0))
            .contains("The first post about building things 2021\nThe second post"),
        Fixture.of("tags/index.html")
            .title("Tags")
            .url("/tags/")
            .sections(tuple("", "", 0))
            .contains("ci\ninfra"),
        Fixture.of("index.html")
            .title("My Blog")
            .url("/")
            .sections(tuple("", "", 0))
            .contains("Welcome."));
  }

  @Test
  void readsMetadataFromMetaTagsBeforeJsonLdAndTime() throws IOException {
    Entry entry = parse(DEV_LOG).found().orElseThrow();
    assertThat(entry.subtitle()).isEqualTo("Moving the build to a new runner");
    assertThat(entry.updated()).isEqualTo(LocalDate.of(2021, 6, 20));
    assertThat(entry.tags()).containsExactly("ci", "infra", "deploy");
    assertThat(entry.categories()).containsExactly("Logs");
    assertThat(entry.lang()).isEqualTo("en");
    assertThat(entry.kind()).isEqualTo(Kind.ENTRY);
  }

  @Test
  void readsDatesFromAJsonLdGraph() throws IOException {
    Entry entry = parse("posts/readability.html").found().orElseThrow();
    assertThat(entry.updated()).isEqualTo(LocalDate.of(2014, 6, 3));
    assertThat(entry.subtitle()).isNull();
  }

  @Test
  void takesOpenGraphDescriptionAndHtmlLang() throws IOException {
    Entry entry = parse("posts/og-title.html").found().orElseThrow();
    assertThat(entry.subtitle()).isEqualTo("How anchors are found");
    assertThat(entry.lang()).isEqualTo("ja");
  }

  @ParameterizedTest
  @ValueSource(strings = {"posts/noindex.html", "posts/noindex-for-archive.html"})
  void skipsPagesMarkedNoindexForEveryCrawlerOrForOurs(String page) throws IOException {
    ParseResult result = parse(page);
    assertThat(result.skipReason()).isEqualTo("noindex");
    assertThat(result.entry()).isNull();
  }

  @Test
  void marksTagFoldersRootIndexAndLinkListsAsListPages() throws IOException {
    assertThat(parse("tags/index.html").found().orElseThrow().kind()).isEqualTo(Kind.LIST);
    assertThat(parse("index.html").found().orElseThrow().kind()).isEqualTo(Kind.LIST);
    assertThat(parse("posts/links.html").found().orElseThrow().kind()).isEqualTo(Kind.LIST);
  }

  @Test
  void aNewsPageWhoseFirstMainIsEmptyGivesItsArticleWithoutTheChrome() throws IOException {
    ParseResult result = parse("news/two-mains.html");
    Entry entry = result.found().orElseThrow();
    assertThat(entry.title()).isEqualTo("Council approves the new river bridge");
    assertThat(entry.kind()).isEqualTo(Kind.ENTRY);
    assertThat(entry.text())
        .contains("voted on Tuesday", "eighteen months", "school run", "regional fund")
        .doesNotContain(
            "Jo Reporter",
            "Share on Twitter",
            "Photo:",
            "Advertisement",
            "Read more",
            "Ferry service",
            "Most read",
            "Valley Courier");
    assertThat(entry.sections())
        .extracting(Section::heading, Section::anchor)
        .containsExactly(tuple("", ""), tuple("What it will cost", "cost"));
  }

  @Test
  void anEntryFollowedByPostsYouMayAlsoLikeIsAnEntryOfItsOwnText() throws IOException {
    Entry entry = parse("news/you-may-also-like.html").found().orElseThrow();
    assertThat(entry.kind()).isEqualTo(Kind.ENTRY);
    assertThat(entry.title()).isEqualTo("Quem se ama");
    assertThat(entry.text())
        .contains("Viver uma experiência amorosa")
        .doesNotContain("otimismo", "família", "Whatsapp", "Reflexão");
  }
}
