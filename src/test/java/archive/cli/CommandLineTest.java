package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

  @ParameterizedTest(name = "archive {0} --version")
  @ValueSource(strings = {"", "index", "search", "stats", "serve", "show"})
  void everyCommandSaysTheVersionThePomGivesAndTheIndexFormat(String command) throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher version =
        Pattern.compile("<artifactId>archive</artifactId>\\s*<version>([^<]+)<").matcher(pom);
    assertThat(version.find()).isTrue();
    Matcher lucene = Pattern.compile("<lucene.version>([^<]+)<").matcher(pom);
    assertThat(lucene.find()).isTrue();
    List<String> args = new ArrayList<>();
    if (!command.isEmpty()) {
      args.add(command);
    }
    args.add("--version");

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "archive " + version.group(1),
            "index: Lucene "
                + lucene.group(1)
                + ", codec Archive912, schema "
                + archive.index.Fields.SCHEMA_VERSION);
  }

  @TempDir static Path indexDir;
  private static CliRun indexRun;

  @BeforeAll
  static void indexExample() {
    indexRun = CliRun.of("index", "examples/devlog", "--index", indexDir.toString());
  }

  private static CliRun archive(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--index";
    all[args.length + 1] = indexDir.toString();
    return CliRun.of(all);
  }

  @Test
  void indexPrintsTheTallyAndNamesSkippedFiles() {
    assertThat(indexRun.exitCode()).isZero();
    assertThat(indexRun.out())
        .contains("30 entries: 30 new, 0 updated, 0 deleted, 0 unchanged; 2 list pages")
        .contains("skipped  posts/2023/ideas-for-next-year.md — draft (index it with --drafts)")
        .contains("skipped  site/2023/11/private-notes/index.html — noindex")
        .contains("skipped  posts/2023/moving-to-nixos.md — same entry as");
  }

  @Test
  void secondIndexRunFindsEverythingUnchanged() {
    CliRun again = archive("index", "examples/devlog");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("30 entries: 0 new, 0 updated, 0 deleted, 30 unchanged");
  }

  @Test
  void searchPrintsTitlesUrlsAndSectionLinksWithoutColourWhenAskedNot() {
    CliRun run = archive("search", "--color", "never", "kubernetes");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("4 results for \"kubernetes\"")
        .contains("1. Kubernetes at home: a post-mortem  2022-02-14")
        .contains("/posts/2022/kubernetes-at-home.html")
        .contains("§ ")
        .doesNotContain("\u001b[", "<mark>");
  }

  @Test
  void colourHighlightsMatchesWhenForced() {
    CliRun run = archive("search", "--color", "always", "kubernetes");
    // picocli's bold,yellow: bold and yellow each on, off again in reverse, then a reset.
    assertThat(run.out()).contains("\u001b[1m\u001b[33mKubernetes\u001b[39m\u001b[21m\u001b[0m");
  }

  @Test
  void picocliMarkupInATitleOrSnippetPrintsAsWritten(@TempDir Path blog, @TempDir Path index)
      throws IOException {
    Files.writeString(
        blog.resolve("pipes.md"),
        "---\ntitle: \"Pipes |@ then @|bold bold|@\"\n---\n"
            + "The okapi said @|red nothing|@ and |@ then @| once more.\n");
    assertThat(CliRun.of("index", blog.toString(), "--index", index.toString()).exitCode())
        .isZero();

    CliRun plain = CliRun.of("search", "--color", "never", "okapi", "--index", index.toString());
    CliRun colour = CliRun.of("search", "--color", "always", "okapi", "--index", index.toString());

    String written = "The okapi said @|red nothing|@ and |@ then @| once more.";
    assertThat(plain.out())
        .contains("1. Pipes |@ then @|bold bold|@\n", "   " + written + "\n")
        .doesNotContain("\u001b");
    assertThat(colour.out()).contains("\u001b[1m\u001b[33mokapi\u001b[39m");
    assertThat(colour.out().replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain.out());
  }

  @Test
  void jsonHasTheDocumentedShape() {
    CliRun run = archive("search", "--json", "--limit", "2", "kubernetes");
    assertThat(run.exitCode()).isZero();
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(json.keySet())
        .containsSequence("query", "total", "totalExact", "page", "didYouMean", "note", "results");
    assertThat(json.get("query").getAsString()).isEqualTo("kubernetes");
    assertThat(json.get("total").getAsInt()).isEqualTo(4);
    assertThat(json.get("totalExact").getAsBoolean()).isTrue();
    assertThat(json.get("page").getAsInt()).isEqualTo(1);
    assertThat(json.get("didYouMean").isJsonNull()).isTrue();
    JsonArray results = json.getAsJsonArray("results");
    assertThat(results).hasSize(2);
    JsonObject first = results.get(0).getAsJsonObject();
    assertThat(first.keySet())
        .contains(
            "id",
            "path",
            "url",
            "title",
            "subtitle",
            "date",
            "tags",
            "score",
            "snippet",
            "sections");
    assertThat(first.get("id").getAsString()).isEqualTo("posts/2022/kubernetes-at-home.md");
    assertThat(first.get("path").getAsString()).isEqualTo("posts/2022/kubernetes-at-home.md");
    assertThat(first.get("date").getAsString()).isEqualTo("2022-02-14");
    assertThat(first.get("snippet").getAsString()).contains("<mark>");
    JsonObject section = first.getAsJsonArray("sections").get(0).getAsJsonObject();
    assertThat(section.keySet()).contains("heading", "anchor", "url", "snippet");
    assertThat(section.get("url").getAsString()).contains("#");
  }

  @Test
  void jsonCarriesDidYouMeanAndTheNote() {
    JsonObject json =
        JsonParser.parseString(archive("search", "--json", "kubrenetes").out()).getAsJsonObject();
    assertThat(json.get("didYouMean").getAsString()).isEqualTo("kubernetes");
    assertThat(json.get("note").getAsString()).contains("close spellings");
  }

  @Test
  void missingIndexIsOneLineThatSaysWhatToDo(@TempDir Path empty) {
    CliRun run = CliRun.of("search", "--index", empty.resolve("none").toString(), "rust");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .startsWith("archive: no index at")
        .endsWith("run 'archive index SITE' first");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "search --sort sideways rust | expected relevance, date or -date, not 'sideways'",
        "search --color rainbow rust | expected one of [AUTO, ALWAYS, NEVER]",
        "index examples/devlog --url-style ugly | expected one of [HTML, PRETTY, SOURCE]"
      })
  void badOptionValueIsAUsageErrorThatNamesTheChoices(String command, String says) {
    CliRun run = archive(command.split(" "));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().findFirst().orElseThrow()).contains(says);
  }

  @Test
  void aBrokenInvariantIsABugToReportNotBadUsage() {
    IllegalArgumentException bug = new IllegalArgumentException("offset -1 out of range");

    assertThat(Errors.exitCode(bug)).isEqualTo(1);
    assertThat(Errors.message(bug))
        .isEqualTo(
            "internal error: offset -1 out of range — please report it, with what --stacktrace"
                + " prints");
    assertThat(Errors.exitCode(new UsageError("--rate applies to crawling"))).isEqualTo(2);
  }

  @Test
  void valuesTheStagesRefuseAreUsageErrors() {
    assertThat(archive("search", "--limit", "0", "rust").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("serve", "--port", "70000").exitCode()).isEqualTo(2);
  }

  @Test
  void optionChoicesAreReadInAnyCase() {
    CliRun run = archive("search", "--color", "Never", "--sort", "-date", "rust");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"index examples/devlog", "serve"})
  void baseUrlThatIsNotAUrlIsAOneLineUsageError(String command) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(List.of("--base-url", "https://blog example.org"));
    CliRun run = archive(args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "archive: --base-url is not a URL (e.g. https://blog.example.org/):"
                + " https://blog example.org");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://blog_example/ | not an http(s) URL: https://blog_example/; give the blog's address",
        "http://127.0.0.1:9/ --rate -1 | --rate must be a number of requests per second",
        "http://127.0.0.1:9/ --timeout 0 | --timeout must be a number of seconds above 0",
        "http://127.0.0.1:9/ --also-host a/b | not a host name: a/b",
        "http://127.0.0.1:9/ --base-url https://b.example/ | --base-url and --url-style apply to a"
            + " folder",
        "examples/devlog --rate 1 | --also-host, --rate and --timeout apply to crawling",
        "blog.example.org | no folder named blog.example.org; to crawl a blog, give its address:"
            + " https://blog.example.org"
      })
  void crawlMisuseIsAOneLineUsageErrorSayingWhatToDo(String args, String message) {
    List<String> all = new ArrayList<>(List.of("index"));
    all.addAll(List.of(args.split(" ")));
    CliRun run = archive(all.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").startsWith("archive: " + message);
  }

  @Test
  void watchingAnAddressIsAUsageErrorThatPointsToIndexingIt() {
    CliRun run = archive("serve", "--port", "0", "--watch", "https://blog.example.org/");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("archive: --watch takes a folder")
        .contains("run 'archive index https://blog.example.org/' now and then");
  }

  @Test
  void siteThatDoesNotAnswerFailsAndLeavesTheIndexAsItWas(@TempDir Path index) throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort(); // nothing listens there once it is closed
    }
    String site = "http://127.0.0.1:" + closed + "/";

    CliRun run = CliRun.of("index", site, "--index", index.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("robots.txt could not be read (could not connect");
    assertThat(run.err().strip())
        .startsWith("archive: could not crawl " + site)
        .endsWith("The index was left as it was.");
    assertThat(CliRun.of("stats", "--index", index.toString()).err())
        .startsWith("archive: no index at");
  }

  @Test
  void limitOutOfRangeIsAUsageError() {
    CliRun run = archive("search", "--limit", "0", "rust");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("archive: limit not in 1..100: 0");
  }

  @Test
  void unknownOptionIsAUsageErrorWithAHint() {
    CliRun run = archive("search", "--frobnicate", "rust");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option").contains("archive search --help");
  }

  @Test
  void stacktraceIsShownOnlyWhenAsked(@TempDir Path empty) {
    String missing = empty.resolve("none").toString();
    assertThat(CliRun.of("stats", "--index", missing).err()).doesNotContain("\tat ");
    assertThat(CliRun.of("stats", "--index", missing, "--stacktrace").err()).contains("\tat ");
    // A search word after "--" is a word, not the option.
    assertThat(CliRun.of("search", "--index", missing, "--", "--stacktrace").err())
        .contains("archive: ")
        .doesNotContain("\tat ");
  }

  @Test
  void missingSiteFolderIsAOneLineUsageError(@TempDir Path empty) throws IOException {
    CliRun run = CliRun.of("index", empty.resolve("nope").toString(), "--index", empty.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .startsWith("archive: no such folder:")
        .endsWith("give the folder that holds your posts");
    assertThat(Files.list(empty)).isEmpty();
  }

  @Test
  void folderWithoutEntriesFailsWithAHint(@TempDir Path empty) throws IOException {
    Files.writeString(empty.resolve("style.css"), "body {}");
    Files.write(empty.resolve("photo.html"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    CliRun run = CliRun.of("index", empty.toString(), "--index", empty.resolve("idx").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("0 entries").contains("photo.html — binary file (PNG image)");
    assertThat(run.err().strip())
        .isEqualTo(
            "archive: no entries under "
                + empty
                + " — give the folder that holds your posts (.md, .markdown, .html, .htm)");
  }

  @Test
  void anEmptiedFolderKeepsTheIndexUnlessMassDeleteIsAllowed(@TempDir Path blog)
      throws IOException {
    Files.writeString(blog.resolve("a.md"), "---\ntitle: Quolls\n---\nQuolls at night.\n");
    String index = blog.resolve(".idx").toString(); // hidden: the walk passes it over
    assertThat(CliRun.of("index", blog.toString(), "--index", index).exitCode()).isZero();
    Files.delete(blog.resolve("a.md"));
    Files.writeString(blog.resolve("notes.txt"), "not an entry");

    CliRun refused = CliRun.of("index", blog.toString(), "--index", index);
    CliRun allowed = CliRun.of("index", blog.toString(), "--index", index, "--allow-mass-delete");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err().strip().lines())
        .singleElement()
        .asString()
        .contains("would leave 0 of the index's 1 entries", "--allow-mass-delete");
    assertThat(allowed.exitCode()).as(allowed.err()).isEqualTo(1); // nothing left to index
    assertThat(allowed.out()).contains("0 entries: 0 new, 0 updated, 1 deleted");
  }

  @Test
  void aLongListOfSkippedFilesIsCountedUnlessVerbose(@TempDir Path blog) throws IOException {
    Files.writeString(blog.resolve("kept.md"), "---\ntitle: Kept\n---\nQuolls.\n");
    for (int i = 0; i < 25; i++) {
      Files.writeString(
          blog.resolve("draft-" + i + ".md"), "---\ntitle: D\ndraft: true\n---\nDraft.\n");
    }
    String index = blog.resolve(".idx").toString();

    CliRun quiet = CliRun.of("index", blog.toString(), "--index", index);
    CliRun verbose = CliRun.of("index", blog.toString(), "--index", index, "--full", "--verbose");

    assertThat(quiet.out().lines().filter(l -> l.startsWith("  skipped "))).hasSize(20);
    assertThat(quiet.out()).contains("  … and 5 more skipped (--verbose lists them)");
    assertThat(verbose.out().lines().filter(l -> l.startsWith("  skipped  draft-"))).hasSize(25);
    assertThat(verbose.out()).doesNotContain("more skipped");
  }

  @Test
  void aFileNameWithANewlineOrAnEscapeSequenceIsNamedOnOneInertLine(@TempDir Path blog)
      throws IOException {
    // The newline split the file's line in two, and the escape reached the terminal (issue 10,
    // hostile files).
    Files.writeString(blog.resolve("kept.md"), "---\ntitle: Kept\n---\nQuolls.\n");
    Files.writeString(blog.resolve("empty\nname.md"), "");
    Files.writeString(blog.resolve("\u001b[31mred.md"), "");

    CliRun run = CliRun.of("index", blog.toString(), "--index", blog.resolve(".idx").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().filter(l -> l.startsWith("  skipped ")))
        .containsExactlyInAnyOrder(
            "  skipped  empty\\nname.md — empty file", "  skipped  \\u001b[31mred.md — empty file");
    assertThat(run.out()).doesNotContain("\u001b");
  }

  @Test
  void statsSummariseTheIndex() {
    CliRun run = archive("stats");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("30 entries")
        .contains("2 list pages")
        .contains("dates:    2021-01-18 to 2023-10-09")
        .contains("2021: 8  2022: 10  2023: 11")
        .contains("top tags:")
        .contains("indexed:  ");
  }

  @Test
  void helpListsExitCodes() {
    CliRun run = CliRun.of("--help");
    assertThat(run.out()).contains("Exit codes:").contains("2   bad usage");
  }
}
