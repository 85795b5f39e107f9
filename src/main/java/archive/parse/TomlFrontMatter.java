package archive.parse;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads TOML front matter (Hugo's {@code +++} blocks, {@code hugo.toml}) with Jackson's TOML
 * parser, which follows TOML 1.0: every escape, multi-line and literal strings, quoted and dotted
 * keys. An entry's own fields live at the top level; tables ({@code [params]}, menus, inline
 * tables) hold a theme's values, whose {@code title} or {@code date} must not be taken for the
 * entry's, so they are left out.
 *
 * <p>A blog is messier than the TOML specification: where the parser stops, the value it stopped in
 * is said as a problem with its line and left out, and the rest is read again, so one bad line
 * costs that line, not the entry's date and tags. Nesting is bounded as for YAML ({@link
 * FrontMatterReader#MAX_NESTING}), by the parser's own constraint.
 */
final class TomlFrontMatter {

  private static final TomlMapper MAPPER =
      new TomlMapper(
          TomlFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(FrontMatterReader.MAX_NESTING)
                      .build())
              .build());

  /** How many bad values one block may have before the rest of it is given up. */
  private static final int MAX_LEFT_OUT = 20;

  /** A line that starts a {@code key = value} or a {@code [table]}; group 1 is the key. */
  private static final Pattern STATEMENT =
      Pattern.compile(
          "\\s*(?:\\[|((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"
              + "(?:\\s*\\.\\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\\s*=)");

  private TomlFrontMatter() {}

  /**
   * Reads the top-level keys, lower-cased; of keys that differ only in case, the first wins.
   *
   * @param block the front matter without its {@code +++} lines
   * @param firstLine the file line the block starts on, for problems
   */
  static Map<String, Object> read(
      String block, int firstLine, String path, List<Problem> problems) {
    String[] lines = block.split("\n", -1);
    for (int leftOut = 0; leftOut <= MAX_LEFT_OUT; leftOut++) {
      JsonNode tree;
      try {
        tree = MAPPER.readTree(String.join("\n", lines));
      } catch (JacksonException e) {
        int at = errorLine(e, lines);
        if (at < 0) {
          break;
        }
        int start = statementStart(lines, at);
        if (String.join("", Arrays.copyOfRange(lines, start, at + 1)).isBlank()) {
          break; // nothing there to leave out: the parser cannot go on
        }
        problems.add(new Problem(path, firstLine + start, what(lines[start], e)));
        Arrays.fill(lines, start, at + 1, "");
        continue;
      }
      return topLevel(tree);
    }
    problems.add(new Problem(path, firstLine, "cannot read TOML front matter; read without it"));
    return Map.of();
  }

  private static String what(String statement, JacksonException e) {
    Matcher key = STATEMENT.matcher(statement);
    String message =
        e instanceof StreamConstraintsException
            ? "nested more than " + FrontMatterReader.MAX_NESTING + " levels deep"
            : FrontMatterReader.cut(e.getOriginalMessage());
    if (key.lookingAt() && key.group(1) != null) {
      return "cannot read TOML value of " + FrontMatterReader.cut(key.group(1)) + ": " + message;
    }
    return "cannot read TOML front matter line: " + message;
  }

  /**
   * The line (from 0) the parser stopped on; for nesting past the bound, which the parser says
   * without a place, the line where it goes past; -1 when there is no telling.
   */
  private static int errorLine(JacksonException e, String[] lines) {
    JsonLocation location = e.getLocation();
    int line = location == null ? -1 : location.getLineNr();
    if (line > 0) {
      return Math.min(line, lines.length) - 1;
    }
    int depth = 0;
    for (int i = 0; i < lines.length; i++) {
      char quote = 0;
      for (int c = 0; c < lines[i].length(); c++) {
        char ch = lines[i].charAt(c);
        if (quote != 0) {
          quote = ch == quote ? 0 : quote;
        } else if (ch == '"' || ch == '\'') {
          quote = ch;
        } else if (ch == '#') {
          break;
        } else if ((ch == '[' || ch == '{') && ++depth > FrontMatterReader.MAX_NESTING) {
          return i;
        } else if ((ch == ']' || ch == '}') && depth > 0) {
          depth--;
        }
      }
    }
    return -1;
  }

  /** The line where the statement holding line {@code at} begins, or {@code at} itself. */
  private static int statementStart(String[] lines, int at) {
    for (int i = at; i >= 0; i--) {
      if (!lines[i].isBlank() && STATEMENT.matcher(lines[i]).lookingAt()) {
        return i;
      }
    }
    return at;
  }

  private static Map<String, Object> topLevel(JsonNode tree) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      Object value = value(field.getValue());
      if (value != null) {
        values.putIfAbsent(field.getKey().toLowerCase(Locale.ROOT), value);
      }
    }
    return values;
  }

  /** A scalar or a list of them as Java values (dates as their text); null for a table. */
  private static @Nullable Object value(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.asText();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      for (JsonNode item : node) {
        Object value = value(item);
        if (value != null) {
          items.add(value);
        }
      }
      return items;
    }
    return null; // a table, inline or not: a theme's, not the entry's
  }
}
