package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blog's title comes from its site generator's configuration, beside or above the folder. */
class SiteConfigTest {

  @TempDir Path root;

  private Path write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void hugoNamesItsTitleInTomlBesideTheContentFolder() throws IOException {
    write(
        "hugo.toml",
        "baseURL = 'https://example.org/'\ntitle = 'Quoll Notes'\n[params]\ntitle = 'x'\n");
    Path content = Files.createDirectories(root.resolve("content"));

    assertThat(SiteConfig.title(content)).hasValue("Quoll Notes");
    assertThat(SiteConfig.title(root)).hasValue("Quoll Notes");
  }

  @Test
  void jekyllNamesItInYaml() throws IOException {
    write("_config.yml", "title: Numbat Days\ndescription: A blog\n");

    assertThat(SiteConfig.title(root)).hasValue("Numbat Days");
  }

  @Test
  void pelicanNamesItInPython() throws IOException {
    write("pelicanconf.py", "AUTHOR = 'Ann'\nSITENAME = \"Bilby Log\"\n");

    assertThat(SiteConfig.title(root)).hasValue("Bilby Log");
  }

  @Test
  void aFolderWithoutConfigurationOrWithABrokenOneHasNoTitle() throws IOException {
    assertThat(SiteConfig.title(root)).isEmpty();
    write("config.yaml", "title: [unclosed\n");
    assertThat(SiteConfig.title(root)).isEmpty();
    write("config.toml", "title = 3\n");
    assertThat(SiteConfig.title(root)).isEmpty();
  }

  @Test
  void theExampleBlogIsCalledDevLog() {
    assertThat(SiteConfig.title(Path.of("examples/devlog"))).hasValue("Dev Log");
    assertThat(SiteConfig.title(Path.of("examples/devlog/posts"))).hasValue("Dev Log");
  }
}
