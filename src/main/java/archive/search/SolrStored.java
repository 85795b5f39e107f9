package archive.search;

import archive.index.Fields;
import archive.index.SolrFields;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;

/**
 * A Solr document's stored fields under the embedded index's names, so that what reads a stored
 * entry (hits, listings, sections) reads one from Solr unchanged.
 */
final class SolrStored {

  /** The stored fields a search or an entry page asks Solr for. */
  static final String FIELDS =
      String.join(
          ",",
          "id",
          SolrFields.ENTRY_ID,
          SolrFields.SITE,
          Fields.PATH,
          Fields.URL,
          Fields.KIND,
          Fields.LANG,
          Fields.DRAFT,
          Fields.TAG_DISPLAY,
          Fields.DATE,
          "sec_*",
          Fields.TITLE + "_*",
          Fields.SUBTITLE + "_*",
          Fields.BODY + "_*");

  /** What a listing shows. */
  static final String LISTING_FIELDS =
      String.join(
          ",",
          "id",
          SolrFields.ENTRY_ID,
          Fields.URL,
          Fields.DATE,
          Fields.TAG_DISPLAY,
          Fields.TITLE + "_*");

  private static final List<String> STRINGS =
      List.of(Fields.PATH, Fields.URL, Fields.KIND, Fields.LANG);

  private SolrStored() {}

  static Document document(JsonObject json) {
    Document doc = new Document();
    if (json.has(SolrFields.ENTRY_ID)) {
      doc.add(new StoredField(Fields.ID, json.get(SolrFields.ENTRY_ID).getAsString()));
    }
    for (String field : STRINGS) {
      if (json.has(field)) {
        doc.add(new StoredField(field, json.get(field).getAsString()));
      }
    }
    for (String field : List.of(Fields.TITLE, Fields.SUBTITLE, Fields.BODY)) {
      for (String profile : SolrFields.PROFILES) {
        JsonElement value = json.get(SolrFields.text(field, profile, false));
        if (value != null) {
          doc.add(new StoredField(field, value.getAsString()));
        }
      }
    }
    if (json.has(Fields.DATE)) {
      doc.add(new StoredField(Fields.DATE, json.get(Fields.DATE).getAsLong()));
    }
    if (json.has(Fields.DRAFT) && json.get(Fields.DRAFT).getAsBoolean()) {
      doc.add(new StoredField(Fields.DRAFT, "true"));
    }
    strings(doc, json, Fields.TAG_DISPLAY);
    strings(doc, json, Fields.SECTION_HEADING);
    strings(doc, json, Fields.SECTION_ANCHOR);
    ints(doc, json, Fields.SECTION_LEVEL);
    ints(doc, json, Fields.SECTION_START);
    return doc;
  }

  private static void strings(Document doc, JsonObject json, String field) {
    if (json.has(field)) {
      for (JsonElement value : json.getAsJsonArray(field)) {
        doc.add(new StoredField(field, value.getAsString()));
      }
    }
  }

  private static void ints(Document doc, JsonObject json, String field) {
    if (json.has(field)) {
      for (JsonElement value : json.getAsJsonArray(field)) {
        doc.add(new StoredField(field, value.getAsInt()));
      }
    }
  }
}
