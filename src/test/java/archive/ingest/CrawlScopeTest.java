package archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CrawlScopeTest {

  private static final URI PAGE = URI.create("https://blog.example.org/2024/01/post.html?x=1");

  private final CrawlScope scope =
      new CrawlScope("https://blog.example.org/", List.of("www.example.org"));

  private String normalised(String href) {
    return scope.normalise(href, PAGE).map(URI::toString).orElse("(rejected)");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "other.html, https://blog.example.org/2024/01/other.html",
    "../02/next.html, https://blog.example.org/2024/02/next.html",
    "./same/, https://blog.example.org/2024/01/same/",
    "/about, https://blog.example.org/about",
    "//cdn.example.org/a.css, https://cdn.example.org/a.css",
    "?page=2, https://blog.example.org/2024/01/post.html?page=2",
    "'', https://blog.example.org/2024/01/post.html?x=1",
    "#comments, https://blog.example.org/2024/01/post.html?x=1",
    "../../../../../etc, https://blog.example.org/etc",
    "/a/./b/../c/., https://blog.example.org/a/c/",
  })
  void resolvesRelativeLinksAsRfc3986Says(String href, String expected) {
    assertThat(normalised(href)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "HTTPS://Blog.Example.ORG/Post, https://blog.example.org/Post",
    "https://blog.example.org:443/a, https://blog.example.org/a",
    "http://blog.example.org:80/a, http://blog.example.org/a",
    "http://blog.example.org:443/a, http://blog.example.org:443/a",
    "https://blog.example.org:8443/a, https://blog.example.org:8443/a",
    "https://blog.example.org, https://blog.example.org/",
    "https://blog.example.org/a#section-2, https://blog.example.org/a",
    "https://bücher.example/straße, https://xn--bcher-kva.example/stra%C3%9Fe",
    "https://blog.example.org/a b, https://blog.example.org/a%20b",
    "https://blog.example.org/%7euser/%e2%82%ac, https://blog.example.org/~user/%E2%82%AC",
    "https://blog.example.org/a%2Fb?q=x%26y, https://blog.example.org/a%2Fb?q=x%26y",
    "https://blog.example.org/100%, https://blog.example.org/100%25",
    "'  https://blog.example.org/a\t ', https://blog.example.org/a",
  })
  void normalisesSchemeHostPortFragmentAndEncoding(String href, String expected) {
    assertThat(normalised(href)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/a?utm_source=feed&id=7&utm_medium=rss&b=2, https://blog.example.org/a?id=7&b=2",
    "/a?utm_source=feed&UTM_campaign=x, https://blog.example.org/a",
    "/a?, https://blog.example.org/a",
    "/a?z=1&a=2, https://blog.example.org/a?z=1&a=2",
  })
  void dropsTrackingParametersAndKeepsTheRestInOrder(String href, String expected) {
    assertThat(normalised(href)).isEqualTo(expected);
  }

  @Test
  void keepsTheDirectoryAndFileFormsApart() {
    assertThat(normalised("/posts/hello")).isEqualTo("https://blog.example.org/posts/hello");
    assertThat(normalised("/posts/hello/")).isEqualTo("https://blog.example.org/posts/hello/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JavaScript:void(0)",
        "mailto:me@example.org",
        "data:text/html,<p>hi</p>",
        "ftp://example.org/file",
        "tel:+441234",
        "http://",
        "http:///path",
        "http:relative",
        "https://blog.example.org:99999/",
        "https://blog.example.org:8o/",
        "https://user:pass@blog.example.org/",
        "https://blog.example.org@evil.example/",
        "https://bad host/",
        "1nvalid-scheme:x",
      })
  void rejectsWhatIsNotACrawlableHttpUrl(String href) {
    assertThat(scope.normalise(href, PAGE)).isEmpty();
  }

  @Test
  void rejectsHugeHrefs() {
    String href = "/" + "a".repeat(UrlNormaliser.MAX_HREF_CHARS);

    assertThat(scope.normalise(href, PAGE)).isEmpty();
  }

  @Test
  void aRelativeLinkOnANonHttpBaseIsRejected() {
    assertThat(scope.normalise("page.html", URI.create("file:///tmp/x.html"))).isEmpty();
  }

  @Test
  void isInScopeOnTheStartHostAndTheExtraHostsOnly() {
    assertThat(scope.inScope(URI.create("https://blog.example.org/any/path"))).isTrue();
    assertThat(scope.inScope(URI.create("https://BLOG.example.org:443/x"))).isTrue();
    assertThat(scope.inScope(URI.create("https://www.example.org/x"))).isTrue();
    assertThat(scope.inScope(URI.create("https://example.org/x"))).isFalse();
    assertThat(scope.inScope(URI.create("https://evil.blog.example.org/x"))).isFalse();
    assertThat(scope.inScope(URI.create("mailto:me@blog.example.org"))).isFalse();
  }

  @Test
  void anotherSchemeOrPortIsOutOfScope() {
    assertThat(scope.inScope(URI.create("http://blog.example.org/x"))).isFalse();
    assertThat(scope.inScope(URI.create("https://blog.example.org:8443/x"))).isFalse();
    assertThat(scope.inScope(URI.create("http://www.example.org/x"))).isFalse();
  }

  @Test
  void theStartPathIsNotAFence() {
    CrawlScope blog = new CrawlScope("https://example.org/blog/", List.of());

    assertThat(blog.inScope(URI.create("https://example.org/2024/post.html"))).isTrue();
  }

  @Test
  void anExtraHostMayCarryAPort() {
    CrawlScope local = new CrawlScope("http://127.0.0.1:8080/", List.of("localhost:8080"));

    assertThat(local.inScope(URI.create("http://localhost:8080/a"))).isTrue();
    assertThat(local.inScope(URI.create("http://localhost/a"))).isFalse();
  }

  @Test
  void theStartUrlIsNormalised() {
    CrawlScope shouty = new CrawlScope("HTTPS://Blog.Example.org:443", List.of());

    assertThat(shouty.start()).hasToString("https://blog.example.org/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"blog.example.org", "/relative", "ftp://example.org/", "https://"})
  void refusesAStartUrlThatIsNotAnAbsoluteHttpUrl(String start) {
    assertThatThrownBy(() -> new CrawlScope(start, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(start);
  }

  @ParameterizedTest
  @ValueSource(strings = {"www.example.org/path", "user@www.example.org", "", "a b"})
  void refusesAnExtraHostThatIsNotAHostName(String host) {
    assertThatThrownBy(() -> new CrawlScope("https://blog.example.org/", List.of(host)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a host name");
  }

  @Test
  void pathOfDecodesForDisplayAndKeepsTheQuery() {
    Optional<URI> post = scope.normalise("/caf%C3%A9/na%C3%AFve post/", PAGE);
    Optional<URI> wordpress = scope.normalise("/?p=42", PAGE);

    assertThat(post.map(CrawlScope::pathOf)).contains("/café/naïve post/");
    assertThat(wordpress.map(CrawlScope::pathOf)).contains("/?p=42");
    assertThat(CrawlScope.pathOf(URI.create("https://blog.example.org"))).isEqualTo("/");
  }
}
