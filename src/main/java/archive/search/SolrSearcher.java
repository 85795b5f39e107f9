package archive.search;

import archive.index.Fields;
import archive.index.IndexStats;
import archive.index.SolrCollection;
import archive.index.SolrFields;
import archive.index.SolrHttp;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.jspecify.annotations.Nullable;

/**
 * Answers searches from a SolrCloud collection, one site's entries or every site's, with the same
 * answers' shape as the embedded index: the query is parsed here as for the embedded index and sent
 * as Solr's XML query; snippets and sections are made here from the stored text. Each request sees
 * the collection's latest commit.
 */
final class SolrSearcher implements Searcher {

  private final SolrCollection collection;
  private final @Nullable String site;
  private final SolrHttp http;

  private SolrSearcher(SolrCollection collection, @Nullable String site) {
    this.collection = collection;
    this.site = site;
    this.http = new SolrHttp(collection);
  }

  static SolrSearcher open(SolrCollection collection, @Nullable String site) throws IOException {
    Objects.requireNonNull(collection, "collection");
    SolrSearcher searcher = new SolrSearcher(collection, site);
    searcher.count(Fields.KIND_ENTRY); // fails now, with the address, when Solr does not answer
    return searcher;
  }

  /** Parameters of a request to Solr, in order, a name possibly repeated. */
  static final class Params {
    final Map<String, List<String>> values = new LinkedHashMap<>();

    Params add(String name, Object value) {
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(String.valueOf(value));
      return this;
    }
  }

  /** A term query in Solr's local-parameter syntax; the value is taken as is. */
  static String term(String field, String value) {
    return "{!term f=" + field + "}" + value;
  }

  /** Runs a query of the collection, within the site when one is given. */
  JsonObject select(Params params, String what) throws IOException {
    if (site != null) {
      params.add("fq", term(SolrFields.SITE, site));
    }
    return http.form(
        collection.name() + "/select",
        params.values,
        SolrHttp.QUERY_TIMEOUT,
        what + " in " + collection.name());
  }

  /** A request to another handler of the collection, such as {@code terms}. */
  JsonObject request(String handler, Params params, String what) throws IOException {
    return http.form(
        collection.name() + "/" + handler,
        params.values,
        SolrHttp.QUERY_TIMEOUT,
        what + " in " + collection.name());
  }

  static List<JsonObject> docs(JsonObject answer) {
    List<JsonObject> docs = new ArrayList<>();
    for (JsonElement doc : answer.getAsJsonObject("response").getAsJsonArray("docs")) {
      docs.add(doc.getAsJsonObject());
    }
    return docs;
  }

  static long found(JsonObject answer) {
    return answer.getAsJsonObject("response").get("numFound").getAsLong();
  }

  private long count(String kind) throws IOException {
    return found(
        select(new Params().add("q", term(Fields.KIND, kind)).add("rows", 0), "count entries"));
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    return new SearchRun(new SolrEngine(this), request).run();
  }

  @Override
  public List<Listing> listings(@Nullable Integer year, @Nullable String tag, int max)
      throws IOException {
    if (max < 1 || max > MAX_LISTING) {
      throw new IllegalArgumentException("max not in 1.." + MAX_LISTING + ": " + max);
    }
    Params params =
        new Params()
            .add("q", term(Fields.KIND, Fields.KIND_ENTRY))
            .add("sort", Fields.DATE + " desc,id asc")
            .add("rows", max)
            .add("fl", SolrStored.LISTING_FIELDS);
    if (year != null) {
      params.add("fq", term(Fields.YEAR, year.toString()));
    }
    if (tag != null) {
      params.add("fq", term(Fields.TAG, Fields.tagKey(tag)));
    }
    List<Listing> listings = new ArrayList<>();
    for (JsonObject doc : docs(select(params, "list entries"))) {
      listings.add(Listings.listing(SolrStored.document(doc)));
    }
    return listings;
  }

  /** The stored document of the entry or list page at a URL, or null. */
  private @Nullable JsonObject docAt(String url) throws IOException {
    Params params =
        new Params()
            .add("q", term(Fields.URL, url))
            .add(
                "fq",
                "-" + Fields.KIND + ":(" + Fields.KIND_SKIPPED + " OR " + SolrFields.KIND_RUN + ")")
            .add("sort", "id asc")
            .add("rows", 1)
            .add("fl", SolrStored.FIELDS);
    List<JsonObject> docs = docs(select(params, "find the entry at " + url));
    return docs.isEmpty() ? null : docs.get(0);
  }

