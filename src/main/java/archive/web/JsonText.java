package archive.web;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes the API's bodies, built as ordered maps and lists, as JSON text, without reflection: each
 * value is one of the few types the bodies hold, written as it is with Gson's streaming writer.
 * Nulls are kept and nothing is HTML-escaped (it is not HTML).
 */
final class JsonText {

  private JsonText() {}

  /**
   * The value as JSON.
   *
   * @param value null, a {@link String}, {@link Number} or {@link Boolean}, an {@code int[]}, or a
   *     {@link Map} with string keys or an {@link Iterable} of such values
   * @throws IllegalArgumentException for any other type
   */
  static String of(Object value) {
    StringWriter text = new StringWriter(1024);
    try (JsonWriter json = new JsonWriter(text)) {
      json.setSerializeNulls(true);
      json.setHtmlSafe(false);
      write(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private static void write(JsonWriter json, Object value) throws IOException {
    if (value == null) {
      json.nullValue();
    } else if (value instanceof String text) {
      json.value(text);
    } else if (value instanceof Boolean bool) {
      json.value(bool);
    } else if (value instanceof Long || value instanceof Integer) {
      json.value(((Number) value).longValue());
    } else if (value instanceof Number number) {
      json.value(number);
    } else if (value instanceof Map<?, ?> map) {
      json.beginObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.name(String.valueOf(entry.getKey()));
        write(json, entry.getValue());
      }
      json.endObject();
    } else if (value instanceof Iterable<?> list) {
      json.beginArray();
      for (Object item : list) {
        write(json, item);
      }
      json.endArray();
    } else if (value instanceof int[] numbers) {
      json.beginArray();
      for (int number : numbers) {
        json.value(number);
      }
      json.endArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }
}
