package archive.parse;

import static org.assertj.core.api.Assertions.tuple;

import archive.ingest.Format;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The entry parser contract over real Markdown posts of the example blog in {@code
 * examples/devlog/posts/}, one per front matter style and edge case. Expectations were read off the
 * files by hand.
 */
class ExampleMarkdownContractTest extends EntryParserContract {

  @Override
  Path root() {
    return Path.of("examples/devlog");
  }

  @Override
  Format format() {
    return Format.MARKDOWN;
  }

  @Override
  Stream<Fixture> fixtures() {
    return Stream.of(
        Fixture.of("posts/2021/dev-log-12.md")
            .title("Dev log 12")
            .date("2021-01-18")
            .url("/posts/2021/dev-log-12.html")
            .sections(
                tuple("", "", 0),
                tuple("Work", "work", 5),
                tuple("Reading", "reading", 5),
                tuple("Home", "home", 5))
            .contains(
                "First proper week back after the holidays.",
                "Spent most of the week moving our build from the old Jenkins box to GitHub Actions.",
                "more horrors I had not found yet.\nBy Friday the main branch builds",
                "Finished The Mythical Man-Month again.",
                "every time I thought \"this is different because…\" and the list was long.",
                "Goal for next week: switch off the Jenkins box for a day and see who complains.")
            .excludes("**", "*The", "New year, old CI", "created:", "tags:"),
        Fixture.of("posts/2022/dev-log-21.md")
            .title("Dev log 21")
            .date("2022-03-04")
            .url("/posts/2022/dev-log-21.html")
            .sections(
                tuple("Side project", "side-project", 2),
                tuple("Work", "work", 2),
                tuple("Reading", "reading", 2),
                tuple("Next week", "next-week", 2))
            .contains(
                "Added typo tolerance to Tidemark.",
                "a two-edit lookup went from 40 ms to under a millisecond.",
                "searching for \"cart\" should not bring back every note about \"card\".",
                "Started A Philosophy of Software Design.",
                "if I can make the API less embarrassing.\nFinally answer the three issues")
            .excludes("+++", "title =", "Fuzzy matching, badly", "##"),
        Fixture.of("posts/2023/dev-log-39.md")
            .title("Dev log 39")
            .date("2023-04-03")
            .url("/posts/2023/dev-log-39.html")
            .sections(
                tuple("Side project", "side-project", 2),
                tuple("Homelab", "homelab", 2),
                tuple("Work", "work", 2),
                tuple("Next week", "next-week", 2))
            .contains(
                "which Tidemark happily tried to read as text.",
                "const MAX_SIZE: u64 = 5 * 1024 * 1024; // 5 MiB\n\n"
                    + "fn should_index(meta: &Metadata, head: &[u8]) -> bool {\n"
                    + "    meta.len() <= MAX_SIZE && !head.contains(&0)\n}",
                "I still catch myself typing kubectl get pods when I mean systemctl status",
                "Read the NixOS manual before touching anything.\n"
                    + "Release Tidemark 0.9 with the file limit.")
            .excludes("+++", "```", "Limits, on purpose", "`"),
        Fixture.of("posts/2023/reading-notes-january.md")
            .title("Reading notes, January")
            .date("2023-02-01")
            .url("/posts/2023/reading-notes-january.html")
            .sections(
                tuple("", "", 0),
                tuple("Thinking in Systems", "thinking-in-systems", 5),
                tuple("The Pragmatic Programmer", "the-pragmatic-programmer", 5),
                tuple("Out of the Tar Pit", "out-of-the-tar-pit", 5),
                tuple("Klara and the Sun", "klara-and-the-sun", 5))
            .contains(
                "A quick round-up of what I read in January, mostly on the train.",
                "by Donella Meadows. Stocks, flows and feedback loops",
                "the 20th anniversary edition.",
                "then sat on the sofa for a while.\n"
                    + "Next month: Team Topologies, which everyone at work keeps quoting")
            .excludes("\"title\"", "Three books and a paper", "{", "}"),
        Fixture.of("posts/2022/2022-09-14-notes-from-a-small-conference.md")
            .title("Notes from a small conference")
            .date("2022-09-14")
            .url("/posts/2022/2022-09-14-notes-from-a-small-conference.html")
            .sections(
                tuple("", "", 0),
                tuple("The talks I liked", "the-talks-i-liked", 2),
                tuple("Boring technology, ten years later", "boring-technology-ten-years-later", 5),
                tuple("Search at the edge of the network", "search-at-the-edge-of-the-network", 5),
                tuple(
                    "Writing incident reports people read",
                    "writing-incident-reports-people-read",
                    5),
                tuple("The hallway track", "the-hallway-track", 2),
                tuple("Next time", "next-time", 2))
            .contains(
                "rented the whole ground floor of a café next door",
                "a tool is boring when your team has already been hurt by it in every interesting"
                    + " way.",
                "Their rule: every page must lead either to a fix or to deleting the alert.")
            .excludes("**", "One day, one track, two hundred people", "ten years later."),
        Fixture.of("posts/2023/on-estimates.md")
            .title("On estimates")
            .date(null)
            .url("/posts/2023/on-estimates.html")
            .sections(
                tuple("", "", 0),
                tuple("What helps", "what-helps", 2),
                tuple("What does not help", "what-does-not-help", 2),
                tuple("The rule I keep", "the-rule-i-keep", 2))
            .contains(
                "written after a planning meeting that went sideways.\n"
                    + "Every estimate I give is really three numbers pretending to be one",
                "Story points used as hours in disguise.",
                "That day has never been wasted.")
            .excludes("On estimates", "#"),
        Fixture.of("posts/2022/rust-ichinen.md")
            .title("Rustを書き始めて一年")
            .date("2022-11-20")
            .url("/posts/2022/rust-ichinen.html")
            .sections(
                tuple("", "", 0),
                tuple("一年目の感想", "一年目の感想", 2),
                tuple("東京で", "東京で", 2),
                tuple("これから", "これから", 2))
            .contains(
                "日本語の練習を兼ねて、今回は日本語で書いてみます。", "神保町では、読めない技術書を一冊買ってしまいました。", "それと、もう一度日本へ行きたいです。")
            .excludes("小さな検索エンジンと東京への旅", "lang:"),
        Fixture.of("posts/2022/dev-log-24.md")
            .title("Dev log 24")
            .date("2022-07-04")
            .url("/posts/2022/dev-log-24.html")
            .sections(
                tuple("Job", "job", 5),
                tuple("Postgres upgrade", "postgres-upgrade", 2),
                tuple("Things I noticed", "things-i-noticed", 2))
            .contains(
                "Started at Fernhill on Monday.",
                "Leaving Quillon was harder than I expected.",
                "I proposed pg_upgrade with --link on a replica instead",
                "Fixing one a week seems like a fair trade for everything I am learning from them.\n"
                    + "The on-call rotation is six people.")
            .excludes("July 4, 2022", "New job, old database"),
        Fixture.of("posts/2022/dev-log-26.md")
            .title("Dev log 26")
            .date("2022-10-03")
            .url("/posts/2022/dev-log-26.html")
            .sections(
                tuple("Work", "work", 5), tuple("Reading", "reading", 5), tuple("Life", "life", 5))
            .contains(
                "First on-call week at Fernhill.",
                "req Request) (Result, error) {\n"
                    + "\tctx := runner.WithParent(parent)\n"
                    + "\tdefer ctx.cancel() // moved back up here, unconditionally\n",
                "a channel nobody would ever recieve from, and block forever.",
                "Took the long way home along the canal three evenings in a row.")
            .excludes("```", "Goroutines that never go home", "-0500"),
        Fixture.of("posts/2023/notiz-aus-leipzig.md")
            .title("Notiz aus Leipzig")
            .date("2023-07-20")
            .url("/posts/2023/notiz-aus-leipzig.html")
            .sections(tuple("", "", 0))
            .contains(
                "zusammengesetzte Wörter wie Straßenbahnhaltestelle",
                "warum man in Sachsen „Gaffee“ sagt",
                "Nächstes Jahr komme ich wieder, dann mit besserem Deutsch.")
            .excludes("Eine kurze Notiz auf Deutsch"),
        Fixture.of("posts/_index.md")
            .title("Posts")
            .date(null)
            .url("/posts/")
            .sections(tuple("", "", 0))
            .contains(
                "Everything I have written here, newest first: weekly dev logs, the occasional"
                    + " essay, and a miscellany of notes I wanted to be able to find again.")
            .excludes("Every entry, newest first."));
  }
}
