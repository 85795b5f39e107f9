package archive.search;

import archive.index.Fields;
import archive.search.ParsedQuery.Part;
import archive.search.ParsedQuery.Phrase;
import archive.search.ParsedQuery.Word;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the query syntax: words (all must match), {@code "exact phrase"}, {@code -word}, {@code
 * OR}, {@code prefix*}, and the qualifiers {@code title:}, {@code tag:}, {@code year:}, {@code
 * after:} and {@code before:}. Never fails: an unbalanced quote or a stray operator is taken as
 * text, a bad qualifier value is dropped with a note.
 */
final class QuerySyntax {

  /** At most this many parts are used; the rest are dropped with a note. */
  static final int MAX_PARTS = 32;

  /** Input beyond this many characters is ignored. */
  static final int MAX_LENGTH = 1000;

  private final String input;
  private int pos;
  private final List<List<Part>> required = new ArrayList<>();
  private final List<Part> excluded = new ArrayList<>();
  private final List<String> tags = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private @Nullable LocalDate from;
  private @Nullable LocalDate until;
  private boolean pendingOr;
  private int parts;

  private QuerySyntax(String input) {
    this.input = input;
  }

  /** Parses a query as typed. */
  static ParsedQuery parse(String query) {
    QuerySyntax syntax = new QuerySyntax(clean(query));
    syntax.readAll();
    return syntax.result();
  }

  /**
   * How many words and phrases the query has, counting those beyond {@link #MAX_PARTS} that a
   * search would drop; qualifiers such as {@code tag:} are not counted.
   */
  static int countParts(String query) {
    QuerySyntax syntax = new QuerySyntax(clean(query));
    syntax.readAll();
    return syntax.parts;
  }

  /** NFKC, no control characters, at most {@link #MAX_LENGTH} characters. */
  static String clean(String query) {
    String normal =
        Normalizer.normalize(query, Normalizer.Form.NFKC)
            .replaceAll("[\u201c\u201d\u201e\u00ab\u00bb]", "\"");
    normal = normal.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\t\\n]]", "").replaceAll("\\s+", " ").strip();
    return normal.length() > MAX_LENGTH ? normal.substring(0, MAX_LENGTH) : normal;
  }

  private void readAll() {
    while (skipSpaces()) {
      boolean negated = false;
      if (input.charAt(pos) == '-' && pos + 1 < input.length() && input.charAt(pos + 1) != ' ') {
        negated = true;
        pos++;
      }
      readItem(negated);
    }
  }

  private boolean skipSpaces() {
    while (pos < input.length() && input.charAt(pos) == ' ') {
      pos++;
    }
    return pos < input.length();
  }

  private void readItem(boolean negated) {
    if (input.charAt(pos) == '"') {
      String phrase = quoted();
      if (phrase != null) {
        add(new Phrase(phrase, null), negated);
        return;
      }
      pos++; // an unbalanced quote is text; the words after it are read as words
      return;
    }
    if (input.regionMatches(true, pos, "title:\"", 0, 7) && input.indexOf('"', pos + 7) > 0) {
      pos += 6;
      add(new Phrase(String.valueOf(quoted()), Fields.TITLE), negated);
      return;
    }
    String token = until(' ');
    if (token.equals("OR") && !negated) {
      pendingOr = !required.isEmpty();
      if (pendingOr) {
        return;
      }
    }
    readToken(token, negated);
  }

  private void readToken(String token, boolean negated) {
    int colon = token.indexOf(':');
    if (colon > 0) {
      String key = token.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = token.substring(colon + 1);
      if (qualifier(key, value, negated)) {
        return;
      }
    }
    word(token, null, negated);
  }

  private boolean qualifier(String key, String value, boolean negated) {
    switch (key) {
      case "title":
        if (value.isEmpty()) {
          return false;
        }
        word(value, Fields.TITLE, negated);
        return true;
      case "tag":
        if (value.isEmpty()) {
          return false;
        }
        tags.add(Fields.tagKey(value));
        return true;
      case "year":
      case "after":
      case "before":
        dateFilter(key, value);
        return true;
      default:
        return false; // ctx:cancel and other colon words are text
    }
  }

  private void dateFilter(String key, String value) {
    Optional<DateRange> range = DateRange.parse(value);
    if (range.isEmpty() || key.equals("year") && value.contains("-")) {
      notes.add(
          "ignored "
              + key
              + ":"
              + value
              + (key.equals("year")
                  ? " (use a year such as year:2021)"
                  : " (use YYYY, YYYY-MM or YYYY-MM-DD)"));
      return;
    }
    DateRange r = range.get();
    if (!key.equals("before")) {
      LocalDate start = r.first();
      from = from == null || start.isAfter(from) ? start : from;
    }
    if (!key.equals("after")) {
      LocalDate end = key.equals("before") ? r.first() : r.end();
      until = until == null || end.isBefore(until) ? end : until;
    }
  }

  private void word(String raw, @Nullable String field, boolean negated) {
    String text = raw;
    while (text.startsWith("*")) {
      text = text.substring(1); // no leading wildcards: they would scan every term
    }
    boolean prefix = false;
    if (text.endsWith("*")) {
      text = text.replaceAll("\\*+$", "");
      prefix = text.codePointCount(0, text.length()) >= 2;
    }
    if (!text.isBlank()) {
      add(new Word(text, field, prefix), negated);
    }
  }

  private void add(Part part, boolean negated) {
    if (++parts > MAX_PARTS) {
      if (parts == MAX_PARTS + 1) {
        notes.add("used the first " + MAX_PARTS + " words of the query");
      }
      return;
    }
    if (negated) {
      excluded.add(part);
    } else if (pendingOr && !required.isEmpty()) {
      required.get(required.size() - 1).add(part);
    } else {
      List<Part> group = new ArrayList<>(1);
      group.add(part);
      required.add(group);
    }
    pendingOr = false;
  }

  private @Nullable String quoted() {
    int close = input.indexOf('"', pos + 1);
    if (close < 0) {
      return null;
    }
    String phrase = input.substring(pos + 1, close).strip();
    pos = close + 1;
    return phrase;
  }

  private String until(char stop) {
    int end = input.indexOf(stop, pos);
    end = end < 0 ? input.length() : end;
    String token = input.substring(pos, end);
    pos = end;
    return token;
  }

  private ParsedQuery result() {
    if (pendingOr) {
      required.add(new ArrayList<>(List.of(new Word("OR", null, false))));
    }
    required.removeIf(List::isEmpty);
    return new ParsedQuery(required, excluded, tags, from, until, notes);
  }
}
