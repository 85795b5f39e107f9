package archive.web;

import archive.index.Fields;
import archive.parse.Entry;
import archive.parse.Kind;
import archive.parse.ParseResult;
import archive.parse.Problem;
import archive.parse.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shape of what the index would hold for one source, as {@code archive show --json} prints
 * it, one object a line. Every object has every key, in the same order; a key that does not apply
 * is null. Other tools rely on it: keys may be added, never renamed.
 */
public final class EntryJson {

  /** The keys, in order. */
  static final List<String> KEYS =
      List.of(
          "source",
          "error",
          "skipped",
          "id",
          "path",
          "url",
          "title",
          "subtitle",
          "date",
          "updated",
          "tags",
          "categories",
          "lang",
          "kind",
          "draft",
          "sections",
          "text",
          "problems");

  private EntryJson() {}

  /**
   * A source that was read: its entry, or why the index would leave it out; with its problems.
   *
   * @param source the file or address as the user gave it
   */
  public static String parsed(String source, ParseResult result) {
    Map<String, @Nullable Object> json = empty(source);
    json.put("skipped", result.skipReason());
    Entry entry = result.entry();
    if (entry != null) {
      entry(json, entry);
    }
    List<Object> problems = new ArrayList<>();
    for (Problem problem : result.problems()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("path", problem.path());
      p.put("line", problem.line());
      p.put("message", problem.message());
      problems.add(p);
    }
    json.put("problems", problems);
    return SearchJson.write(json);
  }

  /**
   * A source that could not be read.
   *
   * @param source the file or address as the user gave it
   * @param error one line that says why, and what to do
   */
  public static String failed(String source, String error) {
    Map<String, @Nullable Object> json = empty(source);
    json.put("error", error);
    return SearchJson.write(json);
  }

  /** Every key, null but the source and an empty list of problems. */
  private static Map<String, @Nullable Object> empty(String source) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    KEYS.forEach(key -> json.put(key, null));
    json.put("source", source);
    json.put("problems", List.of());
    return json;
  }

  private static void entry(Map<String, @Nullable Object> json, Entry entry) {
    json.put("id", entry.id());
    json.put("path", entry.path());
    json.put("url", entry.url());
    json.put("title", entry.title());
    json.put("subtitle", entry.subtitle());
    json.put("date", date(entry.date()));
    json.put("updated", date(entry.updated()));
    json.put("tags", entry.tags());
    json.put("categories", entry.categories());
    json.put("lang", entry.lang());
    json.put("kind", entry.kind() == Kind.LIST ? Fields.KIND_LIST : Fields.KIND_ENTRY);
    json.put("draft", entry.draft());
    List<Object> sections = new ArrayList<>();
    for (Section section : entry.sections()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("level", section.level());
      s.put("heading", section.heading());
      s.put("anchor", section.anchor());
      s.put("text", section.text());
      sections.add(s);
    }
    json.put("sections", sections);
    json.put("text", entry.text());
  }

  private static @Nullable String date(@Nullable LocalDate date) {
    return date == null ? null : date.toString();
  }
}