  @Override
  public Optional<StoredEntry> entryAt(String url) throws IOException {
    Objects.requireNonNull(url, "url");
    JsonObject doc = docAt(url);
    return doc == null
        ? Optional.empty()
        : Optional.of(EntryLookup.stored(SolrStored.document(doc)));
  }

  @Override
  public Neighbours neighbours(String url) throws IOException {
    Objects.requireNonNull(url, "url");
    JsonObject self = docAt(url);
    if (self == null || !self.has(Fields.DATE) || !self.has(SolrFields.ENTRY_ID)) {
      return Neighbours.NONE;
    }
    long day = self.get(Fields.DATE).getAsLong();
    String id = quoted(self.get(SolrFields.ENTRY_ID).getAsString());
    String older =
        Fields.DATE
            + ":[* TO "
            + (day - 1)
            + "] OR ("
            + Fields.DATE
            + ":"
            + day
            + " AND "
            + SolrFields.ENTRY_ID
            + ":{* TO "
            + id
            + "})";
    String newer =
        Fields.DATE
            + ":["
            + (day + 1)
            + " TO *] OR ("
            + Fields.DATE
            + ":"
            + day
            + " AND "
            + SolrFields.ENTRY_ID
            + ":{"
            + id
            + " TO *})";
    return new Neighbours(
        closest(older, Fields.DATE + " desc," + SolrFields.ENTRY_ID + " desc"),
        closest(newer, Fields.DATE + " asc," + SolrFields.ENTRY_ID + " asc"));
  }

  /** A value quoted for Solr's classic syntax. */
  static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private @Nullable Listing closest(String range, String sort) throws IOException {
    Params params =
        new Params()
            .add("q", term(Fields.KIND, Fields.KIND_ENTRY))
            .add("fq", range)
            .add("sort", sort)
            .add("rows", 1)
            .add("fl", SolrStored.LISTING_FIELDS);
    List<JsonObject> docs = docs(select(params, "find the entries beside another"));
    return docs.isEmpty() ? null : Listings.listing(SolrStored.document(docs.get(0)));
  }

  @Override
  public List<Listing> related(String url, int max) throws IOException {
    Objects.requireNonNull(url, "url");
    if (max < 1 || max > MAX_RELATED) {
      throw new IllegalArgumentException("max not in 1.." + MAX_RELATED + ": " + max);
    }
    JsonObject self = docAt(url);
    return self == null || !self.has("id") ? List.of() : new SolrRelated(this).related(self, max);
  }

  /**
   * How many documents the collection holds, of every site (as its terms' document frequencies
   * count them), its sites' run documents left out.
   */
  long documents() throws IOException {
    JsonObject answer =
        http.form(
            collection.name() + "/select",
            new Params()
                .add("q", "*:* -" + Fields.KIND + ":" + SolrFields.KIND_RUN)
                .add("rows", 0)
                .values,
            SolrHttp.QUERY_TIMEOUT,
            "count the documents in " + collection.name());
    return found(answer);
  }

  /**
   * The run documents as last read: what the pages name the blog by on every request, so read once
   * and again at each {@link #refresh()}, as the embedded index reads its commit's data.
   */
  private volatile @Nullable List<Map<String, String>> runs;

  private List<Map<String, String>> runs() throws IOException {
    List<Map<String, String>> read = runs;
    if (read == null) {
      read = readRuns();
      runs = read;
    }
    return read;
  }

  /** The run documents of the site, or of every site. */
  private List<Map<String, String>> readRuns() throws IOException {
    Params params =
        new Params()
            .add("q", term(Fields.KIND, SolrFields.KIND_RUN))
            .add("sort", "id asc")
            .add("rows", 1000)
            .add("fl", SolrFields.META);
    List<Map<String, String>> runs = new ArrayList<>();
    for (JsonObject doc : docs(select(params, "read the last runs"))) {
      runs.add(SolrFields.runData(doc.get(SolrFields.META).getAsString()));
    }
    return runs;
  }

  /** Where the site's entries came from; unknown when the collection holds several sites. */
  @Override
  public Optional<IndexSource> source() throws IOException {
    List<Map<String, String>> runs = runs();
    return runs.size() == 1
        ? Optional.ofNullable(EntryLookup.source(runs.get(0)))
        : Optional.empty();
  }

