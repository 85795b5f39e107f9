package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import archive.search.Facets;
import archive.search.Hit;
import archive.search.SearchResult;
import archive.search.SectionHit;
import archive.search.Snippet;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchJsonTest {

  @Test
  void eachSnippetIsHtmlAndAlsoTextWithTheOffsetsOfItsMatches() {
    Snippet snippet =
        new Snippet(
            "😀 <tapir> & 'tapirs'", List.of(new Snippet.Range(4, 9), new Snippet.Range(14, 20)));
    Snippet lead = new Snippet("Tapirs \"sleep\"", List.of(new Snippet.Range(0, 6)));
    Hit hit =
        new Hit(
            "t.md",
            "t.md",
            "/t.html",
            "Tapirs",
            null,
            null,
            List.of(),
            "entry",
            1f,
            snippet,
            List.of(new SectionHit("Sleep", "sleep", "/t.html#sleep", lead)));
    SearchResult result =
        new SearchResult("tapir", 1, 1, null, null, List.of(hit), 3, Facets.NONE, true);

    JsonObject json =
        JsonParser.parseString(SearchJson.toJson(result))
            .getAsJsonObject()
            .getAsJsonArray("results")
            .get(0)
            .getAsJsonObject();

    assertThat(json.keySet())
        .containsSequence("snippet", "snippetText", "snippetMatches", "sections");
    assertThat(json.get("snippet").getAsString())
        .isEqualTo("😀 &lt;<mark>tapir</mark>&gt; &amp; &#39;<mark>tapirs</mark>&#39;");
    assertThat(json.get("snippetText").getAsString()).isEqualTo("😀 <tapir> & 'tapirs'");
    assertThat(json.get("snippetMatches").toString()).isEqualTo("[[4,9],[14,20]]");
    JsonObject section = json.getAsJsonArray("sections").get(0).getAsJsonObject();
    assertThat(section.get("snippet").getAsString())
        .isEqualTo("<mark>Tapirs</mark> &quot;sleep&quot;");
    assertThat(section.get("snippetText").getAsString()).isEqualTo("Tapirs \"sleep\"");
    assertThat(section.get("snippetMatches").toString()).isEqualTo("[[0,6]]");
  }

  @Test
  void facetsFollowTheResults() {
    Facets facets =
        new Facets(
            List.of(new Facets.YearCount(2021, 8), new Facets.YearCount(2022, 2)),
            List.of(new Facets.TagCount("rust", 6)));
    SearchResult result = new SearchResult("rust", 10, 1, null, null, List.of(), 3, facets, true);
    JsonObject json = JsonParser.parseString(SearchJson.toJson(result)).getAsJsonObject();
    assertThat(json.keySet()).containsSequence("results", "facets");
    assertThat(json.get("facets").toString())
        .isEqualTo(
            "{\"years\":[{\"year\":2021,\"count\":8},{\"year\":2022,\"count\":2}],"
                + "\"tags\":[{\"tag\":\"rust\",\"count\":6}]}");
  }

  @Test
  void noMatchesGiveEmptyFacetLists() {
    SearchResult result =
        new SearchResult("zzz", 0, 1, null, null, List.of(), 1, Facets.NONE, true);
    JsonObject json = JsonParser.parseString(SearchJson.toJson(result)).getAsJsonObject();
    assertThat(json.get("facets").toString()).isEqualTo("{\"years\":[],\"tags\":[]}");
  }
}
