package archive.parse;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Splits front matter from the start of a Markdown text and reads it: YAML between {@code ---}
 * lines (closed by {@code ---} or {@code ...}), TOML between {@code +++} lines, or a JSON object
 * starting at the first character. Broken front matter becomes a {@link Problem}; the text after it
 * is still the body when its end can be found, else the whole text is.
 */
final class FrontMatterReader {

  /**
   * Low limits: front matter is a few keys, so a billion-laughs alias bomb or a megabyte block is
   * an attack or an accident, never a post.
   */
  private static final LoadSettings YAML_SETTINGS =
      LoadSettings.builder()
          .setMaxAliasesForCollections(20)
          .setCodePointLimit(256 * 1024)
          .setAllowDuplicateKeys(true)
          .setAllowRecursiveKeys(false)
          .setLabel("front matter")
          .build();

  /**
   * A JSON object opens with a quoted key (or is empty); this keeps a Hugo shortcode such as {@code
   * {{< figure >}}} on the first line from being read as front matter.
   */
  private static final Pattern JSON_START = Pattern.compile("\\{\\s*[\"}]");

  private static final Pattern GSON_LINE = Pattern.compile("line (\\d+)");

  private FrontMatterReader() {}

  /**
   * Reads the front matter of a cleaned text (LF line endings, no BOM).
   *
   * @param problems receives what is wrong with the front matter
   */
  static FrontMatter read(String text, String path, List<Problem> problems) {
    if (JSON_START.matcher(text).lookingAt()) {
      return json(text, path, problems);
    }
    String firstLine = text.lines().findFirst().orElse("").stripTrailing();
    if (firstLine.equals("---")) {
      return delimited(text, "---", path, problems);
    }
    if (firstLine.equals("+++")) {
      return delimited(text, "+++", path, problems);
    }
    return FrontMatter.none(text);
  }

  private static FrontMatter delimited(
      String text, String fence, String path, List<Problem> problems) {
    int blockStart = text.indexOf('\n') + 1;
    if (blockStart == 0) {
      return unclosed(text, fence, path, problems);
    }
    int lineStart = blockStart;
    while (lineStart <= text.length()) {
      int end = text.indexOf('\n', lineStart);
      int lineEnd = end < 0 ? text.length() : end;
      String current = text.substring(lineStart, lineEnd).stripTrailing();
      if (current.equals(fence) || (fence.equals("---") && current.equals("..."))) {
        String block = text.substring(blockStart, lineStart);
        String body = end < 0 ? "" : text.substring(end + 1);
        Map<String, Object> values =
            fence.equals("---")
                ? yaml(block, path, problems)
                : TomlFrontMatter.read(block, 2, path, problems);
        return new FrontMatter(values, block, 2, body);
      }
      if (end < 0) {
        break;
      }
      lineStart = end + 1;
    }
    return unclosed(text, fence, path, problems);
  }

  private static FrontMatter unclosed(
      String text, String fence, String path, List<Problem> problems) {
    problems.add(
        new Problem(
            path,
            1,
            "front matter opened with " + fence + " on line 1 is never closed; read as text"));
    return FrontMatter.none(text);
  }

  /**
   * Deepest nesting of brackets or indentation read: the YAML library reads nested collections
   * recursively and has no limit of its own, so {@code [[[[…]]]]} two thousand deep would overflow
   * the stack. Front matter is a few flat keys; 64 is far beyond any real one.
   */
  static final int MAX_NESTING = 64;

