package archive.search;

import archive.index.Analysis;
import archive.index.Fields;
import archive.index.SolrFields;
import archive.search.SolrSearcher.Params;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Entries like one in a SolrCloud collection, chosen as the embedded index chooses them (Lucene's
 * MoreLikeThis, {@link EntryLookup}): the entry's stems in its title, tags and body, weighed by how
 * often it uses them and how rare they are (document frequencies from Solr's terms component), the
 * 25 best as one query. Solr's own "more like this" would analyse the stored text with the schema,
 * where a stop word leaves an empty term that every entry shares.
 */
final class SolrRelated {

  private static final int MAX_QUERY_TERMS = 25;
  private static final int MIN_DOC_FREQ = 2;

  private final SolrSearcher solr;

  SolrRelated(SolrSearcher solr) {
    this.solr = solr;
  }

  /** A weighed stem of one field. */
  private record Scored(String field, String stem, float score) {}

  List<Listing> related(JsonObject self, int max) throws IOException {
    Document doc = SolrStored.document(self);
    String lang = doc.get(Fields.LANG) == null ? "" : doc.get(Fields.LANG);
    Map<String, String> texts = new HashMap<>();
    texts.put(Fields.TITLE, doc.get(Fields.TITLE) == null ? "" : doc.get(Fields.TITLE));
    texts.put(Fields.TAGS_TEXT, String.join("\n", doc.getValues(Fields.TAG_DISPLAY)));
    texts.put(Fields.BODY, doc.get(Fields.BODY) == null ? "" : doc.get(Fields.BODY));
    long numDocs = solr.documents();
    long maxDocFreq = Math.max(3, numDocs / 2);
    PriorityQueue<Scored> best = new PriorityQueue<>((a, b) -> Float.compare(a.score(), b.score()));
    for (Map.Entry<String, String> text : texts.entrySet()) {
      Map<String, Integer> frequencies = stems(lang, text.getKey(), text.getValue());
      Map<String, Long> docFreqs = docFreqs(text.getKey(), frequencies.keySet());
      for (Map.Entry<String, Integer> stem : frequencies.entrySet()) {
        long docFreq = docFreqs.getOrDefault(stem.getKey(), 0L);
        if (docFreq < MIN_DOC_FREQ || docFreq > maxDocFreq) {
          continue;
        }
        // Lucene's classic idf, which MoreLikeThis weighs with.
        float idf = (float) (Math.log((numDocs + 1) / (double) (docFreq + 1)) + 1.0);
        best.add(new Scored(text.getKey(), stem.getKey(), stem.getValue() * idf));
        if (best.size() > MAX_QUERY_TERMS) {
          best.poll();
        }
      }
    }
    if (best.isEmpty()) {
      return List.of();
    }
    List<Scored> kept = new ArrayList<>(best);
    float top = kept.stream().map(Scored::score).max(Float::compare).orElse(1f);
    BooleanQuery.Builder like = new BooleanQuery.Builder();
    for (Scored term : kept) {
      like.add(
          new BoostQuery(new TermQuery(new Term(term.field(), term.stem())), term.score() / top),
          Occur.SHOULD);
    }
    Params params =
        new Params()
            .add("q", "{!xmlparser}" + SolrXml.of(like.build()))
            .add("fq", SolrSearcher.term(Fields.KIND, Fields.KIND_ENTRY))
            .add("fq", "*:* -id:" + SolrSearcher.quoted(self.get("id").getAsString()))
            .add("rows", max)
            .add("fl", SolrStored.LISTING_FIELDS);
    List<Listing> related = new ArrayList<>();
    for (JsonObject found : SolrSearcher.docs(solr.select(params, "find entries like another"))) {
      related.add(Listings.listing(SolrStored.document(found)));
    }
    return related;
  }

  /** How often each stem occurs in a text, as the embedded index analyses it. */
  private static Map<String, Integer> stems(String lang, String field, String text)
      throws IOException {
    Map<String, Integer> frequencies = new HashMap<>();
    try (TokenStream stream = Analysis.indexAnalyzer(lang).tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String value = term.toString();
        // Written forms are left out, as stems alone are; a comma would split Solr's term list.
        if (!value.isEmpty() && value.charAt(0) != Analysis.EXACT_MARK && value.indexOf(',') < 0) {
          frequencies.merge(value, 1, Integer::sum);
        }
      }
      stream.end();
    }
    return frequencies;
  }

  /** In how many documents each stem is, in any profile's field, over the whole collection. */
  private Map<String, Long> docFreqs(String field, Iterable<String> stems) throws IOException {
    Map<String, Long> docFreqs = new HashMap<>();
    String list = String.join(",", stems);
    if (list.isEmpty()) {
      return docFreqs;
    }
    Params params = new Params().add("terms", "true").add("terms.list", list);
    for (String profile : SolrFields.PROFILES) {
      params.add("terms.fl", SolrFields.text(field, profile, false));
    }
    JsonObject terms =
        solr.request("terms", params, "count documents per word").getAsJsonObject("terms");
    if (terms != null) {
      for (String solrField : terms.keySet()) {
        JsonArray pairs = terms.getAsJsonArray(solrField);
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
          JsonElement count = pairs.get(i + 1);
          docFreqs.merge(pairs.get(i).getAsString(), count.getAsLong(), Long::sum);
        }
      }
    }
    return docFreqs;
  }
}
