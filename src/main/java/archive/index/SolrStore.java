package archive.index;

import archive.index.EntryIndexer.Progress;
import archive.index.Schema.Bookkeeping;
import archive.parse.Entry;
import archive.parse.Kind;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * One site's part of a SolrCloud collection that several sites may share. A run reads the
 * bookkeeping of the site's documents, sends its changes in batches, and commits at the end with a
 * run document that records what the embedded index keeps as commit data.
 *
 * <p>Until that commit, searches see the collection as the last commit left it: the configset opens
 * no searcher on its automatic commits. Solr cannot roll back in cloud mode, so what a failed run
 * sent stays pending, unseen, until the next commit; the next run reads the committed state, sends
 * its changes again and commits the whole. A commit is the collection's: one site's commit also
 * shows what another site's run has sent so far.
 */
final class SolrStore implements IndexStore {

  /** Documents per update request, and the most bytes one may carry. */
  static final int BATCH_DOCS = 500;

  private static final int BATCH_CHARS = 8 << 20;

  /** Documents per page when the site's bookkeeping is read. */
  private static final int PAGE = 2_000;

  private final SolrCollection collection;
  private final String site;
  private final SolrHttp http;
  private final int batchDocs;
  private final Batch batch = new Batch();

  /**
   * The bookkeeping last read, and the run document it was read under: a watcher's run every few
   * seconds reads the site's whole bookkeeping again only when a run was committed since (5 s for
   * 10,000 entries), as one writer per site keeps it true.
   */
  private @Nullable KnownDocs known;

  private @Nullable Map<String, String> knownUnder;

  private SolrStore(SolrCollection collection, String site, int batchDocs) {
    this.collection = collection;
    this.site = site;
    this.http = new SolrHttp(collection);
    this.batchDocs = batchDocs;
  }

  /**
   * Opens a site's part of a collection, sending at most {@code batchDocs} updates per request.
   *
   * @throws IOException when the collection does not answer, with its address
   */
  static SolrStore open(SolrCollection collection, String site, int batchDocs) throws IOException {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(site, "site");
    if (!site.matches(SolrFields.SITE_PATTERN)) {
      throw new IllegalArgumentException("not a site name: " + site);
    }
    SolrStore store = new SolrStore(collection, site, batchDocs);
    store.commitData(); // fails now, with the address, when the collection does not answer
    return store;
  }

  @Override
  public String name() {
    return "the site " + site + " in " + collection;
  }

  private String path(String handler) {
    return collection.name() + "/" + handler;
  }

  private JsonObject select(Map<String, List<String>> params, String what) throws IOException {
    Map<String, List<String>> all = new LinkedHashMap<>(params);
    all.put("fq", List.of("{!term f=" + SolrFields.SITE + "}" + site));
    return http.form(path("select"), all, SolrHttp.QUERY_TIMEOUT, what);
  }

  @Override
  public Map<String, String> commitData() throws IOException {
    JsonObject answer =
        select(
            Map.of(
                "q", List.of("{!term f=id}" + SolrFields.runKey(site)),
                "fl", List.of(SolrFields.META)),
            "read the last run of " + site + " in " + collection.name());
    Map<String, String> data = new HashMap<>();
    for (JsonElement doc : docs(answer)) {
      JsonElement meta = doc.getAsJsonObject().get(SolrFields.META);
      if (meta != null) {
        data.putAll(SolrFields.runData(meta.getAsString()));
      }
    }
    return data;
  }

  private static List<JsonElement> docs(JsonObject answer) {
    return answer.getAsJsonObject("response").getAsJsonArray("docs").asList();
  }

  @Override
  public boolean exists() throws IOException {
    return !commitData().isEmpty();
  }

  @Override
  public KnownDocs knownDocs() throws IOException {
    Map<String, String> run = commitData();
    KnownDocs kept = known;
    if (kept != null && run.equals(knownUnder)) {
      return kept;
    }
    kept = readKnownDocs();
    known = kept;
    knownUnder = run;
    return kept;
  }

  /** Pages through the site's documents in id order with a cursor, as Solr recommends. */
  private KnownDocs readKnownDocs() throws IOException {
    List<KnownDocs.Known> known = new ArrayList<>();
    String cursor = "*";
    while (true) {
      JsonObject answer =
          select(
              Map.of(
                  "q", List.of("*:*"),
                  "fl", List.of(SolrFields.BOOKKEEPING),
                  "sort", List.of("id asc"),
                  "rows", List.of(Integer.toString(PAGE)),
                  "cursorMark", List.of(cursor)),
              "read what the last run of " + site + " indexed");
      for (JsonElement doc : docs(answer)) {
        JsonElement bytes = doc.getAsJsonObject().get(SolrFields.BOOKKEEPING);
        if (bytes != null) {
          known.add(
              KnownDocs.Known.read(new BytesRef(Base64.getDecoder().decode(bytes.getAsString()))));
        }
      }
      String next = answer.get("nextCursorMark").getAsString();
      if (next.equals(cursor)) {
        return KnownDocs.of(known);
      }
      cursor = next;
    }
  }

