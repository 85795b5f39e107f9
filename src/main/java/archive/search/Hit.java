package archive.search;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One result: an entry with its best sections.
 *
 * @param id the entry's id (its source path, or the address a crawled page was fetched from)
 * @param path the source path relative to the indexed folder, or the path of a crawled page
 * @param url the entry's public URL
 * @param title the title
 * @param subtitle subtitle or description, or null
 * @param date publication date, or null
 * @param tags tags as written
 * @param kind {@code entry} or {@code list}
 * @param score relevance score (higher is better; comparable within one search only)
 * @param snippet the passage that matches best, else the description or the opening prose
 * @param sections up to three best-matching sections, best first
 */
public record Hit(
    String id,
    String path,
    String url,
    String title,
    @Nullable String subtitle,
    @Nullable LocalDate date,
    List<String> tags,
    String kind,
    float score,
    Snippet snippet,
    List<SectionHit> sections) {

  /** Copies the lists. */
  public Hit {
    tags = List.copyOf(tags);
    sections = List.copyOf(sections);
  }
}
