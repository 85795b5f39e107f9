package archive.parse;

import static org.assertj.core.api.Assertions.tuple;

import archive.ingest.Format;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The entry parser contract over real built pages of the example blog in {@code
 * examples/devlog/site/}: each page carries a site header, navigation, a related-posts aside and a
 * footer that must stay out of the text. Expectations were read off the files by hand.
 */
class ExampleHtmlContractTest extends EntryParserContract {

  /** Words that appear only in the navigation, the aside or the footer of every page. */
  private static final String[] CHROME = {
    "Colophon", "newsletter", "blogroll", "Related posts", "RSS feed", "Mara Lind", "Dev Log"
  };

  @Override
  Path root() {
    return Path.of("examples/devlog");
  }

  @Override
  Format format() {
    return Format.HTML;
  }

  @Override
  Stream<Fixture> fixtures() {
    return Stream.of(
        Fixture.of("site/2023/05/moving-to-nixos/index.html")
            .title("Moving to NixOS")
            .date("2023-05-02")
            .url("/site/2023/05/moving-to-nixos/")
            .sections(
                tuple("", "", 0),
                tuple("The plan", "the-plan", 2),
                tuple("What went well", "what-went-well", 2),
                tuple("What hurt", "what-hurt", 2),
                tuple("Verdict", "verdict", 2))
            .contains(
                "I moved the homelab box from Debian to NixOS over a long weekend.",
                "build it in a virtual machine until it matches what Debian was doing",
                "down to the last library.\n"
                    + "services.caddy = {\n"
                    + "  enable = true;\n"
                    + "  virtualHosts.\"notes.home.arpa\".extraConfig = ''\n"
                    + "    reverse_proxy localhost:8080\n"
                    + "  '';\n"
                    + "};\n"
                    + "Rolling back is a reboot",
                "the answer to “how is this set up?” is one file, not my memory.")
            .excludes(
                chromeAnd(
                    "Moving to NixOS", "The homelab box, declared in one file", "May 2, 2023")),
        Fixture.of("site/2023/08/a-tiny-static-site-generator/index.html")
            .title("A tiny static site generator")
            .date("2023-08-21")
            .url("/site/2023/08/a-tiny-static-site-generator/")
            .sections(
                tuple("", "", 0),
                tuple("Why another one", "why-another-one", 2),
                tuple("How it works", "how-it-works", 2),
                tuple("What I left out", "what-i-left-out", 2))
            .contains(
                "Over the summer I replaced it with about three hundred lines of my own code.",
                "writes one directory per entry with an index.html inside, so the addresses look"
                    + " like /2023/08/a-tiny-static-site-generator/. Tag pages",
                "$ ./build.sh\n"
                    + "read 31 posts in 0.04s\n"
                    + "wrote 31 pages, 12 tag pages, feed.xml\n"
                    + "A full build takes less than a second")
            .excludes(
                chromeAnd(
                    "Published on 21 August 2023", "BlogPosting", "schema.org", "Moving to NixOS")),
        Fixture.of("site/2023/09/dev-log-44/index.html")
            .title("Dev log 44")
            .date("2023-09-18")
            .url("/site/2023/09/dev-log-44/")
            .sections(
                tuple("Holiday", "", 5),
                tuple("Work", "", 5),
                tuple("Reading", "", 5),
                tuple("Next week", "next-week", 2))
            .contains(
                "A full week without a laptop, as promised in June.",
                "The routing test suite now runs in eight minutes, down from twenty-two.",
                "The Left Hand of Darkness, in the hammock. I had put it off for years and should"
                    + " not have.",
                "Write down how the test fixture works before I forget.\n"
                    + "Answer the issues on Tidemark that arrived while I was away.")
            .excludes(chromeAnd("18 September 2023", "Holiday", "Kubernetes at home")),
        Fixture.of("site/2023/10/sqlite-for-small-things/index.html")
            .title("SQLite for small things")
            .date("2023-10-09")
            .url("/site/2023/10/sqlite-for-small-things/")
            .sections(
                tuple("", "", 0),
                tuple("Why SQLite", "why-sqlite", 2),
                tuple("Settings that matter", "settings-that-matter", 2),
                tuple("What it is not for", "what-it-is-not-for", 2))
            .contains(
                "This month I moved it into a single SQLite file, and I should have done it two"
                    + " years ago.",
                "PRAGMA journal_mode = WAL;\n"
                    + "PRAGMA busy_timeout = 5000;\n"
                    + "PRAGMA foreign_keys = ON;",
                "For one program on one computer, a file is hard to beat.")
            .excludes(chromeAnd("October 9, 2023", "A tiny static site generator", "Dev log 39")),
        Fixture.of("site/2023/06/dev-log-41/index.html")
            .title("Dev log 41")
            .date("2023-06-12")
            .url("/site/2023/06/dev-log-41/")
            .sections(
                tuple("", "", 0),
                tuple("Work", "", 5),
                tuple("Side project", "", 5),
                tuple("Reading", "", 5),
                tuple("Life", "", 5),
                tuple("Next half", "next-half", 2))
            .contains(
                "Halfway through the year, so a slightly longer entry than usual.",
                "could no longer tell you what’s changed between versions",
                "Piranesi, on holiday.",
                "Get the routing tests under ten minutes.\n"
                    + "Write the NixOS follow-up I promised myself.\n"
                    + "Take an actual holiday in September, without a laptop.")
            .excludes(chromeAnd("Half-year check-in", "June 12, 2023", "Moving to NixOS")));
  }

  private static String[] chromeAnd(String... more) {
    return Stream.concat(Stream.of(CHROME), Stream.of(more)).toArray(String[]::new);
  }
}
