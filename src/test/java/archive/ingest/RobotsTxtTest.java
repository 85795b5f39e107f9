package archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RobotsTxtTest {

  private static final String US = "archive-indexer";

  // The example file of RFC 9309 §5.1, with the agents it names.
  private static final String RFC_EXAMPLE =
      """
      User-Agent: *
      Disallow: *.gif$
      Disallow: /example/
      Allow: /publications/

      User-Agent: foobot
      Disallow:/
      Allow:/example/page.html
      Allow:/example/allowed.gif

      User-Agent: barbot
      User-Agent: bazbot
      Disallow: /example/page.html

      User-Agent: quxbot
      """;

  private static RobotsTxt robots(String text) {
    return RobotsTxt.parse(text, US);
  }

  @Test
  void rfcExampleGivesFoobotOnlyItsAllowedPages() {
    RobotsTxt foobot = RobotsTxt.parse(RFC_EXAMPLE, "foobot");

    assertThat(foobot.allowed("/example/page.html")).isTrue();
    assertThat(foobot.allowed("/example/allowed.gif")).isTrue();
    assertThat(foobot.allowed("/publications/")).isFalse();
    assertThat(foobot.allowed("/")).isFalse();
  }

  @Test
  void rfcExampleGroupWithTwoAgentsAppliesToBoth() {
    for (String agent : new String[] {"barbot", "bazbot"}) {
      RobotsTxt robots = RobotsTxt.parse(RFC_EXAMPLE, agent);

      assertThat(robots.allowed("/example/page.html")).as(agent).isFalse();
      assertThat(robots.allowed("/example/other.html")).as(agent).isTrue();
      assertThat(robots.allowed("/picture.gif")).as(agent).isTrue();
    }
  }

  @Test
  void rfcExampleEmptyGroupAllowsEverythingTheStarGroupForbids() {
    RobotsTxt quxbot = RobotsTxt.parse(RFC_EXAMPLE, "quxbot");

    assertThat(quxbot.allowed("/example/page.html")).isTrue();
    assertThat(quxbot.allowed("/picture.gif")).isTrue();
  }

  @Test
  void agentWithoutGroupFallsBackToStarGroup() {
    RobotsTxt robots = robots(RFC_EXAMPLE);

    assertThat(robots.allowed("/example/page.html")).isFalse();
    assertThat(robots.allowed("/images/a.gif")).isFalse();
    assertThat(robots.allowed("/images/a.gifs")).isTrue();
    assertThat(robots.allowed("/publications/")).isTrue();
  }

  @Test
  void ourGroupOverridesStarGroupEntirely() {
    RobotsTxt robots =
        robots(
            """
            User-agent: *
            Disallow: /

            User-agent: archive-indexer
            Disallow: /private
            """);

    assertThat(robots.allowed("/posts/hello")).isTrue();
    assertThat(robots.allowed("/private/notes")).isFalse();
  }

  @Test
  void agentMatchIgnoresCaseAndVersion() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /\n\nUser-agent: Archive-INDEXER/2.1\n");

    assertThat(robots.allowed("/posts/hello")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"archive", "archive-indexer-beta", "xarchive-indexer"})
  void agentMatchNeedsTheWholeProductToken(String agent) {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /\n\nUser-agent: " + agent + "\n");

    assertThat(robots.allowed("/posts/hello")).isFalse();
  }

  @Test
  void noGroupForUsOrStarAllowsEverything() {
    RobotsTxt robots = robots("User-agent: otherbot\nDisallow: /\n");

    assertThat(robots.allowed("/posts/hello")).isTrue();
  }

  @Test
  void groupsForTheSameAgentAreMerged() {
    RobotsTxt robots =
        robots(
            """
            user-agent: archive-indexer
            disallow: /foo
            disallow: /bar

            user-agent: otherbot
            disallow: /other

            user-agent: archive-indexer
            disallow: /baz
            """);

    assertThat(robots.allowed("/foo")).isFalse();
    assertThat(robots.allowed("/bar")).isFalse();
    assertThat(robots.allowed("/baz")).isFalse();
    assertThat(robots.allowed("/other")).isTrue();
  }

  @Test
  void userAgentAfterARuleStartsANewGroup() {
    RobotsTxt robots =
        robots("User-agent: archive-indexer\nDisallow: /a\nUser-agent: otherbot\nDisallow: /b\n");

    assertThat(robots.allowed("/a")).isFalse();
    assertThat(robots.allowed("/b")).isTrue();
  }

  @Test
  void rulesBeforeAnyUserAgentAreIgnored() {
    RobotsTxt robots = robots("Disallow: /a\nUser-agent: *\nDisallow: /b\n");

    assertThat(robots.allowed("/a")).isTrue();
    assertThat(robots.allowed("/b")).isFalse();
  }

  @Test
  void rejectsATokenThatIsNotAProductToken() {
    assertThatThrownBy(() -> RobotsTxt.parse("", "archive indexer/1.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("archive indexer/1.0");
  }

  @Test
  void longestMatchWinsWhateverTheOrder() {
    String allowFirst = "User-agent: *\nAllow: /example/page/\nDisallow: /example/page/x.gif\n";
    String disallowFirst = "User-agent: *\nDisallow: /example/page/x.gif\nAllow: /example/page/\n";
    for (String text : new String[] {allowFirst, disallowFirst}) {
      RobotsTxt robots = robots(text);

      assertThat(robots.allowed("/example/page/x.gif")).isFalse();
      assertThat(robots.allowed("/example/page/y.gif")).isTrue();
    }
  }

  @Test
  void longerDisallowBeatsShorterAllow() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /\nAllow: /posts/\nDisallow: /posts/d\n");

    assertThat(robots.allowed("/posts/drafts")).isFalse();
    assertThat(robots.allowed("/posts/hello")).isTrue();
    assertThat(robots.allowed("/about")).isFalse();
  }

  @Test
  void allowWinsATieWhateverTheOrder() {
    for (String text :
        new String[] {
          "User-agent: *\nAllow: /page\nDisallow: /page\n",
          "User-agent: *\nDisallow: /page\nAllow: /page\n",
          "User-agent: *\nDisallow: /*.htm\nAllow: /page.\n"
        }) {
      assertThat(robots(text).allowed("/page.htm")).as(text).isTrue();
    }
  }

  @Test
  void wildcardCountsTowardsPatternLength() {
    // Without the '*' both rules would be 6 octets long, and Allow would win the tie.
    RobotsTxt robots = robots("User-agent: *\nAllow: /page.\nDisallow: /*.html\n");

    assertThat(robots.allowed("/page.html")).isFalse();
    assertThat(robots.allowed("/page.htm")).isTrue();
  }

  @Test
  void patternLengthIsCountedInPercentEncodedOctets() {
    // "/ツ" is "/%E3%83%84" (10 octets) and outranks the 8-octet allow, however it is written.
    RobotsTxt robots = robots("User-agent: *\nAllow: /%E3%83*\nDisallow: /ツ\n");

    assertThat(robots.allowed("/ツx")).isFalse();
    assertThat(robots.allowed("/%E3%83%85")).isTrue();
  }

  @Test
  void wildcardMatchesAnyRunOfCharactersIncludingNone() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /this/*/exactly\n");

    assertThat(robots.allowed("/this/is/exactly")).isFalse();
    assertThat(robots.allowed("/this/a/b/exactly/not")).isFalse();
    assertThat(robots.allowed("/this//exactly")).isFalse();
    assertThat(robots.allowed("/this/exactly")).isTrue();
    assertThat(robots.allowed("/that/is/exactly")).isTrue();
  }

  @Test
  void severalWildcardsMatchInOrder() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /a*b*c$\n");

    assertThat(robots.allowed("/a-x-b-y-c")).isFalse();
    assertThat(robots.allowed("/a-c-b")).isTrue();
    assertThat(robots.allowed("/a-b-c-d")).isTrue();
  }

  @Test
  void anchoredEndMayNotReuseTextMatchedBeforeTheWildcard() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /ab*b$\n");

    assertThat(robots.allowed("/ab")).isTrue();
    assertThat(robots.allowed("/abb")).isFalse();
  }

  @Test
  void dollarAnchorsThePatternAtTheEnd() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /\nAllow: /$\nAllow: /feed.xml$\n");

    assertThat(robots.allowed("/")).isTrue();
    assertThat(robots.allowed("/feed.xml")).isTrue();
    assertThat(robots.allowed("/feed.xml?page=2")).isFalse();
    assertThat(robots.allowed("/feed.xml.bak")).isFalse();
    assertThat(robots.allowed("/index.html")).isFalse();
  }

  @Test
  void rulesMatchTheQueryToo() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /*?\nAllow: /search?q=\n");

    assertThat(robots.allowed("/posts?page=2")).isFalse();
    assertThat(robots.allowed("/search?q=lucene")).isTrue();
    assertThat(robots.allowed("/posts")).isTrue();
  }

  @Test
  void percentEncodedStarAndDollarMatchThoseCharactersLiterally() {
    RobotsTxt robots =
        robots("User-agent: *\nDisallow: /path/file-with-a-%2A.html\nDisallow: /path/foo-%24\n");

    assertThat(robots.allowed("/path/file-with-a-*.html")).isFalse();
    assertThat(robots.allowed("/path/file-with-a-b.html")).isTrue();
    assertThat(robots.allowed("/path/foo-$")).isFalse();
    assertThat(robots.allowed("/path/foo-")).isTrue();
  }

  @Test
  void nonAsciiMatchesItsPercentEncodingBothWays() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /foo/bar/ツ\nDisallow: /%C3%A9t%c3%a9\n");

    assertThat(robots.allowed("/foo/bar/%E3%83%84")).isFalse();
    assertThat(robots.allowed("/foo/bar/%e3%83%84")).isFalse();
    assertThat(robots.allowed("/été")).isFalse();
    assertThat(robots.allowed("/%C3%A9t%C3%A9")).isFalse();
    assertThat(robots.allowed("/foo/bar/%E3%83%85")).isTrue();
  }

  @Test
  void encodedUnreservedCharactersMatchThemselves() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /foo/bar/%62%61%7A\nDisallow: /tilde\n");

    assertThat(robots.allowed("/foo/bar/baz")).isFalse();
    assertThat(robots.allowed("/%74ilde")).isFalse();
    assertThat(robots.allowed("/foo/bar/bat")).isTrue();
  }

  @Test
  void spaceAndEncodedPercentStayEncoded() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /a b\nDisallow: /c%2562\n");

    assertThat(robots.allowed("/a%20b")).isFalse();
    assertThat(robots.allowed("/c%2562")).isFalse();
    assertThat(robots.allowed("/cb")).isTrue();
    assertThat(robots.allowed("/c%62")).isTrue();
  }

  @Test
  void pathsAreCaseSensitive() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /Private\n");

    assertThat(robots.allowed("/Private/a")).isFalse();
    assertThat(robots.allowed("/private/a")).isTrue();
  }

  @Test
  void keysAreCaseInsensitive() {
    RobotsTxt robots = robots("uSeR-aGeNt: *\nDISALLOW: /a\nallow: /a/b\nCRAWL-DELAY: 3\n");

    assertThat(robots.allowed("/a/c")).isFalse();
    assertThat(robots.allowed("/a/b")).isTrue();
    assertThat(robots.crawlDelay()).contains(Duration.ofSeconds(3));
  }

  @Test
  void emptyDisallowAllowsEverything() {
    RobotsTxt robots = robots("User-agent: *\nDisallow:\n");

    assertThat(robots.allowed("/")).isTrue();
    assertThat(robots.allowed("/anything?at=all")).isTrue();
  }

  @Test
  void emptyDisallowStillEndsTheListOfAgents() {
    RobotsTxt robots =
        robots("User-agent: archive-indexer\nDisallow:\nUser-agent: *\nDisallow: /\n");

    assertThat(robots.allowed("/posts")).isTrue();
  }

  @Test
  void commentsAreIgnored() {
    RobotsTxt robots =
        robots(
            """
            # Disallow: /everything
            User-agent: * # all robots
            Disallow: /a # not /b
            """);

    assertThat(robots.allowed("/a")).isFalse();
    assertThat(robots.allowed("/b")).isTrue();
    assertThat(robots.allowed("/everything")).isTrue();
  }

  @Test
  void linesWithoutColonOrUnknownKeysAreSkipped() {
    RobotsTxt robots =
        robots("User-agent: *\nDisallow/a\nNoindex: /b\nHost: example.org\nDisallow: /c\n");

    assertThat(robots.allowed("/a")).isTrue();
    assertThat(robots.allowed("/b")).isTrue();
    assertThat(robots.allowed("/c")).isFalse();
  }

  @Test
  void ruleWithASpaceForItsColonOrAMisspeltKeyIsObeyed() {
    // As Google's parser does: the site meant these, and obeying more than the RFC's grammar
    // (RFC 9309 §2.3.1.5: use the parseable rules) never crawls what the site forbade.
    RobotsTxt robots = robots("User-agent: *\nDisallow /a\nDissallow: /b\n");

    assertThat(robots.allowed("/a")).isFalse();
    assertThat(robots.allowed("/b")).isFalse();
    assertThat(robots.allowed("/c")).isTrue();
  }

  @Test
  void patternNotStartingWithSlashOrStarIsSkipped() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: a\n");

    assertThat(robots.allowed("/")).isTrue();
    assertThat(robots.allowed("/a")).isTrue();
  }

  @Test
  void whitespaceAroundKeysAndValuesIsTolerated() {
    RobotsTxt robots = robots("   User-agent :  *  \n\tDisallow\t:\t/a \n");

    assertThat(robots.allowed("/a")).isFalse();
    assertThat(robots.allowed("/b")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\r\n"})
  void anyLineBreakSeparatesLines(String lineBreak) {
    RobotsTxt robots =
        robots(String.join(lineBreak, "User-agent: *", "Disallow: /a", "Allow: /a/b"));

    assertThat(robots.allowed("/a/c")).isFalse();
    assertThat(robots.allowed("/a/b")).isTrue();
  }

  @Test
  void leadingByteOrderMarkIsIgnored() {
    RobotsTxt robots = robots("\uFEFFUser-agent: *\nDisallow: /a\n");

    assertThat(robots.allowed("/a")).isFalse();
  }

  @Test
  void robotsTxtItselfIsAlwaysAllowed() {
    assertThat(robots("User-agent: *\nDisallow: /\n").allowed("/robots.txt")).isTrue();
    assertThat(robots("User-agent: *\nDisallow: /\n").allowed("/robots.txt.bak")).isFalse();
    assertThat(RobotsTxt.disallowAll().allowed("/robots.txt")).isTrue();
  }

  @Test
  void emptyPathCountsAsRoot() {
    RobotsTxt robots = robots("User-agent: *\nDisallow: /$\n");

    assertThat(robots.allowed("")).isFalse();
    assertThat(robots.allowed("?q=1")).isTrue();
  }

  @Test
  void rejectsAPathThatDoesNotStartWithSlash() {
    assertThatThrownBy(() -> RobotsTxt.allowAll().allowed("https://blog.example.org/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://blog.example.org/");
  }

  @Test
  void groupNamingUsAndStarAppliesToUsAndToOthers() {
    String text = "User-agent: archive-indexer\nUser-agent: *\nDisallow: /a\n";

    assertThat(robots(text).allowed("/a")).isFalse();
    assertThat(RobotsTxt.parse(text, "otherbot").allowed("/a")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"10, PT10S", "0, PT0S", "0.5, PT0.5S", "2.25, PT2.25S", ".75, PT0.75S", "3., PT3S"})
  void crawlDelayAcceptsDecimalSeconds(String value, Duration expected) {
    RobotsTxt robots = robots("User-agent: *\nCrawl-delay: " + value + "\n");

    assertThat(robots.crawlDelay()).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "-1", "abc", "1e3", "NaN", "Infinity", "10s", "1,5", "9999999999", "."})
  void crawlDelayIgnoresBadValues(String value) {
    RobotsTxt robots = robots("User-agent: *\nCrawl-delay: " + value + "\n");

    assertThat(robots.crawlDelay()).isEmpty();
  }

  @Test
  void firstCrawlDelayOfEachOfOurGroupsCountsAndTheShortestWins() {
    RobotsTxt robots =
        robots(
            """
            User-agent: *
            Disallow: /private
            Crawl-delay: 1
            User-agent: archive-indexer
            Disallow: /drafts
            Crawl-delay: 7
            Crawl-delay: 9
            User-agent: archive-indexer
            Disallow: /tmp
            Crawl-delay: 2
            """);

    assertThat(robots.crawlDelay()).contains(Duration.ofSeconds(2));
  }

  @Test
  void crawlDelayLineDoesNotEndTheListOfAgents() {
    // RFC 9309 §2.2.4: other records must not change how groups are read, so the Disallow belongs
    // to both agents. Our own parser ended the list at the Crawl-delay line.
    RobotsTxt robots =
        robots("User-agent: archive-indexer\nCrawl-delay: 5\nUser-agent: otherbot\nDisallow: /a\n");

    assertThat(robots.allowed("/a")).isFalse();
    assertThat(robots.crawlDelay()).contains(Duration.ofSeconds(5));
  }

  @Test
  void crawlDelayOfOtherGroupsDoesNotApply() {
    RobotsTxt robots = robots("User-agent: *\nCrawl-delay: 30\n\nUser-agent: archive-indexer\n");

    assertThat(robots.crawlDelay()).isEmpty();
  }

  @Test
  void sitemapsComeFromEveryPartOfTheFile() {
    RobotsTxt robots =
        robots(
            """
            Sitemap: https://blog.example.org/sitemap.xml
            User-agent: otherbot
            SITEMAP: https://blog.example.org/other.xml # comment
            Disallow: /
            sitemap:
            User-agent: *
            Sitemap: https://cdn.example.org/posts.xml
            Disallow: /a
            """);

    assertThat(robots.sitemaps())
        .containsExactly(
            "https://blog.example.org/sitemap.xml",
            "https://blog.example.org/other.xml",
            "https://cdn.example.org/posts.xml");
  }

  @Test
  void sitemapThatIsNoFullUrlIsIgnored() {
    // sitemaps.org asks for a full URL; the crawl tries /sitemap.xml when robots.txt names none.
    RobotsTxt robots = robots("Sitemap: /sitemap.xml\nSitemap: https://blog.example.org/s.xml\n");

    assertThat(robots.sitemaps()).containsExactly("https://blog.example.org/s.xml");
  }

  @Test
  void sitemapLineDoesNotEndTheListOfAgents() {
    RobotsTxt robots =
        robots(
            "User-agent: *\nSitemap: https://blog.example.org/s.xml\nUser-agent: x\nDisallow: /a\n");

    assertThat(robots.allowed("/a")).isFalse();
  }

  @Test
  void readsOnlyTheFirst500KibAndDropsTheLineCutInTwo() {
    String head = "User-agent: *\nDisallow: /early\n";
    int cutAt = FetchKind.ROBOTS.maxBytes() - "Disallow: /p".length();
    String text = head + "#" + "x".repeat(cutAt - head.length() - 2) + "\nDisallow: /private\n";

    RobotsTxt robots = robots(text);

    assertThat(robots.allowed("/early")).isFalse();
    assertThat(robots.allowed("/public")).isTrue();
    assertThat(robots.allowed("/private")).isTrue();
  }

  @Test
  void capCountsUtf8OctetsNotCharacters() {
    String filler = ("#" + "ツ".repeat(99) + "\n").repeat(1713); // 512,187 octets, 173,013 chars

    RobotsTxt robots = robots("User-agent: *\nDisallow: /early\n" + filler + "Disallow: /late\n");

    assertThat(robots.allowed("/early")).isFalse();
    assertThat(robots.allowed("/late")).isTrue();
  }

  @Test
  void fileOfExactlyTheCapIsReadToTheEnd() {
    String tail = "Disallow: /late\n";
    String head = "User-agent: *\n";
    String text =
        head
            + "#"
            + "x".repeat(FetchKind.ROBOTS.maxBytes() - head.length() - tail.length() - 2)
            + "\n";

    assertThat(robots(text + tail).allowed("/late")).isFalse();
  }

  @Test
  void disallowAllForbidsEverythingButRobotsTxt() {
    RobotsTxt robots = RobotsTxt.disallowAll();

    assertThat(robots.allowed("/")).isFalse();
    assertThat(robots.allowed("/posts/hello?x=1")).isFalse();
    assertThat(robots.allowed("/robots.txt")).isTrue();
    assertThat(robots.crawlDelay()).isEmpty();
    assertThat(robots.sitemaps()).isEmpty();
  }

  @Test
  void allowAllAllowsEverything() {
    RobotsTxt robots = RobotsTxt.allowAll();

    assertThat(robots.allowed("/")).isTrue();
    assertThat(robots.allowed("/private/a?b=c")).isTrue();
    assertThat(robots.crawlDelay()).isEmpty();
    assertThat(robots.sitemaps()).isEmpty();
  }

  @Test
  void emptyFileAllowsEverything() {
    RobotsTxt robots = robots("");

    assertThat(robots.allowed("/")).isTrue();
    assertThat(robots.allowed("/private/a?b=c")).isTrue();
    assertThat(robots.crawlDelay()).isEmpty();
    assertThat(robots.sitemaps()).isEmpty();
  }
}