  /** Counts of a facet over the entries: value and count, in Solr's order. */
  private List<Map.Entry<String, Long>> facet(String field, String sort, int limit)
      throws IOException {
    JsonObject facet = new JsonObject();
    JsonObject terms = new JsonObject();
    terms.addProperty("type", "terms");
    terms.addProperty("field", field);
    terms.addProperty("limit", limit);
    terms.addProperty("sort", sort);
    facet.add("f", terms);
    Params params =
        new Params()
            .add("q", term(Fields.KIND, Fields.KIND_ENTRY))
            .add("rows", 0)
            .add("json.facet", facet.toString());
    return SolrEngine.buckets(select(params, "count entries by " + field), "f");
  }

  @Override
  public List<Facets.TagCount> tags() throws IOException {
    return Facets.mostUsedFirst(facet(Fields.TAG, "count desc", -1));
  }

  @Override
  public Map<Integer, int[]> calendar() throws IOException {
    Map<Integer, int[]> years = new TreeMap<>(Comparator.reverseOrder());
    for (Map.Entry<String, Long> month : facet(SolrFields.MONTH, "index asc", -1)) {
      int value = Integer.parseInt(month.getKey());
      years.computeIfAbsent(value / 100, y -> new int[12])[value % 100 - 1] =
          month.getValue().intValue();
    }
    return years;
  }

  @Override
  public List<Suggestion> suggest(String prefixText, int limit) throws IOException {
    Objects.requireNonNull(prefixText, "prefixText");
    if (limit < 1 || limit > MAX_SUGGESTIONS) {
      throw new IllegalArgumentException("limit not in 1.." + MAX_SUGGESTIONS + ": " + limit);
    }
    return new SolrSuggester(this).suggest(prefixText, limit);
  }

  /**
   * What the collection holds of the site, or of every site: counts from facets, the last run's
   * time and source. The size on disk is Solr's, spread over its nodes: not known here (-1).
   */
  @Override
  public IndexStats stats() throws IOException {
    JsonObject facets = new JsonObject();
    facets.addProperty("first", "min(" + Fields.DATE + ")");
    facets.addProperty("last", "max(" + Fields.DATE + ")");
    facets.addProperty("sections", "sum(" + SolrFields.SECTIONS + ")");
    JsonObject years = new JsonObject();
    years.addProperty("type", "terms");
    years.addProperty("field", Fields.YEAR);
    years.addProperty("limit", -1);
    facets.add("years", years);
    JsonObject tags = new JsonObject();
    tags.addProperty("type", "terms");
    tags.addProperty("field", Fields.TAG);
    tags.addProperty("limit", 10);
    facets.add("tags", tags);
    JsonObject answer =
        select(
            new Params()
                .add("q", term(Fields.KIND, Fields.KIND_ENTRY))
                .add("rows", 0)
                .add("json.facet", facets.toString()),
            "count what the index holds");
    JsonObject counted = answer.getAsJsonObject("facets");
    Map<Integer, Integer> perYear = new TreeMap<>();
    SolrEngine.buckets(answer, "years")
        .forEach(e -> perYear.put(Integer.parseInt(e.getKey()), e.getValue().intValue()));
    List<Map.Entry<String, Integer>> topTags = new ArrayList<>();
    SolrEngine.buckets(answer, "tags")
        .forEach(e -> topTags.add(Map.entry(e.getKey(), e.getValue().intValue())));
    List<Map<String, String>> runs = runs();
    Map<String, String> last = runs.size() == 1 ? runs.get(0) : Map.of();
    Instant indexedAt = null;
    for (Map<String, String> run : runs) {
      Instant at = IndexStats.instant(run.get("indexedAt"));
      indexedAt = at != null && (indexedAt == null || at.isAfter(indexedAt)) ? at : indexedAt;
    }
    return new IndexStats(
        (int) found(answer),
        (int) count(Fields.KIND_LIST),
        counted.has("sections") ? counted.get("sections").getAsLong() : 0,
        day(counted, "first"),
        day(counted, "last"),
        perYear,
        topTags,
        -1,
        indexedAt,
        last.get("source"),
        last.get("sourceKind"));
  }

  private static @Nullable LocalDate day(JsonObject facets, String name) {
    return facets.has(name) ? LocalDate.ofEpochDay(facets.get(name).getAsLong()) : null;
  }

  /**
   * Searches see Solr's latest commit by themselves; what is read once (where the entries came
   * from) is read again, and a run committed since shows as a change.
   */
  @Override
  public boolean refresh() throws IOException {
    List<Map<String, String>> before = runs;
    List<Map<String, String>> now = readRuns();
    runs = now;
    return !now.equals(before);
  }

  @Override
  public void close() {}

  /** The stored document of a hit as the embedded index would give it. */
  static Document stored(JsonObject doc) {
    return SolrStored.document(doc);
  }
}
