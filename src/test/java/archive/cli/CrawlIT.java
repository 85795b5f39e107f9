package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.TestBlog;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code archive index URL} end to end: the real command line in a JVM of its own crawls {@link
 * TestBlog} on 127.0.0.1, is crawled again, and searched.
 */
@ExtendWith(TestBlog.Serving.class)
class CrawlIT {

  @TempDir Path indexDir;
  private TestBlog blog;

  @BeforeEach
  void start(TestBlog blog) {
    this.blog = blog;
  }

  /** Exit code, then stdout and stderr together. */
  private String archive(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--index", indexDir.toString()));
    Process process = CliRun.childProcess(all.toArray(String[]::new)).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process.exitValue() + ":" + out + err;
  }

  private String crawl() throws Exception {
    return archive("index", blog.root().toString(), "--rate", "0", "--timeout", "1");
  }

  private JsonArray results(String query) throws Exception {
    String output = archive("search", "--json", query);
    assertThat(output).startsWith("0:");
    return JsonParser.parseString(output.substring(2)).getAsJsonObject().getAsJsonArray("results");
  }

  private List<String> urls(String query) throws Exception {
    List<String> urls = new ArrayList<>();
    for (JsonElement hit : results(query)) {
      urls.add(hit.getAsJsonObject().get("url").getAsString());
    }
    return urls;
  }

  @Test
  @Timeout(300)
  void crawlIsSearchableAndKeptUpToDateByLaterCrawls() throws Exception {
    String root = blog.root().toString();

    String first = crawl();

    assertThat(first)
        .startsWith("0:")
        .contains("32 entries: 32 new, 0 updated, 0 deleted, 0 unchanged; 2 list pages")
        .contains("failed   " + root + "broken/ — HTTP 500")
        .contains("failed   " + root + "slow/ — ")
        .contains("failed   " + root + "loop-a/ — redirects in a loop")
        .contains("skipped  " + root + "hidden/ — noindex")
        .contains("skipped  " + root + "private/secret/ — disallowed by robots.txt")
        .doesNotContain("other.invalid");
    JsonObject sqlite = results("sqlite").get(0).getAsJsonObject();
    assertThat(sqlite.get("url").getAsString())
        .isEqualTo(root + "2023/10/sqlite-for-small-things/");
    assertThat(sqlite.get("path").getAsString()).isEqualTo("/2023/10/sqlite-for-small-things/");
    assertThat(sqlite.getAsJsonArray("sections").get(0).getAsJsonObject().get("url").getAsString())
        .startsWith(root + "2023/10/sqlite-for-small-things/#");
    assertThat(archive("stats")).contains("source:   site " + root + " (crawled)");

    String edited = "/2023/10/sqlite-for-small-things/";
    blog.edit(edited, "<p>Quokka sightings go here now.</p>");
    int before = blog.requests().size();

    String second = crawl();

    assertThat(second).contains("32 entries: 0 new, 1 updated, 0 deleted, 31 unchanged");
    List<TestBlog.Request> asked = blog.requests().subList(before, blog.requests().size());
    assertThat(asked)
        .filteredOn(r -> r.path().equals(edited))
        .singleElement()
        .satisfies(r -> assertThat(r.headers()).containsKey("If-none-match"));
    assertThat(asked)
        .extracting(TestBlog.Request::path)
        .filteredOn(blog.entryPaths()::contains)
        .containsExactly(edited);
    assertThat(urls("quokka")).containsExactly(root + edited.substring(1));

    String removed = "/2023/05/moving-to-nixos/";
    assertThat(urls("homelab")).contains(root + removed.substring(1));
    blog.remove(removed);

    String third = crawl();

    assertThat(third).contains("31 entries: 0 new, 0 updated, 1 deleted, 31 unchanged");
    assertThat(urls("homelab")).doesNotContain(root + removed.substring(1));
  }

  @Test
  @Timeout(120)
  void siteThatDoesNotAnswerLeavesTheIndexAsItWas() throws Exception {
    assertThat(crawl()).startsWith("0:");
    blog.fail("/robots.txt");

    String output = crawl();

    assertThat(output)
        .startsWith("1:")
        .contains("robots.txt could not be read (HTTP 500")
        .contains("archive: could not crawl " + blog.root());
    assertThat(archive("stats")).contains("32 entries");
  }
}
