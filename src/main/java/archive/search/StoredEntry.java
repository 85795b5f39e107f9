package archive.search;

import archive.parse.Section;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An entry as the index keeps it: enough to show it as a page when its source is not at hand.
 *
 * @param id the entry's id (its source path, or the address a crawled page was fetched from)
 * @param path the source path relative to the indexed folder, or the path of a crawled page
 * @param url the entry's public URL
 * @param title the title
 * @param subtitle subtitle or description, or null
 * @param date publication date, or null
 * @param tags tags as written
 * @param lang BCP 47 language tag, empty when unknown
 * @param kind {@code entry} or {@code list}
 * @param sections the sections in order, each with its heading, anchor, level and plain text
 */
public record StoredEntry(
    String id,
    String path,
    String url,
    String title,
    @Nullable String subtitle,
    @Nullable LocalDate date,
    List<String> tags,
    String lang,
    String kind,
    List<Section> sections) {

  /** Checks and copies the parts. */
  public StoredEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(kind, "kind");
    tags = List.copyOf(tags);
    sections = List.copyOf(sections);
  }

  /** Whether the entry was read from a Markdown file. */
  public boolean isMarkdown() {
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".md") || lower.endsWith(".markdown");
  }
}
