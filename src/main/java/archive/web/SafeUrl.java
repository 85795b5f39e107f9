package archive.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for every link to an entry that the server shows, on its pages, in its JSON and in
 * its feeds: only {@code http:}, {@code https:} and site-relative ({@code /a/b}) URLs pass; {@code
 * javascript:}, {@code data:}, protocol-relative ({@code //host}) and anything else do not, in any
 * letter case and whatever tabs or line breaks are hidden in them (browsers drop those before
 * reading a URL, so {@code java\tscript:} is {@code javascript:} to them).
 */
final class SafeUrl {

  private SafeUrl() {}

  /** The URL as a browser would read it, when it may be linked; null when it may not. */
  static @Nullable String of(@Nullable String url) {
    if (url == null) {
      return null;
    }
    StringBuilder read = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        read.append(c);
      }
    }
    String clean = read.toString().strip();
    String lower = clean.toLowerCase(Locale.ROOT);
    boolean safe =
        lower.startsWith("http://")
            || lower.startsWith("https://")
            || lower.startsWith("/") && !lower.startsWith("//") && !lower.startsWith("/\\");
    return safe && clean.chars().noneMatch(c -> c < 0x20 || c == 0x7f) ? clean : null;
  }
}
