package archive.web;

import archive.search.Facets;
import archive.search.Hit;
import archive.search.SearchResult;
import archive.search.SectionHit;
import archive.search.Snippet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a search, shared by {@code archive search --json} and {@code /api/search}.
 * Other tools rely on it: fields may be added, never renamed. Built as ordered maps so that key
 * order and nulls are exactly as documented.
 */
public final class SearchJson {

  private SearchJson() {}

  /** The result as JSON text. */
  public static String toJson(SearchResult result) {
    return write(toMap(result));
  }

  /** Any body of the API as JSON text: nulls kept, no HTML escaping (it is not HTML). */
  static String write(Object body) {
    return JsonText.of(body);
  }

  /** The fields each result has, in order; {@code fields=} picks among them. */
  static final List<String> HIT_FIELDS =
      List.of(
          "id",
          "path",
          "url",
          "title",
          "subtitle",
          "date",
          "tags",
          "score",
          "snippet",
          "snippetText",
          "snippetMatches",
          "sections",
          "kind");

  /** The result as ordered maps and lists, ready for any JSON writer. */
  static Map<String, Object> toMap(SearchResult result) {
    return toMap(result, HIT_FIELDS, true);
  }

  /**
   * The result with only some fields of each hit, for a client that shows no more (the embedded
   * box): smaller answers, and no stored text it does not need.
   *
   * @param fields names from {@link #HIT_FIELDS}
   * @param facets whether the search counted facets; {@code "facets"} is null when it did not, so
   *     that no client reads empty lists as "no years, no tags"
   */
  static Map<String, Object> toMap(SearchResult result, List<String> fields, boolean facets) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("query", result.query());
    json.put("total", result.total());
    json.put("totalExact", result.totalExact());
    json.put("page", result.page());
    json.put("didYouMean", result.didYouMean());
    json.put("note", result.note());
    List<Object> results = new ArrayList<>();
    for (Hit hit : result.hits()) {
      Map<String, Object> all = hit(hit);
      if (fields.size() == HIT_FIELDS.size()) {
        results.add(all);
      } else {
        Map<String, Object> some = new LinkedHashMap<>();
        all.forEach(
            (key, value) -> {
              if (fields.contains(key)) {
                some.put(key, value);
              }
            });
        results.add(some);
      }
    }
    json.put("results", results);
    json.put("facets", facets ? facets(result.facets()) : null);
    json.put("tookMs", result.tookMs());
    return json;
  }

  private static Map<String, Object> facets(Facets facets) {
    List<Object> years = new ArrayList<>();
    for (Facets.YearCount year : facets.years()) {
      Map<String, Object> y = new LinkedHashMap<>();
      y.put("year", year.year());
      y.put("count", year.count());
      years.add(y);
    }
    List<Object> tags = new ArrayList<>();
    for (Facets.TagCount tag : facets.tags()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("tag", tag.tag());
      t.put("count", tag.count());
      tags.add(t);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("years", years);
    json.put("tags", tags);
    return json;
  }

  private static Map<String, Object> hit(Hit hit) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", hit.id());
    json.put("path", hit.path());
    json.put("url", SafeUrl.of(hit.url())); // null rather than a javascript: link
    json.put("title", hit.title());
    json.put("subtitle", hit.subtitle());
    json.put("date", hit.date() == null ? null : hit.date().toString());
    json.put("tags", hit.tags());
    json.put("score", hit.score());
    snippet(json, hit.snippet());
    List<Object> sections = new ArrayList<>();
    for (SectionHit section : hit.sections()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("heading", section.heading());
      s.put("anchor", section.anchor());
      s.put("url", SafeUrl.of(section.url()));
      snippet(s, section.snippet());
      sections.add(s);
    }
    json.put("sections", sections);
    json.put("kind", hit.kind());
    return json;
  }

  /**
   * A snippet as HTML, for a client that shows it as it is, and as its text with the {@code [start,
   * end)} offsets of its matches, for one that marks them its own way.
   */
  private static void snippet(Map<String, Object> json, Snippet snippet) {
    json.put("snippet", Html.marked(snippet));
    json.put("snippetText", snippet.text());
    List<int[]> matches = new ArrayList<>(snippet.matches().size());
    for (Snippet.Range match : snippet.matches()) {
      matches.add(new int[] {match.start(), match.end()});
    }
    json.put("snippetMatches", matches);
  }
}
