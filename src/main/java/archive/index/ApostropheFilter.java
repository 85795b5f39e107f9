package archive.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Makes typographic apostrophes ASCII inside tokens, so {@code what’s} and {@code what's} are one
 * word. The tokenizer already keeps both inside a word (Unicode word-break rules treat U+2019 like
 * {@code '}); doing this per token is far cheaper than a character filter over all the text.
 */
final class ApostropheFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  ApostropheFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    for (int i = 0; i < term.length(); i++) {
      if (isApostrophe(buffer[i])) {
        buffer[i] = '\'';
      }
    }
    return true;
  }

  static boolean isApostrophe(char c) {
    return c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '\uff07';
  }
}
