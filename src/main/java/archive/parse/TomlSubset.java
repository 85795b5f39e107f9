package archive.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the part of TOML that Hugo front matter uses for the keys we index: {@code key = value}
 * lines with strings (basic, literal, multi-line), arrays, booleans, integers and bare dates.
 *
 * <p>Keys after a {@code [table]} or {@code [[array]]} header are skipped on purpose: the entry's
 * own fields (title, date, tags, draft, ...) live at the top level, while tables hold theme {@code
 * [params]}, menus and resources whose {@code title} or {@code date} must not be mistaken for the
 * entry's. That is why a full TOML library (tomlj pulls in the ANTLR runtime) is not worth its
 * weight here. Inline tables and floats are kept as raw text or skipped; nothing here throws.
 */
final class TomlSubset {

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d[\\d_]*");
  private static final int MAX_VALUE_LINES = 200;

  private final String path;
  private final List<Problem> problems;
  private final Map<String, Object> values = new LinkedHashMap<>();

  private TomlSubset(String path, List<Problem> problems) {
    this.path = path;
    this.problems = problems;
  }

  /**
   * Reads top-level keys, lower-cased; the first occurrence of a key wins.
   *
   * @param block the front matter without its {@code +++} lines
   * @param firstLine the file line the block starts on, for problems
   */
  static Map<String, Object> read(String block, int firstLine, String path, List<Problem> out) {
    TomlSubset reader = new TomlSubset(path, out);
    reader.readLines(block.split("\n", -1), firstLine);
    return reader.values;
  }

