package archive.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the entries matching a search spread over years and tags: counted over every match, not only
 * the page returned.
 *
 * @param years one count per publication year, ascending by year; undated entries are not counted
 * @param tags the {@value #TOP_TAGS} most frequent tags, by count descending, then by name
 */
public record Facets(List<YearCount> years, List<TagCount> tags) {

  /** The most tags listed. */
  public static final int TOP_TAGS = 20;

  /** No matches, no counts. */
  public static final Facets NONE = new Facets(List.of(), List.of());

  /** Tags with their counts as {@link TagCount}s, most used first, then by name. */
  static List<TagCount> mostUsedFirst(java.util.Collection<Map.Entry<String, Long>> counts) {
    return counts.stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(java.util.Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new TagCount(e.getKey(), e.getValue()))
        .toList();
  }

  /** Copies the lists; checks the tag limit. */
  public Facets {
    years = List.copyOf(years);
    tags = List.copyOf(tags);
    if (tags.size() > TOP_TAGS) {
      throw new IllegalArgumentException("tags over " + TOP_TAGS + ": " + tags.size());
    }
  }

  /**
   * How many matching entries were published in a year.
   *
   * @param year the year
   * @param count at least 1
   */
  public record YearCount(int year, long count) {

    /** Checks the count. */
    public YearCount {
      if (count < 1) {
        throw new IllegalArgumentException("count < 1: " + count);
      }
    }
  }

  /**
   * How many matching entries carry a tag.
   *
   * @param tag the tag in its normalised form (lower case, trimmed), which is also what {@code
   *     tag:} accepts, so a count can become a filter as is
   * @param count at least 1
   */
  public record TagCount(String tag, long count) {

    /** Checks the tag and count. */
    public TagCount {
      Objects.requireNonNull(tag, "tag");
      if (count < 1) {
        throw new IllegalArgumentException("count < 1: " + count);
      }
    }
  }
}
