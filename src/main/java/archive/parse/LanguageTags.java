package archive.parse;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Normalises language tags to their lower-case primary subtag ({@code en-US} and {@code en_GB} give
 * {@code en}, {@code zh-Hant-TW} gives {@code zh}). The region is dropped on purpose: the index
 * picks an analyzer by language, and regional variants share one.
 */
final class LanguageTags {

  private LanguageTags() {}

  /** The primary subtag in lower case, or "" when the value is missing or not a language tag. */
  static String primary(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    String tag = value.toString().strip();
    int cut = 0;
    while (cut < tag.length() && isAsciiLetter(tag.charAt(cut))) {
      cut++;
    }
    boolean endsCleanly = cut == tag.length() || tag.charAt(cut) == '-' || tag.charAt(cut) == '_';
    if (cut < 2 || cut > 3 || !endsCleanly) {
      return "";
    }
    return tag.substring(0, cut).toLowerCase(Locale.ROOT);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