  private void readLines(String[] lines, int firstLine) {
    boolean inTable = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        inTable = true;
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        problem(firstLine + i, "cannot read TOML front matter line: " + line);
        continue;
      }
      i = readValue(lines, i, firstLine, line.substring(0, eq), inTable);
    }
  }

  /** Reads the value that starts on line {@code i}; returns the last line it spans. */
  private int readValue(String[] lines, int i, int firstLine, String rawKey, boolean skip) {
    String key = unquote(rawKey.strip()).toLowerCase(Locale.ROOT);
    StringBuilder text = new StringBuilder(lines[i].substring(lines[i].indexOf('=') + 1));
    for (int last = i; last < lines.length && last - i < MAX_VALUE_LINES; last++) {
      if (last > i) {
        text.append('\n').append(lines[last]);
      }
      try {
        Object value = new Cursor(text.toString()).value();
        if (!skip && value != null) {
          values.putIfAbsent(key, value);
        }
        return last;
      } catch (Incomplete e) {
        // a multi-line array or string: take in the next line and try again
      } catch (IllegalArgumentException e) {
        problem(firstLine + i, "cannot read TOML value of " + key + ": " + e.getMessage());
        return last;
      }
    }
    problem(firstLine + i, "TOML value of " + key + " is never closed");
    return lines.length;
  }

  /** Adds a problem in one short line: a message may quote a line megabytes long. */
  private void problem(int line, String message) {
    problems.add(new Problem(path, line, FrontMatterReader.cut(message)));
  }

  private static String unquote(String key) {
    if (key.length() >= 2
        && ((key.startsWith("\"") && key.endsWith("\""))
            || (key.startsWith("'") && key.endsWith("'")))) {
      return key.substring(1, key.length() - 1);
    }
    return key;
  }

  /** Thrown when the text ends inside an array or a multi-line string. */
  private static final class Incomplete extends Exception {
    private static final long serialVersionUID = 1L;

    Incomplete() {
      super(null, null, false, false);
    }
  }

  /** Parses one value from text; throws IllegalArgumentException for what it cannot read. */
  private static final class Cursor {
    private final String s;
    private int pos;
    private int depth;

    Cursor(String s) {
      this.s = s;
    }

    Object value() throws Incomplete {
      Object value = next();
      skipSpaceAndComments();
      if (pos < s.length()) {
        throw new IllegalArgumentException("unexpected text after value: " + s.substring(pos));
      }
      return value;
    }

    private Object next() throws Incomplete {
      skipSpaceAndComments();
      if (pos >= s.length()) {
        throw new Incomplete();
      }
      char c = s.charAt(pos);
      if (s.startsWith("\"\"\"", pos) || s.startsWith("'''", pos)) {
        return multiLine(s.substring(pos, pos + 3));
      }
      if (c == '"' || c == '\'') {
        return quoted(c);
      }
      if (c == '[') {
        return array();
      }
      return c == '{' ? inlineTable() : bare();
    }

    /**
     * Arrays are read recursively, so their depth is bounded as YAML's is: {@code [[[[…]]]]} five
     * thousand deep overflowed the stack, and the whole file was skipped (issue 10, hostile files).
     */
    private List<Object> array() throws Incomplete {
      if (++depth > FrontMatterReader.MAX_NESTING) {
        throw new IllegalArgumentException(
            "nested more than " + FrontMatterReader.MAX_NESTING + " levels deep");
      }
      pos++;
      List<Object> items = new ArrayList<>();
      while (true) {
        skipSpaceAndComments();
        if (pos >= s.length()) {
          throw new Incomplete();
        }
        if (s.charAt(pos) == ']') {
          pos++;
          depth--;
          return items;
        }
        items.add(next());
        skipSpaceAndComments();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
        }
      }
    }

    private String quoted(char quote) {
      StringBuilder out = new StringBuilder();
      for (pos++; pos < s.length(); pos++) {
        char c = s.charAt(pos);
        if (c == quote) {
          pos++;
          return out.toString();
        }
        if (c == '\n') {
          throw new IllegalArgumentException("string not closed on its line");
        }
        if (c == '\\' && quote == '"' && pos + 1 < s.length()) {
          c = escape();
        }
        out.append(c);
      }
      throw new IllegalArgumentException("string not closed on its line");
    }

    private String multiLine(String delimiter) throws Incomplete {
      int end = s.indexOf(delimiter, pos + 3);
      if (end < 0) {
        throw new Incomplete();
      }
      String body = s.substring(pos + 3, end);
      pos = end + 3;
      return (body.startsWith("\n") ? body.substring(1) : body).strip();
    }

    private char escape() {
      char e = s.charAt(++pos);
      return switch (e) {
        case 'n' -> '\n';
        case 't' -> '\t';
        case 'u' -> unicodeEscape();
        default -> e; // \" and \\ and anything unknown: the character itself
      };
    }

    private char unicodeEscape() {
      if (pos + 4 >= s.length()) {
        return 'u';
      }
      String hex = s.substring(pos + 1, pos + 5);
      pos += 4;
      try {
        return (char) Integer.parseInt(hex, 16);
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("bad \\u escape: " + hex, ex);
      }
    }

    private Object inlineTable() throws Incomplete {
      int end = s.indexOf('}', pos);
      if (end < 0) {
        throw new Incomplete();
      }
      pos = end + 1;
      return Map.of(); // not a key we read; keeps its place so the line still parses
    }

    private Object bare() {
      int start = pos;
      while (pos < s.length() && ",]#\n".indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      String token = s.substring(start, pos).strip();
      if (token.isEmpty()) {
        throw new IllegalArgumentException("missing value");
      }
      if (token.equals("true") || token.equals("false")) {
        return Boolean.valueOf(token);
      }
      return INTEGER.matcher(token).matches() ? parseLong(token) : token;
    }

    private static Object parseLong(String token) {
      try {
        return Long.parseLong(token.replace("_", ""));
      } catch (NumberFormatException e) {
        return token; // too large for a long: keep the digits as text
      }
    }

    private void skipSpaceAndComments() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '#') {
          int nl = s.indexOf('\n', pos);
          pos = nl < 0 ? s.length() : nl;
        } else if (Character.isWhitespace(c)) {
          pos++;
        } else {
          return;
        }
      }
    }
  }
}
