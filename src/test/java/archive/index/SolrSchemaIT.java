package archive.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import archive.testing.LocalSolrCloud;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * archive's configset sets up a real two-node SolrCloud, and its field types analyse text into the
 * terms the embedded index holds: the stems, and the words as written.
 */
@Timeout(300)
class SolrSchemaIT {

  private static LocalSolrCloud cloud;
  private static SolrAdmin admin;

  @BeforeAll
  static void createCollection() throws Exception {
    cloud = LocalSolrCloud.shared();
    admin = new SolrAdmin(cloud.nodes().get(0), null);
    admin.uploadConfigset();
    admin.createCollection("schema", 2, 2);
  }

  @Test
  void theCollectionHasTwoShardsOfTwoActiveReplicasOnBothNodes() throws Exception {
    assertThat(admin.collections()).contains("schema");
    JsonObject shards =
        LocalSolrCloud.json(
                cloud.nodes().get(1).resolve("admin/collections?action=CLUSTERSTATUS&wt=json"))
            .getAsJsonObject("cluster")
            .getAsJsonObject("collections")
            .getAsJsonObject("schema")
            .getAsJsonObject("shards");
    assertThat(shards.keySet()).hasSize(2);
    Set<String> nodes = new TreeSet<>();
    for (String shard : shards.keySet()) {
      JsonObject replicas = shards.getAsJsonObject(shard).getAsJsonObject("replicas");
      assertThat(replicas.keySet()).hasSize(2);
      for (String replica : replicas.keySet()) {
        JsonObject r = replicas.getAsJsonObject(replica);
        assertThat(r.get("state").getAsString()).isEqualTo("active");
        nodes.add(r.get("node_name").getAsString());
      }
    }
    assertThat(nodes).hasSize(2);
  }

  @Test
  void aSecondCollectionOfTheSameNameIsRefusedWithSolrsReason() {
    assertThatThrownBy(() -> admin.createCollection("schema", 1, 1))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("Solr at " + cloud.nodes().get(0) + " could not create")
        .hasMessageContaining("schema")
        .hasMessageNotContaining("\n");
  }

  /**
   * The terms Solr's index-time analysis of a field type makes of a text, as a set. Positions are
   * not compared: Solr's word-delimiter filter gives an identifier's parts positions of their own,
   * where the embedded index stacks them on the whole word. The empty term a stop word becomes in
   * the stems field is left out: the embedded index has no stem for it.
   */
  private static Set<String> solrTerms(String fieldType, String text) throws Exception {
    URI uri =
        cloud
            .nodes()
            .get(0)
            .resolve(
                "schema/analysis/field?wt=json&analysis.fieldtype="
                    + fieldType
                    + "&analysis.fieldvalue="
                    + URLEncoder.encode(text, StandardCharsets.UTF_8));
    JsonArray stages =
        LocalSolrCloud.json(uri)
            .getAsJsonObject("analysis")
            .getAsJsonObject("field_types")
            .getAsJsonObject(fieldType)
            .getAsJsonArray("index");
    JsonArray last = stages.get(stages.size() - 1).getAsJsonArray(); // class, tokens, class, …
    Set<String> terms = new TreeSet<>();
    for (JsonElement token : last) {
      String term = token.getAsJsonObject().get("text").getAsString();
      if (!term.isEmpty()) {
        terms.add(term);
      }
    }
    return terms;
  }

  /** The terms of the embedded index: exact ones (=word, mark removed) or stems. */
  private static Set<String> embeddedTerms(String lang, String text, boolean exact)
      throws IOException {
    Analyzer analyzer = Analysis.indexAnalyzer(lang);
    Set<String> terms = new TreeSet<>();
    try (TokenStream stream = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String t = term.toString();
        boolean isExact = t.charAt(0) == Analysis.EXACT_MARK;
        if (isExact == exact) {
          terms.add(isExact ? t.substring(1) : t);
        }
      }
      stream.end();
    }
    return terms;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | Debugging the flaky deployments of the gardens",
        "en | Don’t call os.path.join; parseFloat(MAX_SIZE) and ctx:cancel",
        "en | Café crème, naïve façade — Übergrößen",
        "en | The team’s release and John's 2021 notes",
        "plain | Die Gärten des Nachbarn, the neighbour's gardens",
        "cjk | 日本語の文章を検索する Search engine",
        "cjk | 我们的博客文章 and kubernetes"
      })
  void solrMakesTheTermsTheEmbeddedIndexMakes(String profile, String text) throws Exception {
    String lang =
        switch (profile) {
          case "en" -> "en";
          case "cjk" -> "ja";
          default -> "de";
        };

    assertThat(solrTerms("text_" + profile, text))
        .as("stems")
        .isEqualTo(embeddedTerms(lang, text, false));
    assertThat(solrTerms(profile.equals("cjk") ? "text_cjk_exact" : "text_exact", text))
        .as("as written")
        .isEqualTo(embeddedTerms(lang, text, true));
  }
}
