package archive.index;

import archive.index.Schema.Bookkeeping;
import archive.parse.Entry;
import archive.parse.Kind;
import archive.parse.Section;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Solr documents of a site's entries: the same fields as the embedded index's {@link Schema},
 * each text twice (stems, words as written) in the profile of the entry's language.
 */
final class SolrDocs {

  private SolrDocs() {}

  static JsonObject entry(String site, Entry entry, Bookkeeping bookkeeping) throws IOException {
    String kind = entry.kind() == Kind.LIST ? Fields.KIND_LIST : Fields.KIND_ENTRY;
    JsonObject doc = keys(site, entry.id(), kind);
    doc.addProperty(SolrFields.BOOKKEEPING, bookkeeping(bookkeeping.of(entry.id(), kind, null)));
    doc.addProperty(Fields.PATH, entry.path());
    doc.addProperty(Fields.URL, entry.url());
    doc.addProperty(Fields.LANG, entry.lang());
    String profile = SolrFields.profile(entry.lang());
    text(doc, profile, Fields.TITLE, entry.title());
    if (entry.subtitle() != null) {
      text(doc, profile, Fields.SUBTITLE, entry.subtitle());
    }
    text(
        doc,
        profile,
        Fields.HEADINGS,
        entry.sections().stream().map(Section::heading).collect(Collectors.joining("\n")));
    text(doc, profile, Fields.BODY, entry.text());
    tags(doc, profile, entry.tags());
    if (entry.date() != null) {
      doc.addProperty(Fields.DATE, entry.date().toEpochDay());
      doc.addProperty(Fields.YEAR, entry.date().getYear());
      doc.addProperty(
          SolrFields.MONTH, entry.date().getYear() * 100 + entry.date().getMonthValue());
    }
    sections(doc, entry.sections());
    if (entry.draft()) {
      doc.addProperty(Fields.DRAFT, true);
    }
    return doc;
  }

  static JsonObject skipped(String site, String id, String reason, Bookkeeping bookkeeping)
      throws IOException {
    JsonObject doc = keys(site, id, Fields.KIND_SKIPPED);
    doc.addProperty(
        SolrFields.BOOKKEEPING, bookkeeping(bookkeeping.of(id, Fields.KIND_SKIPPED, reason)));
    return doc;
  }

  /** The document that holds what a site's last run recorded. */
  static JsonObject run(String site, Map<String, String> data) {
    JsonObject doc = new JsonObject();
    doc.addProperty("id", SolrFields.runKey(site));
    doc.addProperty(SolrFields.SITE, site);
    doc.addProperty(Fields.KIND, SolrFields.KIND_RUN);
    JsonObject meta = new JsonObject();
    data.forEach(meta::addProperty);
    doc.addProperty(SolrFields.META, meta.toString());
    return doc;
  }

  private static JsonObject keys(String site, String id, String kind) {
    JsonObject doc = new JsonObject();
    doc.addProperty("id", SolrFields.key(site, id));
    doc.addProperty(SolrFields.SITE, site);
    doc.addProperty(SolrFields.ENTRY_ID, id);
    doc.addProperty(Fields.KIND, kind);
    return doc;
  }

  private static String bookkeeping(KnownDocs.Known known) throws IOException {
    return Base64.getEncoder().encodeToString(known.bytes());
  }

  private static void text(JsonObject doc, String profile, String field, String value) {
    doc.addProperty(SolrFields.text(field, profile, false), value);
    doc.addProperty(SolrFields.text(field, profile, true), value);
  }

  private static void tags(JsonObject doc, String profile, List<String> tags) {
    Set<String> keys = new LinkedHashSet<>();
    JsonArray keyed = new JsonArray();
    JsonArray shown = new JsonArray();
    for (String tag : tags) {
      String key = Fields.tagKey(tag);
      if (!key.isEmpty() && keys.add(key)) {
        keyed.add(key);
        shown.add(tag.strip());
      }
    }
    if (!keys.isEmpty()) {
      doc.add(Fields.TAG, keyed);
      doc.add(Fields.TAG_DISPLAY, shown);
      text(doc, profile, Fields.TAGS_TEXT, String.join("\n", tags));
    }
  }

  private static void sections(JsonObject doc, List<Section> sections) {
    JsonArray headings = new JsonArray();
    JsonArray anchors = new JsonArray();
    JsonArray levels = new JsonArray();
    JsonArray starts = new JsonArray();
    int start = 0;
    for (Section section : sections) {
      headings.add(section.heading());
      anchors.add(section.anchor());
      levels.add(section.level());
      starts.add(start);
      start += section.text().length() + 1; // Entry.text() puts one separator between sections
    }
    doc.addProperty(
        SolrFields.SECTIONS, sections.stream().filter(s -> !s.heading().isEmpty()).count());
    if (!sections.isEmpty()) {
      doc.add(Fields.SECTION_HEADING, headings);
      doc.add(Fields.SECTION_ANCHOR, anchors);
      doc.add(Fields.SECTION_LEVEL, levels);
      doc.add(Fields.SECTION_START, starts);
    }
  }
}
