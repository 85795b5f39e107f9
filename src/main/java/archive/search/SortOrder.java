package archive.search;

import java.util.Arrays;
import java.util.Optional;

/** How results are ordered, and the word for each in a command line or an address. */
public enum SortOrder {
  /** Best match first; equal scores newest first. */
  RELEVANCE("relevance"),
  /** Oldest first. */
  DATE("date"),
  /** Newest first. */
  DATE_DESC("-date");

  /** The words, as a reader is told them: {@code relevance, date or -date}. */
  public static final String WORDS = "relevance, date or -date";

  private final String word;

  SortOrder(String word) {
    this.word = word;
  }

  /** What {@code --sort} and {@code sort=} take for this order. */
  public String word() {
    return word;
  }

  /** The order a word names, if it names one. */
  public static Optional<SortOrder> of(String word) {
    return Arrays.stream(values()).filter(order -> order.word.equals(word)).findFirst();
  }
}
