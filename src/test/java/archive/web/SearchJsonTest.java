package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import archive.search.Facets;
import archive.search.SearchResult;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchJsonTest {

  @Test
  void facetsFollowTheResults() {
    Facets facets =
        new Facets(
            List.of(new Facets.YearCount(2021, 8), new Facets.YearCount(2022, 2)),
            List.of(new Facets.TagCount("rust", 6)));
    SearchResult result = new SearchResult("rust", 10, 1, null, null, List.of(), 3, facets);
    JsonObject json = JsonParser.parseString(SearchJson.toJson(result)).getAsJsonObject();
    assertThat(json.keySet()).containsSequence("results", "facets");
    assertThat(json.get("facets").toString())
        .isEqualTo(
            "{\"years\":[{\"year\":2021,\"count\":8},{\"year\":2022,\"count\":2}],"
                + "\"tags\":[{\"tag\":\"rust\",\"count\":6}]}");
  }

  @Test
  void noMatchesGiveEmptyFacetLists() {
    SearchResult result = new SearchResult("zzz", 0, 1, null, null, List.of(), 1, Facets.NONE);
    JsonObject json = JsonParser.parseString(SearchJson.toJson(result)).getAsJsonObject();
    assertThat(json.get("facets").toString()).isEqualTo("{\"years\":[],\"tags\":[]}");
  }
}
