package archive.parse;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
      String found = find(block, key, 0);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static @Nullable String find(JsonElement element, String key, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    if (element.isJsonArray()) {
      for (JsonElement item : element.getAsJsonArray()) {
        String found = find(item, key, depth + 1);
        if (found != null) {
          return found;
        }
      }
    } else if (element.isJsonObject()) {
      JsonElement value = element.getAsJsonObject().get(key);
      if (value != null && value.isJsonPrimitive()) {
        return value.getAsString();
      }
      for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
        String found = find(entry.getValue(), key, depth + 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
