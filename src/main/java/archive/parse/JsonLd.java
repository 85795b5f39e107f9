package archive.parse;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads values from a page's {@code <script type="application/ld+json">} blocks: single objects,
 * arrays and {@code @graph} lists alike. Blocks that are not JSON are skipped; nothing here throws.
 */
final class JsonLd {

  /** Objects nest a few levels in practice (graph, article, author); deeper is never a date. */
  private static final int MAX_DEPTH = 6;

  private final List<JsonElement> blocks;

  private JsonLd(List<JsonElement> blocks) {
    this.blocks = blocks;
  }

  /** Parses every JSON-LD block of a page. */
  static JsonLd of(Document doc) {
    List<JsonElement> blocks = new ArrayList<>();
    for (Element script : doc.getElementsByTag("script")) {
      if (script.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
        try {
          blocks.add(JsonParser.parseString(script.data()));
        } catch (JsonParseException e) {
          // hand-written JSON-LD is often broken; the page's other date sources still apply
        }
      }
    }
    return new JsonLd(blocks);
  }

  /** The first string value of a key, searching objects depth-first in document order. */
  @Nullable String first(String key) {
    for (JsonElement block : blocks) {
      JsonElement found = findValue(block, key, 0, JsonElement::isJsonPrimitive);
      if (found != null) {
        return found.getAsString();
      }
    }
    return null;
  }

  /**
   * The strings of the first value of a key: each item of an array of strings, or a string split at
   * commas ({@code "keywords": "a, b"} and {@code "keywords": ["a", "b"]} alike).
   */
  List<String> strings(String key) {
    for (JsonElement block : blocks) {
      JsonElement found = findValue(block, key, 0, v -> v.isJsonPrimitive() || v.isJsonArray());
      if (found == null) {
        continue;
      }
      List<String> values = new ArrayList<>();
      if (found.isJsonArray()) {
        for (JsonElement item : found.getAsJsonArray()) {
          if (item.isJsonPrimitive()) {
            values.add(item.getAsString());
          }
        }
      } else if (found.isJsonPrimitive()) {
        values.addAll(Keywords.split(found.getAsString()));
      }
      return values;
    }
    return List.of();
  }

  /** The first value of a key that a test accepts, depth-first in document order. */
  private static @Nullable JsonElement findValue(
      JsonElement element, String key, int depth, Predicate<JsonElement> accept) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    if (element.isJsonArray()) {
      for (JsonElement item : element.getAsJsonArray()) {
        JsonElement found = findValue(item, key, depth + 1, accept);
        if (found != null) {
          return found;
        }
      }
    } else if (element.isJsonObject()) {
      JsonElement value = element.getAsJsonObject().get(key);
      if (value != null && accept.test(value)) {
        return value;
      }
      for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
        JsonElement found = findValue(entry.getValue(), key, depth + 1, accept);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
