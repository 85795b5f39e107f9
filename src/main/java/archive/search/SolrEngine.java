package archive.search;

import archive.index.BodyIndex;
import archive.index.Fields;
import archive.index.SolrHttp;
import archive.search.Snippets.Fragment;
import archive.search.SolrSearcher.Params;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;

/**
 * A search's queries run in a SolrCloud collection: each query of the embedded index's form goes as
 * Solr's XML query ({@link SolrXml}), with the years as a filter that the year counts leave out,
 * the page, the sort and JSON facets. The page's snippets and sections are made here, by the
 * embedded index's own highlighter over the stored bodies, so that they are the same.
 */
final class SolrEngine implements SearchEngine {

  /** Tags the years filter, which the year counts leave out: ticking years adds them up. */
  private static final String YEARS_TAG = "years";

  private final SolrSearcher solr;

  SolrEngine(SolrSearcher solr) {
    this.solr = solr;
  }

  @Override
  public @Nullable Attempt attempt(Query query, SearchRequest request) throws IOException {
    Params params = new Params().add("q", "{!xmlparser}" + SolrXml.of(query));
    if (!request.years().isEmpty()) {
      params.add(
          "fq",
          "{!terms f="
              + Fields.YEAR
              + " tag="
              + YEARS_TAG
              + "}"
              + request.years().stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    params
        .add("sort", sort(request.sort()))
        .add("start", (request.page() - 1) * request.limit())
        .add("rows", request.limit())
        .add("fl", SolrStored.FIELDS + ",score");
    int upTo = request.counting().exactUpTo();
    if (upTo != Integer.MAX_VALUE) {
      params.add("minExactCount", Math.max(upTo, request.page() * request.limit()));
    }
    if (request.counting().facets()) {
      params.add("json.facet", facets());
    }
    JsonObject answer;
    try {
      answer = solr.select(params, "search");
    } catch (SolrHttp.SolrException e) {
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (e.status() == 400 && message.contains("too many")) {
        return null; // Solr's maxBooleanClauses, as Lucene's limit in the embedded index
      }
      throw e;
    }
    return new Found(query, answer, request);
  }

  private static String sort(SortOrder order) {
    return switch (order) {
      case DATE -> Fields.DATE + " asc,id asc";
      case DATE_DESC -> Fields.DATE + " desc,id asc";
      default -> "score desc," + Fields.DATE + " desc,id asc";
    };
  }

  private static String facets() {
    JsonObject facets = new JsonObject();
    JsonObject years = new JsonObject();
    years.addProperty("type", "terms");
    years.addProperty("field", Fields.YEAR);
    years.addProperty("limit", -1);
    years.addProperty("sort", "index asc");
    JsonObject domain = new JsonObject();
    domain.addProperty("excludeTags", YEARS_TAG);
    years.add("domain", domain);
    facets.add("years", years);
    JsonObject tags = new JsonObject();
    tags.addProperty("type", "terms");
    tags.addProperty("field", Fields.TAG);
    tags.addProperty("limit", Facets.TOP_TAGS);
    tags.addProperty("sort", "count desc");
    facets.add("tags", tags);
    return facets.toString();
  }

  /** The buckets of a terms facet, value and count, in Solr's order; none when it counted none. */
  static List<Map.Entry<String, Long>> buckets(JsonObject answer, String facet) {
    List<Map.Entry<String, Long>> buckets = new ArrayList<>();
    JsonObject facets = answer.getAsJsonObject("facets");
    if (facets == null || !facets.has(facet)) {
      return buckets;
    }
    JsonArray found = facets.getAsJsonObject(facet).getAsJsonArray("buckets");
    for (JsonElement bucket : found) {
      JsonObject b = bucket.getAsJsonObject();
      buckets.add(
          new AbstractMap.SimpleImmutableEntry<>(
              b.get("val").getAsString(), b.get("count").getAsLong()));
    }
    return buckets;
  }

  private static Facets facets(JsonObject answer) {
    List<Facets.YearCount> years = new ArrayList<>();
    for (Map.Entry<String, Long> year : buckets(answer, "years")) {
      years.add(new Facets.YearCount(Integer.parseInt(year.getKey()), year.getValue()));
    }
    List<Facets.TagCount> tags = new ArrayList<>();
    for (Map.Entry<String, Long> tag : buckets(answer, "tags")) {
      tags.add(new Facets.TagCount(tag.getKey(), tag.getValue()));
    }
    // Solr orders equal counts by its index; the embedded index by name.
    tags.sort(
        java.util.Comparator.comparingLong(Facets.TagCount::count)
            .reversed()
            .thenComparing(Facets.TagCount::tag));
    return new Facets(years, tags);
  }

  /** One query's answer from Solr. */
  private static final class Found implements Attempt {
    private final Query query;
    private final JsonObject answer;
    private final SearchRequest request;

    Found(Query query, JsonObject answer, SearchRequest request) {
      this.query = query;
      this.answer = answer;
      this.request = request;
    }

    @Override
    public long total() {
      return SolrSearcher.found(answer);
    }

    @Override
    public boolean exact() {
      JsonElement exact = answer.getAsJsonObject("response").get("numFoundExact");
      return exact == null || exact.getAsBoolean();
    }

    @Override
    public Facets facets() {
      return request.counting().facets() ? SolrEngine.facets(answer) : Facets.NONE;
    }

    /**
     * The page's hits: the stored documents as the embedded index would give them, highlighted in
     * an index in memory of their bodies, analysed as the embedded index analyses them.
     */
    @Override
    public List<Hit> hits() throws IOException {
      List<JsonObject> found = SolrSearcher.docs(answer);
      if (found.isEmpty()) {
        return List.of();
      }
      Document[] docs = new Document[found.size()];
      float[] scores = new float[found.size()];
      List<String> bodies = new ArrayList<>();
      List<String> langs = new ArrayList<>();
      int[] ids = new int[found.size()];
      for (int i = 0; i < docs.length; i++) {
        JsonObject doc = found.get(i);
        docs[i] = SolrStored.document(doc);
        scores[i] = doc.has("score") ? doc.get("score").getAsFloat() : 0f;
        String body = docs[i].get(Fields.BODY);
        bodies.add(body == null ? "" : body);
        String lang = docs[i].get(Fields.LANG);
        langs.add(lang == null ? "" : lang);
        ids[i] = i;
      }
      IndexSearcher page = BodyIndex.of(bodies, langs);
      Query rewritten = page.rewrite(query);
      List<List<Fragment>> fragments = Snippets.highlight(page, rewritten, ids, docs);
      Set<String> terms = Hits.queryTerms(rewritten);
      List<Hit> hits = new ArrayList<>(docs.length);
      for (int i = 0; i < docs.length; i++) {
        hits.add(Hits.hit(docs[i], scores[i], fragments.get(i), terms));
      }
      return hits;
    }
  }

  @Override
  public long count(Query query) throws IOException {
    return SolrSearcher.found(
        solr.select(
            new Params().add("q", "{!xmlparser}" + SolrXml.of(query)).add("rows", 0), "count"));
  }

  /**
   * Solr's spelling checker, configured as the embedded index's (two edits, the first letter kept,
   * words of at least four letters), over the words as written in the body and titles.
   */
  @Override
  public @Nullable String spelling(String query, List<String> words, CloseSpellings closeSpellings)
      throws IOException {
    List<String> checked = Spelling.checked(words);
    if (checked.isEmpty()) {
      return null;
    }
    Params params =
        new Params()
            .add("q", "*:*")
            .add("rows", 0)
            .add("spellcheck", "true")
            .add("spellcheck.q", String.join(" ", checked))
            .add("spellcheck.count", 1);
    JsonObject answer = solr.request("spell", params, "check the spelling");
    Map<String, String> better = new HashMap<>();
    JsonObject spellcheck = answer.getAsJsonObject("spellcheck");
    JsonArray suggestions = spellcheck == null ? null : spellcheck.getAsJsonArray("suggestions");
    if (suggestions != null) {
      // Solr lists a word, then what it suggests for it, in turn.
      for (int i = 0; i + 1 < suggestions.size(); i += 2) {
        JsonObject found = suggestions.get(i + 1).getAsJsonObject();
        JsonArray alternatives = found.getAsJsonArray("suggestion");
        if (alternatives != null && !alternatives.isEmpty()) {
          JsonElement first = alternatives.get(0);
          better.put(
              suggestions.get(i).getAsString(),
              first.isJsonObject()
                  ? first.getAsJsonObject().get("word").getAsString()
                  : first.getAsString());
        }
      }
    }
    return Spelling.suggest(query, words, word -> better.get(word.toLowerCase(Locale.ROOT)));
  }
}
