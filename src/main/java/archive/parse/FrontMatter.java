package archive.parse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The front matter of a Markdown file, split from its body.
 *
 * @param values the keys, lower-cased, with the values as the format gave them (strings, numbers,
 *     booleans, lists, maps); empty when there is no front matter or it could not be read
 * @param block the raw front matter text between its delimiters, for locating keys
 * @param blockLine the 1-based file line the block starts on
 * @param body the Markdown after the front matter (the whole text when no closing line was found)
 */
record FrontMatter(Map<String, Object> values, String block, int blockLine, String body) {

  /** Copies the values. */
  FrontMatter {
    values = Map.copyOf(values);
  }

  /** A file without front matter. */
  static FrontMatter none(String text) {
    return new FrontMatter(Map.of(), "", 1, text);
  }

  /** The value of the first of the keys that is present, or null. */
  @Nullable Object first(String... keys) {
    for (String key : keys) {
      Object value = values.get(key);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** The file line a key is written on, or the first line of the block when it cannot be found. */
  int lineOf(String key) {
    List<String> lines = block.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).stripLeading().toLowerCase(Locale.ROOT);
      if (line.startsWith("\"")) {
        line = line.substring(1);
      }
      if (line.startsWith(key)) {
        String rest = line.substring(key.length()).replaceFirst("^\"?\\s*", "");
        if (rest.startsWith(":") || rest.startsWith("=")) {
          return blockLine + i;
        }
      }
    }
    return blockLine;
  }
}
