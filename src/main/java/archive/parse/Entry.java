package archive.parse;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One blog entry as read from its source, ready to be indexed.
 *
 * @param id stable identity of the entry: its path relative to the indexed root, or the address a
 *     crawled page was fetched from
 * @param path the source file's path relative to the indexed root ({@code /} separators), or the
 *     path of a crawled page's address
 * @param url the public URL: absolute when a base URL was given, else site-relative ({@code
 *     /a/b.html})
 * @param title the title; never blank (falls back to the file name)
 * @param subtitle subtitle or description, or null
 * @param date the publication date as the author wrote it (no time zone shift), or null
 * @param updated the last-modified date, or null
 * @param tags tags as written, without duplicates
 * @param categories categories as written, without duplicates
 * @param lang a BCP 47 language tag such as {@code en} or {@code ja}; empty when unknown
 * @param kind entry or list page
 * @param draft whether the source marks it as a draft
 * @param sections the sections in document order; the lead (level 0) comes first when present
 */
public record Entry(
    String id,
    String path,
    String url,
    String title,
    @Nullable String subtitle,
    @Nullable LocalDate date,
    @Nullable LocalDate updated,
    List<String> tags,
    List<String> categories,
    String lang,
    Kind kind,
    boolean draft,
    List<Section> sections) {

  /** Checks and copies the parts. */
  public Entry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(kind, "kind");
    if (title.isBlank()) {
      throw new IllegalArgumentException("title is blank for " + path);
    }
    tags = List.copyOf(tags);
    categories = List.copyOf(categories);
    sections = List.copyOf(sections);
  }

  /**
   * Separates sections in {@link #text()}: U+2029 PARAGRAPH SEPARATOR is whitespace to every
   * tokenizer, and a hard boundary that highlighted passages never cross.
   */
  public static final char SECTION_SEPARATOR = '\u2029';

  /** All section texts joined by {@link #SECTION_SEPARATOR}: the entry's body as plain text. */
  public String text() {
    return sections.stream()
        .map(Section::text)
        .collect(Collectors.joining(String.valueOf(SECTION_SEPARATOR)));
  }
}
