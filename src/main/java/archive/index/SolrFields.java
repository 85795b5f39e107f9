package archive.index;

import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The field names of archive's SolrCloud schema ({@code solr/schema.xml}) where they differ from
 * the embedded index's {@link Fields}. Each text field is two there: {@code NAME_PROFILE} holds
 * stems (and the stored text) and {@code NAME_PROFILEx} the words as written, where the embedded
 * index keeps both in one field, the written form marked with {@link Analysis#EXACT_MARK}.
 */
public final class SolrFields {

  /** The site a document belongs to. */
  public static final String SITE = "site";

  /**
   * The entry's id within its site ({@link Fields#ID}); Solr's {@code id} is unique across sites.
   */
  public static final String ENTRY_ID = "eid";

  /** A document's bookkeeping, as the embedded index keeps it, base64. */
  static final String BOOKKEEPING = "bk";

  /** An entry's year and month, {@code year * 100 + month}, for the calendar. */
  public static final String MONTH = "month";

  /** How many of an entry's sections have a heading. */
  public static final String SECTIONS = "sections";

  /** The run document's data, a JSON object. */
  public static final String META = "meta";

  /** The {@link Fields#KIND} of a site's run document. */
  public static final String KIND_RUN = "run";

  /** A site's name: letters, digits, '.', '_' and '-', as a host or folder name would give. */
  public static final String SITE_PATTERN = "[A-Za-z0-9._-]{1,100}";

  /** Profile suffixes: English (stemmed), plain (no stemmer), Chinese, Japanese and Korean. */
  public static final List<String> PROFILES = List.of("en", "plain", "cjk");

  private SolrFields() {}

  /** Solr's unique key for an entry of a site. */
  public static String key(String site, String entryId) {
    return site + ":" + entryId;
  }

  /** What a run document's {@link #META} holds: what the site's last run recorded. */
  public static Map<String, String> runData(String meta) {
    Map<String, String> data = new HashMap<>();
    JsonParser.parseString(meta)
        .getAsJsonObject()
        .entrySet()
        .forEach(e -> data.put(e.getKey(), e.getValue().getAsString()));
    return data;
  }

  /** The key of a site's run document, which holds what its last run recorded. */
  public static String runKey(String site) {
    return site + ":";
  }

  /** The profile suffix of a language, as the embedded analysis chooses one. */
  public static String profile(String lang) {
    return switch (Analysis.profile(lang)) {
      case ENGLISH -> "en";
      case PLAIN -> "plain";
      case CJK -> "cjk";
    };
  }

  /**
   * The Solr field of an embedded text field in a profile: its stems, or its words as written.
   *
   * @param field one of {@link Fields#TEXT_FIELDS}
   */
  public static String text(String field, String profile, boolean exact) {
    return field + "_" + profile + (exact ? "x" : "");
  }
}
