package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlMetadataTest {

  private final List<Problem> problems = new ArrayList<>();

  private HtmlMetadata read(String html) {
    return read(html, null);
  }

  private HtmlMetadata read(String html, @Nullable String siteName) {
    Document doc = Jsoup.parse(html);
    var content = MainContent.find(doc);
    return HtmlMetadata.read(
        doc,
        HtmlMetadata.metas(doc),
        content,
        HtmlMetadata.titleHeading(doc, HtmlMetadata.metas(doc), content, siteName),
        "p.html",
        siteName,
        problems);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      value = {
        "Dev log 12 | My Blog # Dev log 12",
        "Dev log 12 - My Blog # Dev log 12",
        "Dev log 12 — My Blog # Dev log 12",
        "Dev log 12 · My Blog # Dev log 12",
        "Dev log 12 :: My Blog # Dev log 12",
        "Part 1 - Setup | My Blog # Part 1 - Setup",
        "No separator # No separator",
        "| Only a site # | Only a site",
      })
  void dropsTheSiteNameFromTheTitleElement(String title, String expected) {
    assertThat(HtmlMetadata.withoutSiteName(title, null)).isEqualTo(expected);
  }

  @Test
  void usesTheSiteNameWhenKnown() {
    assertThat(HtmlMetadata.withoutSiteName("A - B - Site", "Site")).isEqualTo("A - B");
  }

  @Test
  void skipsTheSiteTitleH1InThePageHeader() {
    HtmlMetadata meta =
        read(
            "<title>Real | Site</title><body><header><h1>Site</h1></header>"
                + "<div><p>text</p></div></body>");
    assertThat(meta.title()).isEqualTo("Real");
  }

  @Test
  void takesASubtitleRightAfterTheH1WhenThereIsNoDescription() {
    HtmlMetadata meta =
        read("<article><h1>T</h1><p class='post-subtitle'>The sub</p><p>x</p></article>");
    assertThat(meta.subtitle()).isEqualTo("The sub");
  }

  @Test
  void takesTheFileNameWhenNothingNamesThePage() {
    assertThat(read("<p>no title anywhere</p>").title()).isEqualTo("p");
  }

  @Test
  void readsTimeInTheArticleHeaderBeforeAnyInThePage() {
    HtmlMetadata meta =
        read(
            "<body><article><header><h1>T</h1><time datetime='2021-06-18T10:00'>x</time></header>"
                + "<p>x</p></article><footer><time datetime='2000-01-01'></time></footer></body>");
    assertThat(meta.date()).hasToString("2021-06-18");
  }

  @Test
  void reportsAnUnreadableMetaDateAndFallsBackToTheNextSource() {
    HtmlMetadata meta =
        read(
            "<head><meta property='article:published_time' content='yesterday'></head>"
                + "<body><article><time datetime='2021-06-18'></time></article></body>");
    assertThat(meta.date()).hasToString("2021-06-18");
    assertThat(problems)
        .extracting(Problem::message)
        .containsExactly("unrecognised date \"yesterday\" in meta article:published_time");
  }

  @Test
  void aZeroTimeIsNoDateAndNoWarningButAnOldDateIsNamedAsOutOfRange() {
    HtmlMetadata meta =
        read(
            "<head><script type='application/ld+json'>{\"@type\": \"BlogPosting\","
                + " \"datePublished\": \"0001-01-01T00:00:00Z\","
                + " \"dateModified\": \"1970-01-01\"}</script></head><body><p>x</p></body>");
    assertThat(meta.date()).isNull();
    assertThat(meta.updated()).isNull();
    assertThat(problems)
        .extracting(Problem::message)
        .containsExactly(
            "date \"1970-01-01\" in JSON-LD dateModified is before 1990 or in the future");
  }

  @Test
  void tellsWordPressCategoryLinksFromTagLinks() {
    HtmlMetadata meta =
        read(
            "<article><h1>T</h1><a rel='category tag' href=/c/>Ops</a>"
                + "<a rel=tag href=/t/>linux</a></article>");
    assertThat(meta.categories()).containsExactly("Ops");
    assertThat(meta.tags()).containsExactly("linux");
  }

  @Test
  void ignoresTagLinksInSidebarsOutsideTheContent() {
    HtmlMetadata meta =
        read("<article><h1>T</h1><p>x</p></article><aside><a rel=tag href=/t/>cloud</a></aside>");
    assertThat(meta.tags()).isEmpty();
  }

  @Test
  void takesAKnownSiteNameFromTheStartOfTheTitleElementWithANumericDash() {
    HtmlMetadata meta =
        read("<head><title>Lyceum &#151 dev log 55</title></head><body><p>x</p></body>", "Lyceum");
    assertThat(meta.title()).isEqualTo("dev log 55");
  }

  @Test
  void aTitleThatIsOnlyTheSiteNameStaysTheSiteName() {
    assertThat(read("<head><title>Lyceum</title></head><body><p>x</p></body>", "Lyceum").title())
        .isEqualTo("Lyceum");
  }

  @Test
  void takesTheSiteNameOutOfAnOpenGraphTitleToo() {
    HtmlMetadata meta =
        read(
            "<head><meta property='og:title' content='Lyceum · On tools'>"
                + "<meta property='og:site_name' content='Lyceum'></head><body><p>x</p></body>");
    assertThat(meta.title()).isEqualTo("On tools");
  }

  @Test
  void readsKeywordsWithoutTheirQuotesAndJsonLdKeywordsAsTags() {
    HtmlMetadata meta =
        read(
            "<head><meta name='keywords' content='\"long-read\", \"essay\" ,notes'>"
                + "<script type='application/ld+json'>{\"@type\": \"BlogPosting\","
                + " \"keywords\": [\"garden\", \"soil\"]}</script></head><body><p>x</p></body>");
    assertThat(meta.tags()).containsExactly("long-read", "essay", "notes", "garden", "soil");
  }

  @Test
  void readsJsonLdKeywordsWrittenAsOneCommaList() {
    HtmlMetadata meta =
        read(
            "<head><script type='application/ld+json'>{\"keywords\": \"rust, 'wasm'\"}</script>"
                + "</head><body><p>x</p></body>");
    assertThat(meta.tags()).containsExactly("rust", "wasm");
  }

  @Test
  void anH1LowInTheContentOrInARelatedBoxIsNotTheTitleTheTitleElementIs() {
    String html =
        "<head><title>Linux bridges - Notes</title></head><body><article>"
            + "<p>Some text about bridges, long enough to be the start.</p>".repeat(3)
            + "<h1 id=other>Other</h1><p>More.</p></article>"
            + "<section class=related><h1>See Also</h1></section></body>";
    Document doc = Jsoup.parse(html);
    Element content = doc.selectFirst("article");
    assertThat(HtmlMetadata.titleHeading(doc, HtmlMetadata.metas(doc), content, "Notes")).isNull();
    assertThat(read(html, "Notes").title()).isEqualTo("Linux bridges");
  }

  @Test
  void theTitleHeadingIsTheOneThatSaysTheDeclaredTitleWhereverItIs() {
    Document doc =
        Jsoup.parse(
            "<head><title>OpenMP 1 | Site</title></head><body><div class=hero>"
                + "<h1 id=t>OpenMP 1</h1></div><div id=c><p>Text.</p><h1>Overview</h1></div></body>");
    assertThat(
            HtmlMetadata.titleHeading(doc, HtmlMetadata.metas(doc), doc.getElementById("c"), "Site")
                .id())
        .isEqualTo("t");
  }
}
