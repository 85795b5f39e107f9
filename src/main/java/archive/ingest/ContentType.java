package archive.ingest;

import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A response's {@code Content-Type}, split into the parts the crawler uses.
 *
 * @param mediaType lowercase type and subtype, such as {@code text/html}; empty if none was sent
 * @param charset the {@code charset} parameter without quotes; null if absent
 */
record ContentType(String mediaType, @Nullable String charset) {

  /** Checks the parts. */
  ContentType {
    Objects.requireNonNull(mediaType, "mediaType");
  }

  /** The first {@code Content-Type} among the headers; an empty media type if there is none. */
  static ContentType of(HttpHeaders headers) {
    return parse(headers.firstValue("Content-Type").orElse(""));
  }

  /** Splits a header value such as {@code text/html; charset="utf-8"}; never throws. */
  static ContentType parse(String value) {
    String[] parts = value.split(";");
    String charset = null;
    for (int i = 1; i < parts.length; i++) {
      String[] pair = parts[i].split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
        charset = unquoted(pair[1].trim());
      }
    }
    return new ContentType(parts[0].trim().toLowerCase(Locale.ROOT), charset);
  }

  private static @Nullable String unquoted(String value) {
    String bare =
        value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
            ? value.substring(1, value.length() - 1)
            : value;
    return bare.isEmpty() ? null : bare;
  }
}
