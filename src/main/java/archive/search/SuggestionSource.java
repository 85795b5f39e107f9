package archive.search;

import java.io.IOException;
import java.util.List;

/** Where suggestions come from: the embedded index, or Solr. */
interface SuggestionSource {
  /**
   * Titles of entries holding every whole word and a word starting with the prefix, those that
   * start with them first, at most {@code limit}.
   *
   * @param whole the earlier words, exact terms ({@code =word})
   * @param prefix the last word, an exact term
   */
  List<Suggestion> titles(List<String> whole, String prefix, int limit) throws IOException;

  /** Body words (without the exact mark) completing the prefix, most frequent first. */
  List<String> completions(String prefix) throws IOException;
}
