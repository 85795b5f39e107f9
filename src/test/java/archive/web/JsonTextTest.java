package archive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import archive.search.Facets;
import archive.search.Hit;
import archive.search.SearchResult;
import archive.search.SectionHit;
import archive.search.Snippet;
import com.google.gson.GsonBuilder;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API's JSON is written without reflection, and reads as Gson's reflective writer wrote it. */
class JsonTextTest {

  private static String byReflection(Object body) {
    return new GsonBuilder().serializeNulls().disableHtmlEscaping().create().toJson(body);
  }

  @Test
  void aSearchBodyIsWrittenAsGsonsReflectiveWriterWroteIt() {
    Snippet snippet =
        new Snippet(
            "😀 <tapir> & 'tapirs' \"quoted\" \\ \u2028 tab\tend",
            List.of(new Snippet.Range(4, 9), new Snippet.Range(14, 20)));
    Hit hit =
        new Hit(
            "t.md",
            "t.md",
            "/t.html?a=1&b=2",
            "Tapirs </script>",
            null,
            LocalDate.of(2021, 1, 18),
            List.of("zoo", "animals"),
            "entry",
            12.345678f,
            snippet,
            List.of(new SectionHit("Sleep", "sleep", "/t.html#sleep", snippet)));
    Facets facets =
        new Facets(List.of(new Facets.YearCount(2021, 3)), List.of(new Facets.TagCount("zoo", 2)));
    SearchResult result =
        new SearchResult("tapir", 1_234, 1, "tapirs", null, List.of(hit), 3, facets, false);
    Map<String, Object> body = SearchJson.toMap(result);

    assertThat(JsonText.of(body)).isEqualTo(byReflection(body));
    Map<String, Object> withoutFacets = SearchJson.toMap(result, SearchJson.HIT_FIELDS, false);
    assertThat(JsonText.of(withoutFacets)).isEqualTo(byReflection(withoutFacets));
  }

  @Test
  void numbersBooleansAndNestedListsAreWrittenAsGsonWroteThem() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("int", 7);
    body.put("long", 9_007_199_254_740_993L);
    body.put("float", 0.1f);
    body.put("double", 2.5e-7);
    body.put("yes", true);
    body.put("none", null);
    body.put("nested", List.of(List.of(), Map.of("k", List.of(1, 2))));
    body.put("ranges", List.of(new int[] {0, 3}, new int[] {}));

    assertThat(JsonText.of(body)).isEqualTo(byReflection(body));
  }

  @Test
  void aTypeTheBodiesNeverHoldIsRefused() {
    assertThatThrownBy(() -> JsonText.of(Map.of("date", LocalDate.of(2021, 1, 18))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.time.LocalDate");
  }
}