  @Override
  public DocSink sink() {
    return batch;
  }

  @Override
  public void deleteAll() throws IOException {
    batch.deleteSite();
  }

  @Override
  public boolean hasUncommittedChanges() {
    return batch.changed();
  }

  @Override
  public int pendingEntries(KnownDocs known) {
    return batch.entriesAfter(known);
  }

  /** Solr merges segments by its own policy. */
  @Override
  public void compact(Tally tally, int before, Progress progress) {}

  @Override
  public void commit(Map<String, String> data) throws IOException {
    known = null; // what the run wrote is read afresh by the next
    batch.add("add", addCommand(SolrDocs.run(site, data)));
    batch.flush();
    http.json(
        path("update"),
        "{\"commit\":{\"waitSearcher\":true}}",
        SolrHttp.UPDATE_TIMEOUT,
        "commit the run of " + site + " to " + collection.name());
    batch.reset();
  }

  @Override
  public void rollback() {
    known = null; // batches already sent stay pending: read afresh
    batch.reset();
  }

  @Override
  public IOException failed(Exception e) {
    known = null;
    batch.reset();
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    return (IOException) e;
  }

  @Override
  public int count(String kind) throws IOException {
    JsonObject answer =
        select(
            Map.of(
                "q", List.of("{!term f=" + Fields.KIND + "}" + kind),
                "rows", List.of("0")),
            "count the documents of " + site);
    return answer.getAsJsonObject("response").get("numFound").getAsInt();
  }

  @Override
  public void close() {
    batch.reset();
  }

  private static JsonObject addCommand(JsonObject doc) {
    JsonObject add = new JsonObject();
    add.add("doc", doc);
    return add;
  }

  /**
   * The run's updates, sent in batches in the order they were made (one request at a time, so a
   * delete never overtakes the write before it), with what the run did to each id for {@link
   * #entriesAfter}.
   */
  private final class Batch implements DocSink {
    private final List<String> commands = new ArrayList<>(); // guarded by this
    private int chars; // guarded by this
    private boolean changed; // guarded by this
    private boolean siteDeleted; // guarded by this
    private final Set<String> entries = new HashSet<>(); // written as entries; guarded by this
    private final Set<String> others = new HashSet<>(); // written otherwise or deleted

    @Override
    public void entry(Entry entry, Bookkeeping bookkeeping) throws IOException {
      JsonObject doc = SolrDocs.entry(site, entry, bookkeeping);
      synchronized (this) {
        if (entry.kind() == Kind.LIST) {
          others.add(entry.id());
          entries.remove(entry.id());
        } else {
          entries.add(entry.id());
          others.remove(entry.id());
        }
        add("add", addCommand(doc));
      }
    }

    @Override
    public void skipped(String id, String reason, Bookkeeping bookkeeping) throws IOException {
      JsonObject doc = SolrDocs.skipped(site, id, reason, bookkeeping);
      synchronized (this) {
        others.add(id);
        entries.remove(id);
        add("add", addCommand(doc));
      }
    }

    @Override
    public synchronized void delete(String id) throws IOException {
      others.add(id);
      entries.remove(id);
      JsonObject delete = new JsonObject();
      delete.addProperty("id", SolrFields.key(site, id));
      add("delete", delete);
    }

    synchronized void deleteSite() throws IOException {
      siteDeleted = true;
      entries.clear();
      others.clear();
      JsonObject delete = new JsonObject();
      delete.addProperty("query", "{!term f=" + SolrFields.SITE + "}" + site);
      add("delete", delete);
    }

    /** Solr's JSON update format takes repeated keys, applied in order. */
    synchronized void add(String command, JsonObject body) throws IOException {
      String text = new JsonPrimitive(command) + ":" + body;
      commands.add(text);
      chars += text.length();
      changed = true;
      if (commands.size() >= batchDocs || chars >= BATCH_CHARS) {
        flush();
      }
    }

    synchronized void flush() throws IOException {
      if (commands.isEmpty()) {
        return;
      }
      String body = "{" + String.join(",", commands) + "}";
      int size = commands.size();
      commands.clear();
      chars = 0;
      http.json(
          path("update"),
          body,
          SolrHttp.UPDATE_TIMEOUT,
          "take a batch of " + size + " updates to " + collection.name());
    }

    synchronized boolean changed() {
      return changed;
    }

    synchronized int entriesAfter(KnownDocs known) {
      int after = 0;
      if (!siteDeleted) {
        for (String id : known.ids()) {
          KnownDocs.Known doc = known.get(id);
          if (doc != null && doc.isEntry() && !others.contains(id) && !entries.contains(id)) {
            after++;
          }
        }
      }
      return after + entries.size();
    }

    synchronized void reset() {
      commands.clear();
      chars = 0;
      changed = false;
      siteDeleted = false;
      entries.clear();
      others.clear();
    }
  }
}
