package archive.search;

import org.jspecify.annotations.Nullable;

/**
 * The entries just before and after one in time, ties on the same day broken by id.
 *
 * @param previous the next older entry, or null
 * @param next the next newer entry, or null
 */
public record Neighbours(@Nullable Listing previous, @Nullable Listing next) {

  /** No neighbours: an undated entry, or the only one. */
  public static final Neighbours NONE = new Neighbours(null, null);
}