  /** A YAML mapping, keys lower-cased; empty (with a problem) when it is not one. */
  static Map<String, Object> yaml(String block, String path, List<Problem> problems) {
    if (nesting(block) > MAX_NESTING) {
      problems.add(
          new Problem(
              path,
              1,
              "front matter nested more than " + MAX_NESTING + " levels deep; read without it"));
      return Map.of();
    }
    Object loaded;
    try {
      // Load keeps per-document state, so each file gets its own; the settings are shared.
      loaded = new Load(YAML_SETTINGS).loadFromString(block);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 2).orElse(1);
      problems.add(new Problem(path, line, "cannot read YAML front matter: " + e.getProblem()));
      return Map.of();
    } catch (YamlEngineException | IllegalArgumentException e) {
      problems.add(new Problem(path, 1, "cannot read YAML front matter: " + cut(e.getMessage())));
      return Map.of();
    }
    return asMap(loaded, path, problems);
  }

  /** A library's message, cut to a line: a deep JSON path alone can run to a kilobyte. */
  static String cut(@Nullable String message) {
    String text = String.valueOf(message).replace('\n', ' ');
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }

  /**
   * How deep a YAML text nests, at most: brackets open outside quotes (across lines, as flow
   * collections may run over several), or indentation counted two spaces a level, whichever is
   * deeper. Quick and conservative; a quote or a comment ends at its line's end.
   */
  static int nesting(String yaml) {
    int deepest = 0;
    int depth = 0;
    int indent = 0;
    boolean lineStart = true;
    boolean comment = false;
    char quote = 0;
    for (int i = 0; i < yaml.length(); i++) {
      char c = yaml.charAt(i);
      if (c == '\n') {
        lineStart = true;
        comment = false;
        quote = 0;
        indent = 0;
        continue;
      }
      if (lineStart && (c == ' ' || c == '-')) {
        deepest = Math.max(deepest, ++indent / 2);
        continue;
      }
      lineStart = false;
      if (comment) {
        continue;
      }
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[' || c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(yaml.charAt(i - 1)))) {
        comment = true;
      }
    }
    return deepest;
  }

  private static Map<String, Object> asMap(
      @Nullable Object loaded, String path, List<Problem> problems) {
    if (loaded == null) {
      return Map.of();
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      problems.add(new Problem(path, 2, "front matter is not a map of keys to values"));
      return Map.of();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (key != null && value != null) {
            values.putIfAbsent(String.valueOf(key).toLowerCase(Locale.ROOT), value);
          }
        });
    return values;
  }

  private static FrontMatter json(String text, String path, List<Problem> problems) {
    int close = closingBrace(text);
    if (close < 0) {
      return unclosed(text, "{", path, problems);
    }
    String block = text.substring(0, close + 1);
    int nl = text.indexOf('\n', close);
    String body = nl < 0 ? "" : text.substring(nl + 1);
    Map<String, Object> values = new LinkedHashMap<>();
    try {
      JsonObject object = JsonParser.parseString(block).getAsJsonObject();
      object.entrySet().forEach(e -> putJson(values, e.getKey(), e.getValue()));
    } catch (JsonParseException | IllegalStateException e) {
      Matcher m = GSON_LINE.matcher(String.valueOf(e.getMessage()));
      int line = m.find() ? Integer.parseInt(m.group(1)) : 1;
      problems.add(
          new Problem(path, line, "cannot read JSON front matter: " + cut(e.getMessage())));
    }
    return new FrontMatter(values, block, 1, body);
  }

  private static void putJson(Map<String, Object> values, String key, JsonElement value) {
    Object plain = plain(value);
    if (plain != null) {
      values.putIfAbsent(key.toLowerCase(Locale.ROOT), plain);
    }
  }

  private static @Nullable Object plain(JsonElement value) {
    if (value instanceof JsonPrimitive primitive) {
      if (primitive.isBoolean()) {
        return primitive.getAsBoolean();
      }
      return primitive.isNumber() ? primitive.getAsNumber() : primitive.getAsString();
    }
    if (value instanceof JsonArray array) {
      List<Object> items = new ArrayList<>();
      array.forEach(item -> items.add(item.isJsonPrimitive() ? plain(item) : item.toString()));
      return items;
    }
    return null; // nested objects and null: no key we read is one
  }

  /** The index of the brace that closes the one at index 0, skipping strings; -1 if none. */
  private static int closingBrace(String text) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
