package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import archive.search.SearchRequest;
import archive.search.Searcher;
import archive.search.Snippet;
import archive.search.SortOrder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetHtmlTest {

  @TempDir static Path indexDir;

  @BeforeAll
  static void indexTheExampleBlog() throws IOException {
    TestIndex.build(Path.of("examples/devlog"), indexDir);
  }

  @Test
  void matchesAreMarkedAndEveryOtherCharacterIsEscapedTextInsideAndOutThem() {
    String text = "a<b & \"c\" 'd' 😀x 日本";
    Snippet snippet =
        new Snippet(
            text,
            List.of(new Snippet.Range(0, 3), new Snippet.Range(6, 9), new Snippet.Range(14, 17)));
    assertThat(Html.marked(snippet))
        .isEqualTo(
            "<mark>a&lt;b</mark> &amp; <mark>&quot;c&quot;</mark> &#39;d&#39; <mark>😀x</mark> 日本");
  }

  @Test
  void aSnippetWithoutMatchesIsItsEscapedText() {
    assertThat(Html.marked(new Snippet("<mark>not a match</mark>", List.of())))
        .isEqualTo("&lt;mark&gt;not a match&lt;/mark&gt;");
  }

  /**
   * The embeddable box and API clients read {@code snippet} as HTML escaped with exactly {@code
   * &amp; &lt; &gt; &quot; &#39;} and marked with {@code <mark>}: the file holds what the API
   * answered for these queries before snippets became text with match ranges (issue 11), with the
   * passages chosen since (issue 12: a line ends a sentence, so code no longer runs into prose).
   */
  @Test
  void apiSnippetsOfTheExampleBlogAreTheSameHtmlByteForByte() throws IOException {
    JsonObject golden;
    try (InputStream in =
        Objects.requireNonNull(getClass().getResourceAsStream("/web/devlog-snippets.json"))) {
      golden =
          JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .getAsJsonObject();
    }
    try (Searcher searcher = Searcher.open(indexDir)) {
      for (Map.Entry<String, JsonElement> query : golden.entrySet()) {
        JsonObject json =
            JsonParser.parseString(
                    SearchJson.toJson(
                        searcher.search(
                            new SearchRequest(query.getKey(), 1, 50, SortOrder.RELEVANCE, false))))
                .getAsJsonObject();
        assertThat(snippets(json)).as(query.getKey()).isEqualTo(strings(query.getValue()));
      }
    }
  }

  private static Map<String, String> snippets(JsonObject json) {
    Map<String, String> snippets = new TreeMap<>();
    for (JsonElement element : json.getAsJsonArray("results")) {
      JsonObject hit = element.getAsJsonObject();
      String id = hit.get("id").getAsString();
      snippets.put(id, hit.get("snippet").getAsString());
      for (JsonElement s : hit.getAsJsonArray("sections")) {
        JsonObject section = s.getAsJsonObject();
        snippets.put(
            id + " § " + section.get("heading").getAsString(),
            section.get("snippet").getAsString());
      }
    }
    return snippets;
  }

  private static Map<String, String> strings(JsonElement object) {
    Map<String, String> strings = new TreeMap<>();
    object
        .getAsJsonObject()
        .entrySet()
        .forEach(e -> strings.put(e.getKey(), e.getValue().getAsString()));
    return strings;
  }
}
