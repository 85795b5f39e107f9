package archive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import archive.index.SolrCollection;
import archive.index.SolrCollection.Credentials;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolrOptionsTest {

  @TempDir Path dir;

  @Test
  void anAddressNamesTheNodeAndTheCollection() {
    SolrCollection one = SolrOptions.collection("http://127.0.0.1:8983/solr/blog");
    assertThat(one.nodes()).containsExactly(URI.create("http://127.0.0.1:8983/solr/"));
    assertThat(one.name()).isEqualTo("blog");
    SolrCollection two =
        SolrOptions.collection("https://a.example:8983/solr/blog/, https://b.example/solr/blog");
    assertThat(two.nodes())
        .containsExactly(
            URI.create("https://a.example:8983/solr/"), URI.create("https://b.example/solr/"));
  }

  @Test
  void twoCollectionsOrNoneAreBadUsage() {
    assertThatThrownBy(() -> SolrOptions.collection("http://a/solr/blog,http://b/solr/other"))
        .isInstanceOf(UsageError.class)
        .hasMessageContaining("two collections, blog and other");
    assertThatThrownBy(() -> SolrOptions.collection("http://a/solr/"))
        .isInstanceOf(UsageError.class);
    assertThatThrownBy(() -> SolrOptions.collection("ftp://a/solr/blog"))
        .isInstanceOf(UsageError.class)
        .hasMessageContaining("http(s)");
  }

  @Test
  void credentialsComeFromTheEnvironmentOrAFile() throws IOException {
    assertThat(SolrOptions.credentials(Map.of())).isNull();
    assertThat(
            SolrOptions.credentials(
                Map.of(SolrOptions.USER, "reader", SolrOptions.PASSWORD, "s3cret:x")))
        .isEqualTo(new Credentials("reader", "s3cret:x"));
    Path file = Files.writeString(dir.resolve("solr.credentials"), "indexer:pa:ss\n");
    assertThat(SolrOptions.credentials(Map.of(SolrOptions.CREDENTIALS_FILE, file.toString())))
        .isEqualTo(new Credentials("indexer", "pa:ss"));
  }

  @Test
  void halfCredentialsOrAnUnreadableFileAreBadUsageThatNeverShowsThePassword() throws IOException {
    assertThatThrownBy(() -> SolrOptions.credentials(Map.of(SolrOptions.PASSWORD, "s3cret")))
        .isInstanceOf(UsageError.class)
        .hasMessageContaining(SolrOptions.USER)
        .hasMessageNotContaining("s3cret");
    Path twoLines = Files.writeString(dir.resolve("two"), "a:b\nc:d\n");
    assertThatThrownBy(
            () ->
                SolrOptions.credentials(Map.of(SolrOptions.CREDENTIALS_FILE, twoLines.toString())))
        .isInstanceOf(UsageError.class)
        .hasMessageContaining("one line: user:password")
        .hasMessageNotContaining("b\n");
    assertThatThrownBy(
            () ->
                SolrOptions.credentials(
                    Map.of(SolrOptions.CREDENTIALS_FILE, dir.resolve("missing").toString())))
        .isInstanceOf(UsageError.class)
        .hasMessageContaining("cannot be read");
    assertThat(new Credentials("u", "s3cret").toString()).doesNotContain("s3cret");
  }

  @Test
  void aSiteNameComesFromTheFolderOrTheHost() {
    assertThat(SolrOptions.siteName("https://blog.example.org/posts/"))
        .isEqualTo("blog.example.org");
    assertThat(SolrOptions.siteName(dir.resolve("my blog").toString())).isEqualTo("my-blog");
    assertThat(List.of(SolrOptions.siteName("."))).allMatch(n -> n.matches("[A-Za-z0-9._-]+"));
  }
}
