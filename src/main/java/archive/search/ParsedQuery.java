package archive.search;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A query after {@link QuerySyntax}: what must match, what must not, and the filters.
 *
 * @param required groups that must each match; the parts of one group are alternatives ({@code OR})
 * @param excluded parts no result may match ({@code -word})
 * @param tags normalised tags every result must carry
 * @param from first day a result may be dated (inclusive), or null
 * @param until day before which a result must be dated (exclusive), or null
 * @param notes what was ignored in the input, for the user
 */
record ParsedQuery(
    List<List<Part>> required,
    List<Part> excluded,
    List<String> tags,
    @Nullable LocalDate from,
    @Nullable LocalDate until,
    List<String> notes) {

  ParsedQuery {
    required = required.stream().map(List::copyOf).toList();
    excluded = List.copyOf(excluded);
    tags = List.copyOf(tags);
    notes = List.copyOf(notes);
  }

  /** Whether any filter restricts the results. */
  boolean hasFilters() {
    return !tags.isEmpty() || from != null || until != null;
  }

  /** One thing to match. */
  sealed interface Part permits Word, Phrase {
    /** Only this field, or null for every text field. */
    @Nullable String field();

    /** The text as typed (without quotes, qualifier or trailing star). */
    String text();
  }

  /** A single word, or a prefix when typed with a trailing {@code *}. */
  record Word(String text, @Nullable String field, boolean prefix) implements Part {}

  /** Words that must appear together, in order. */
  record Phrase(String text, @Nullable String field) implements Part {}
}
