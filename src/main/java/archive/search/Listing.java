package archive.search;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry in an archive listing.
 *
 * @param title the title
 * @param url the public URL
 * @param date the publication date, or null
 * @param tags tags as written
 */
public record Listing(String title, String url, @Nullable LocalDate date, List<String> tags) {

  /** Copies the tags. */
  public Listing {
    tags = List.copyOf(tags);
  }
}
