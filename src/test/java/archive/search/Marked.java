package archive.search;

/** A snippet written with its matches in brackets, so that assertions read like the result. */
final class Marked {

  private Marked() {}

  /** The text with {@code [} before and {@code ]} after each match. */
  static String of(Snippet snippet) {
    StringBuilder marked = new StringBuilder(snippet.text());
    for (int i = snippet.matches().size() - 1; i >= 0; i--) {
      Snippet.Range match = snippet.matches().get(i);
      marked.insert(match.end(), ']').insert(match.start(), '[');
    }
    return marked.toString();
  }
}
