package archive.search;

import archive.index.Fields;
import archive.index.SolrFields;
import archive.search.SolrSearcher.Params;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.queryparser.classic.QueryParserBase;

/**
 * Search-as-you-type from Solr, by {@link Suggester}'s rules: titles that hold the typed words, the
 * last one as a prefix, those starting with them first; then words of the bodies that complete the
 * last word, most frequent first. Solr's terms component counts the words of every site in the
 * collection, and of entries replaced since its last merge.
 */
final class SolrSuggester implements SuggestionSource {

  private static final int CANDIDATES = 50;

  /** Completions asked of Solr per profile: enough once stop words and the prefix are left out. */
  private static final int COMPLETIONS = 40;

  private final SolrSearcher solr;

  SolrSuggester(SolrSearcher solr) {
    this.solr = solr;
  }

  List<Suggestion> suggest(String typed, int limit) throws IOException {
    return Suggester.suggest(typed, limit, this);
  }

  @Override
  public List<Suggestion> titles(List<String> whole, String prefix, int limit) throws IOException {
    StringBuilder query = new StringBuilder("+" + Fields.KIND + ":" + Fields.KIND_ENTRY);
    for (String word : whole) {
      query.append(" +(").append(inTitles(QueryParserBase.escape(word.substring(1)))).append(')');
    }
    query
        .append(" +(")
        .append(inTitles(QueryParserBase.escape(prefix.substring(1)) + "*"))
        .append(')');
    Params params =
        new Params()
            .add("q", query.toString())
            .add("sort", "score desc," + Fields.DATE + " desc,id asc")
            .add("rows", CANDIDATES)
            .add("fl", SolrStored.LISTING_FIELDS);
    List<Suggestion> leading = new ArrayList<>();
    List<Suggestion> others = new ArrayList<>();
    for (JsonObject doc : SolrSearcher.docs(solr.select(params, "suggest titles"))) {
      var entry = SolrStored.document(doc);
      String title = entry.get(Fields.TITLE);
      String url = entry.get(Fields.URL);
      if (title != null && url != null) {
        Suggestion suggestion = Suggestion.title(title, url);
        if (Suggester.startsWith(title, whole, prefix)) {
          leading.add(suggestion);
        } else {
          others.add(suggestion);
        }
      }
    }
    leading.addAll(others);
    return Suggester.distinct(leading, limit);
  }

  /** A word or pattern in the titles as written, of every profile. */
  private static String inTitles(String syntax) {
    List<String> fields = new ArrayList<>();
    for (String profile : SolrFields.PROFILES) {
      fields.add(SolrFields.text(Fields.TITLE, profile, true) + ":" + syntax);
    }
    return String.join(" OR ", fields);
  }

  /** Body words that complete the prefix, most frequent first, without stop words or itself. */
  @Override
  public List<String> completions(String exactPrefix) throws IOException {
    String prefix = exactPrefix.substring(1);
    Params params =
        new Params()
            .add("terms", "true")
            .add("terms.prefix", prefix)
            .add("terms.sort", "count")
            .add("terms.limit", COMPLETIONS);
    for (String profile : SolrFields.PROFILES) {
      params.add("terms.fl", SolrFields.text(Fields.BODY, profile, true));
    }
    JsonObject terms = solr.request("terms", params, "complete a word").getAsJsonObject("terms");
    Map<String, Long> counts = new HashMap<>();
    if (terms != null) {
      for (String field : terms.keySet()) {
        JsonArray pairs = terms.getAsJsonArray(field);
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
          String word = pairs.get(i).getAsString();
          if (!word.equals(prefix) && !Suggester.isStopWord("=" + word)) {
            counts.merge(word, pairs.get(i + 1).getAsLong(), Long::sum); // summed over profiles
          }
        }
      }
    }
    List<String> words = new ArrayList<>(counts.keySet());
    words.sort(
        Comparator.comparing((String word) -> counts.get(word))
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    return words;
  }
}
