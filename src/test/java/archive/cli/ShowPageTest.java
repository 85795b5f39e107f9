package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.TestBlog;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code archive show URL} on pages of {@link TestBlog}, the example dev log on 127.0.0.1. */
@ExtendWith(TestBlog.Serving.class)
@Timeout(60)
class ShowPageTest {

  private TestBlog blog;

  @BeforeEach
  void start(TestBlog blog) {
    this.blog = blog;
  }

  private String address(String path) {
    return blog.root().resolve(path).toString();
  }

  @Test
  void aPageIsFetchedAfterRobotsTxtAndShownAsACrawlWouldIndexIt() {
    String dev44 = address("/2023/09/dev-log-44/");

    CliRun run = CliRun.of("show", "--color", "never", dev44);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith(dev44 + "\n")
        .contains(
            "title       Dev log 44\n",
            "date        2023-09-18\n",
            "id          " + dev44 + "\n",
            "path        /2023/09/dev-log-44/\n",
            "url         " + dev44 + "\n",
            "\n## Next week  #next-week\n");
    assertThat(blog.requestedPaths()).containsExactly("/robots.txt", "/2023/09/dev-log-44/");
  }

  @Test
  void aPageRobotsTxtDisallowsIsNotFetchedAndShowsWhy() {
    String secret = address(TestBlog.DISALLOWED);

    CliRun run = CliRun.of("show", "--json", secret);

    assertThat(run.exitCode()).isZero();
    JsonObject line = ShowCommandTest.lines(run).get(0);
    assertThat(line.get("source").getAsString()).isEqualTo(secret);
    assertThat(line.get("skipped").getAsString()).isEqualTo("disallowed by robots.txt");
    assertThat(line.get("title").isJsonNull()).isTrue();
    assertThat(blog.requestedPaths()).containsExactly("/robots.txt");
  }

  @Test
  void aPageThatFailsIsOneLineNamingItsAddressAndTheFilesAreStillShown() {
    String broken = address(TestBlog.BROKEN);

    CliRun run =
        CliRun.of(
            "show", "--color", "never", broken, "examples/devlog/posts/2022/kubernetes-at-home.md");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "archive: could not fetch "
                + broken
                + ": HTTP 500 — check that it opens in a browser\n");
    assertThat(run.out()).contains("title       Kubernetes at home: a post-mortem");
  }

  @Test
  void aNoindexPageAndANonAddressShowWhy() {
    CliRun run = CliRun.of("show", "--json", address(TestBlog.NOINDEX), "http://");

    assertThat(run.exitCode()).isEqualTo(1);
    List<JsonObject> lines = ShowCommandTest.lines(run);
    assertThat(lines.get(0).get("skipped").getAsString()).isEqualTo("noindex");
    assertThat(lines.get(1).get("error").getAsString())
        .isEqualTo(
            "not a page's address: http:// — give one such as"
                + " https://blog.example.org/2021/01/a-post/");
    assertThat(run.err()).startsWith("archive: not a page's address: http://").hasLineCount(1);
  }
}
