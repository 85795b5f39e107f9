package archive.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a site generator's configuration says of the blog as a whole: its title. Read from the
 * indexed folder or the folder above it (a Hugo {@code content/} or {@code public/} folder has its
 * configuration beside it): Hugo and Zola ({@code hugo.toml}, {@code config.toml}, {@code
 * hugo.yaml}, {@code config.yaml}), Jekyll ({@code _config.yml}) and Pelican ({@code
 * pelicanconf.py}).
 */
public final class SiteConfig {

  private static final List<String> FILES =
      List.of(
          "hugo.toml",
          "config.toml",
          "hugo.yaml",
          "hugo.yml",
          "config.yaml",
          "config.yml",
          "_config.yml",
          "pelicanconf.py");

  /** Larger than any configuration file; a bigger one is not one. */
  private static final long MAX_BYTES = 256 * 1024;

  private static final Pattern PELICAN = Pattern.compile("(?m)^SITENAME\\s*=\\s*(['\"])(.+?)\\1");

  private SiteConfig() {}

  /** The blog's title, if a configuration file in or above the folder names one. */
  public static Optional<String> title(Path folder) {
    Path parent = folder.toAbsolutePath().getParent();
    for (Path dir : parent == null ? List.of(folder) : List.of(folder, parent)) {
      for (String name : FILES) {
        Optional<String> title = fromFile(dir.resolve(name));
        if (title.isPresent()) {
          return title;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> fromFile(Path file) {
    String text;
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      text = SourceText.decode(Files.readAllBytes(file)).text();
    } catch (IOException e) {
      return Optional.empty(); // an unreadable configuration just names no title
    }
    String name = file.getFileName().toString();
    List<Problem> ignored = new ArrayList<>();
    Object title;
    if (name.endsWith(".py")) {
      Matcher m = PELICAN.matcher(text);
      title = m.find() ? m.group(2) : null;
    } else if (name.endsWith(".toml")) {
      title = TomlFrontMatter.read(text, 1, name, ignored).get("title");
    } else {
      Map<String, Object> yaml = FrontMatterReader.yaml(text, name, ignored);
      title = yaml.get("title");
    }
    return title instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
  }
}
