package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code archive show} on files of the example dev log and on files made for a test. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShowCommandTest {

  private static final String DEVLOG = "examples/devlog";
  private static final String KUBERNETES = DEVLOG + "/posts/2022/kubernetes-at-home.md";
  private static final String DEV_LOG_44 = DEVLOG + "/site/2023/09/dev-log-44/index.html";
  private static final String NOINDEX = DEVLOG + "/site/2023/11/private-notes/index.html";
  private static final String DRAFT = DEVLOG + "/posts/2023/ideas-for-next-year.md";

  /**
   * The keys of every object {@code show --json} prints, in order, as the README's table of them
   * gives them: the documentation and the output must agree.
   */
  private static List<String> documentedKeys() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String table = readme.substring(readme.indexOf("\n| key | value |\n"));
    Pattern row = Pattern.compile("\\| `(\\w+)` \\|.*");
    List<String> keys = new ArrayList<>();
    for (String line : table.lines().skip(3).toList()) { // a blank line, the header, the rule
      Matcher key = row.matcher(line);
      if (!key.matches()) {
        break;
      }
      keys.add(key.group(1));
    }
    return keys;
  }

  private static CliRun show(String... args) {
    List<String> all = new ArrayList<>(List.of("show", "--color", "never"));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  /** Each line of {@code --json} output as an object. */
  static List<JsonObject> lines(CliRun run) {
    List<JsonObject> objects = new ArrayList<>();
    run.out().lines().forEach(line -> objects.add(JsonParser.parseString(line).getAsJsonObject()));
    return objects;
  }

  @Test
  void aMarkdownEntryShowsItsFieldsThenEachSectionWithLevelAndAnchor() {
    CliRun run = show("--site", DEVLOG, KUBERNETES);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith(KUBERNETES + "\n")
        .contains(
            "title       Kubernetes at home: a post-mortem\n",
            "subtitle    Eight months of running a cluster in a cupboard\n",
            "date        2022-02-14\n",
            "updated     -\n",
            "tags        kubernetes, homelab, infra\n",
            "kind        entry\n",
            "draft       no\n",
            "path        posts/2022/kubernetes-at-home.md\n",
            "url         /posts/2022/kubernetes-at-home.html\n",
            "sections    5\n",
            "\nLast spring I decided to learn Kubernetes properly",
            "\n## Why I did it  #why-i-did-it\nWork was moving every service onto Kubernetes",
            "\n## What I run now  #what-i-run-now\nOne machine, Debian");
  }

  @Test
  void anHtmlPageShowsItsLanguageDateAndRunInSections() {
    CliRun run = show("--site", DEVLOG, DEV_LOG_44);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "title       Dev log 44\n",
            "date        2023-09-18\n",
            "language    en\n",
            "url         /site/2023/09/dev-log-44/\n",
            "\n** Work\nThe routing test suite now runs in eight minutes",
            "\n## Next week  #next-week\n");
  }

  @Test
  void baseUrlAndUrlStyleGiveTheUrlsTheIndexWouldGive() {
    CliRun run =
        show(
            "--site",
            DEVLOG,
            "--base-url",
            "https://blog.example.org/",
            "--url-style",
            "pretty",
            KUBERNETES);

    assertThat(run.out())
        .contains("url         https://blog.example.org/posts/2022/kubernetes-at-home/\n");
  }

  @Test
  void jsonIsOneObjectALineForEachArgumentWithTheDocumentedKeys() throws IOException {
    CliRun run = show("--json", "--site", DEVLOG, KUBERNETES, DEV_LOG_44, NOINDEX, "nope.md");

    assertThat(run.exitCode()).isEqualTo(1);
    List<JsonObject> lines = lines(run);
    assertThat(lines).hasSize(4);
    List<String> documented = documentedKeys();
    assertThat(documented).hasSize(18).startsWith("source", "error", "skipped");
    for (JsonObject line : lines) {
      assertThat(List.copyOf(line.keySet())).isEqualTo(documented);
    }
    JsonObject markdown = lines.get(0);
    assertThat(markdown.get("source").getAsString()).isEqualTo(KUBERNETES);
    assertThat(markdown.get("error").isJsonNull()).isTrue();
    assertThat(markdown.get("skipped").isJsonNull()).isTrue();
    assertThat(markdown.get("id").getAsString()).isEqualTo("posts/2022/kubernetes-at-home.md");
    assertThat(markdown.get("url").getAsString()).isEqualTo("/posts/2022/kubernetes-at-home.html");
    assertThat(markdown.get("title").getAsString()).isEqualTo("Kubernetes at home: a post-mortem");
    assertThat(markdown.get("date").getAsString()).isEqualTo("2022-02-14");
    assertThat(markdown.get("updated").isJsonNull()).isTrue();
    assertThat(strings(markdown.getAsJsonArray("tags")))
        .containsExactly("kubernetes", "homelab", "infra");
    assertThat(markdown.get("kind").getAsString()).isEqualTo("entry");
    assertThat(markdown.get("draft").getAsBoolean()).isFalse();
    JsonArray sections = markdown.getAsJsonArray("sections");
    assertThat(sections).hasSize(5);
    JsonObject why = sections.get(1).getAsJsonObject();
    assertThat(why.get("level").getAsInt()).isEqualTo(2);
    assertThat(why.get("heading").getAsString()).isEqualTo("Why I did it");
    assertThat(why.get("anchor").getAsString()).isEqualTo("why-i-did-it");
    assertThat(why.get("text").getAsString()).startsWith("Work was moving every service");
    assertThat(markdown.get("text").getAsString())
        .startsWith("Last spring I decided")
        .contains("\u2029" + why.get("text").getAsString() + "\u2029");
    assertThat(markdown.getAsJsonArray("problems")).isEmpty();

    JsonObject html = lines.get(1);
    assertThat(html.get("lang").getAsString()).isEqualTo("en");
    assertThat(html.get("title").getAsString()).isEqualTo("Dev log 44");
    assertThat(html.getAsJsonArray("sections").get(1).getAsJsonObject().get("level").getAsInt())
        .isEqualTo(5);

    JsonObject skipped = lines.get(2);
    assertThat(skipped.get("skipped").getAsString()).isEqualTo("noindex");
    assertThat(skipped.get("title").isJsonNull()).isTrue();

    JsonObject failed = lines.get(3);
    assertThat(failed.get("source").getAsString()).isEqualTo("nope.md");
    assertThat(failed.get("error").getAsString()).startsWith("no such file: nope.md");
    assertThat(failed.get("skipped").isJsonNull()).isTrue();
    assertThat(failed.get("sections").isJsonNull()).isTrue();
  }

  @Test
  void severalFilesAreShownInTheOrderGivenEachUnderItsName() {
    CliRun run = show("--site", DEVLOG, DEV_LOG_44, KUBERNETES, NOINDEX);

    assertThat(run.exitCode()).isZero();
    String out = run.out();
    assertThat(out.indexOf(DEV_LOG_44 + "\ntitle       Dev log 44"))
        .isNotNegative()
        .isLessThan(out.indexOf("\n\n" + KUBERNETES + "\ntitle       Kubernetes at home"));
    assertThat(out).endsWith("\n\n" + NOINDEX + "\nskipped     noindex\n");
  }

  @Test
  void aPageTheIndexLeavesOutShowsWhyAndADraftShowsWithDrafts() {
    CliRun withoutDrafts = show("--site", DEVLOG, DRAFT);
    CliRun withDrafts = show("--site", DEVLOG, "--drafts", DRAFT);

    assertThat(withoutDrafts.exitCode()).isZero();
    assertThat(withoutDrafts.out())
        .isEqualTo(DRAFT + "\nskipped     draft (index it with --drafts)\n");
    assertThat(withDrafts.out()).contains("title       Ideas for next year\n", "draft       yes\n");
  }

  @Test
  void aMissingFileIsOneLineOnStderrTheOthersAreStillShownAndTheExitCodeIs1() {
    CliRun run = show("--site", DEVLOG, "nope.md", KUBERNETES);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "archive: no such file: nope.md — check the path (a page's address needs its http://"
                + " or https://)\n");
    assertThat(run.out()).contains("title       Kubernetes at home: a post-mortem");
  }

  @Test
  void aFolderOrAFileThatIsNoEntryIsRefusedWithWhatToDo() {
    CliRun folder = show(DEVLOG + "/posts");
    CliRun notAnEntry = show(DEVLOG + "/config.toml");

    assertThat(folder.exitCode()).isEqualTo(1);
    assertThat(folder.out()).isEmpty();
    assertThat(folder.err())
        .isEqualTo(
            "archive: "
                + DEVLOG
                + "/posts is a folder — give files in it, or index it with archive index "
                + DEVLOG
                + "/posts\n");
    assertThat(notAnEntry.exitCode()).isEqualTo(1);
    assertThat(notAnEntry.err())
        .isEqualTo(
            "archive: "
                + DEVLOG
                + "/config.toml is not an entry — give a .md, .markdown, .html or .htm file\n");
  }

  @Test
  void theSiteFolderGivesTheFileItsPathAndItsDate(@TempDir Path site) throws IOException {
    Path page = site.resolve("2021/01/18/hello.html");
    Files.createDirectories(page.getParent());
    Files.writeString(
        page, "<title>Hello</title><article><h1>Hello</h1><p>A first post.</article>");

    CliRun underSite = show("--json", "--site", site.toString(), page.toString());
    CliRun ownFolder = show("--json", page.toString()); // outside the working folder

    JsonObject dated = lines(underSite).get(0);
    assertThat(dated.get("path").getAsString()).isEqualTo("2021/01/18/hello.html");
    assertThat(dated.get("date").getAsString()).isEqualTo("2021-01-18");
    JsonObject undated = lines(ownFolder).get(0);
    assertThat(undated.get("path").getAsString()).isEqualTo("hello.html");
    assertThat(undated.get("date").isJsonNull()).isTrue();
  }

  @Test
  void aFileOutsideSiteIsRefusedAndAMissingSiteIsBadUsage(@TempDir Path elsewhere)
      throws IOException {
    Path post = Files.writeString(elsewhere.resolve("post.md"), "# Post\n\nText.\n");

    CliRun outside = show("--site", DEVLOG, post.toString());
    CliRun noSite = show("--site", "no/such/folder", KUBERNETES);

    assertThat(outside.exitCode()).isEqualTo(1);
    assertThat(outside.err()).startsWith("archive: " + post + " is not inside --site ");
    assertThat(noSite.exitCode()).isEqualTo(2);
    assertThat(noSite.err()).startsWith("archive: no such folder: no/such/folder");
    assertThat(noSite.out()).isEmpty();
  }

  @Test
  void warningsGoToStderrAndIntoTheJsonProblems(@TempDir Path site) throws IOException {
    Path post =
        Files.writeString(
            site.resolve("post.md"), "---\ntitle: Post\ndate: someday\n---\n\nSome text.\n");

    CliRun text = show(post.toString());
    CliRun json = show("--json", post.toString());

    assertThat(text.exitCode()).isZero();
    assertThat(text.err()).startsWith("archive: warning  post.md:3: ").contains("someday");
    assertThat(text.out()).contains("title       Post\n", "date        -\n");
    JsonArray problems = lines(json).get(0).getAsJsonArray("problems");
    assertThat(problems).hasSize(1);
    JsonObject problem = problems.get(0).getAsJsonObject();
    assertThat(problem.get("path").getAsString()).isEqualTo("post.md");
    assertThat(problem.get("line").getAsInt()).isEqualTo(3);
    assertThat(problem.get("message").getAsString()).contains("someday");
  }

  @Test
  void controlCharactersInANameAreEscapedNotSentToTheTerminal(@TempDir Path site)
      throws IOException {
    String name = "red\u001b[31m.md";
    Path post = Files.writeString(site.resolve(name), "# Red\n\nText.\n");

    CliRun shown = show(post.toString());
    CliRun missing = show(site.resolve("gone\u001b[2J.md").toString());

    assertThat(shown.out()).doesNotContain("\u001b").contains("red\\u001b[31m.md");
    assertThat(missing.err()).doesNotContain("\u001b").contains("gone\\u001b[2J.md");
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    for (JsonElement element : array) {
      values.add(element.getAsString());
    }
    return values;
  }
}
