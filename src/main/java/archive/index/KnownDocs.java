package archive.index;

import archive.ingest.Revisit;
import archive.ingest.Validators;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.jspecify.annotations.Nullable;

/** What the index held before this run, by id: enough to skip, replace or delete each document. */
final class KnownDocs {

  private static final Set<String> FIELDS =
      Set.of(
          Fields.ID,
          Fields.KIND,
          Fields.HASH,
          Fields.SOURCE_STAT,
          Fields.SAME_AS_KEY,
          Fields.SKIP_REASON,
          Fields.ETAG,
          Fields.LAST_MODIFIED,
          Fields.SITEMAP_LASTMOD,
          Fields.LINK);

  /** One document as the previous run left it. */
  record Known(
      String id,
      String kind,
      String hash,
      String sourceStat,
      List<String> sameAsKeys,
      @Nullable String skipReason,
      @Nullable Revisit revisit) {

    boolean isSkipped() {
      return Fields.KIND_SKIPPED.equals(kind);
    }

    boolean isEntry() {
      return Fields.KIND_ENTRY.equals(kind);
    }
  }

  private final Map<String, Known> byId;

  private KnownDocs(Map<String, Known> byId) {
    this.byId = byId;
  }

  /** Nothing known: a new or rebuilt index. */
  static KnownDocs none() {
    return new KnownDocs(new ConcurrentHashMap<>());
  }

  /** Reads the bookkeeping fields of every live document. */
  static KnownDocs load(DirectoryReader reader) throws IOException {
    Map<String, Known> byId = new ConcurrentHashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader leafReader = leaf.reader();
      Bits live = leafReader.getLiveDocs();
      StoredFields stored = leafReader.storedFields();
      for (int doc = 0; doc < leafReader.maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          Known known = known(stored.document(doc, FIELDS));
          byId.put(known.id(), known);
        }
      }
    }
    return new KnownDocs(byId);
  }

  private static Known known(Document doc) {
    return new Known(
        doc.get(Fields.ID),
        doc.get(Fields.KIND),
        doc.get(Fields.HASH),
        doc.get(Fields.SOURCE_STAT),
        List.of(doc.getValues(Fields.SAME_AS_KEY)),
        doc.get(Fields.SKIP_REASON),
        revisit(doc));
  }

  /** What a crawl kept of a page it fetched; null for files, and for pages that kept nothing. */
  private static @Nullable Revisit revisit(Document doc) {
    Validators validators = new Validators(doc.get(Fields.ETAG), doc.get(Fields.LAST_MODIFIED));
    Instant lastmod = IndexStats.instant(doc.get(Fields.SITEMAP_LASTMOD)); // null: ask instead
    List<String> links = List.of(doc.getValues(Fields.LINK));
    if (validators.isEmpty() && lastmod == null && links.isEmpty()) {
      return null;
    }
    return new Revisit(validators, links, lastmod);
  }

  @Nullable Known get(String id) {
    return byId.get(id);
  }

  Set<String> ids() {
    return byId.keySet();
  }

  /** How many of the documents are entries (not list pages, not skipped sources). */
  int entries() {
    return (int) byId.values().stream().filter(Known::isEntry).count();
  }

  /** What the last crawl kept of each page it fetched, by address, for the next crawl. */
  Map<URI, Revisit> revisits() {
    Map<URI, Revisit> revisits = new HashMap<>();
    for (Known known : byId.values()) {
      if (known.revisit() != null && known.id().startsWith("http")) {
        try {
          revisits.put(new URI(known.id()), known.revisit());
        } catch (URISyntaxException e) {
          // not an address this crawler wrote: the page is fetched afresh
        }
      }
    }
    return revisits;
  }
}
