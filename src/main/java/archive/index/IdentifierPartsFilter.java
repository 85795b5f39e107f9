package archive.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Adds the parts of a code identifier ({@code os.path.join}, {@code ctx:cancel}, {@code MAX_SIZE},
 * {@code parseFloat}) after the whole, at the same position. Lucene's word-delimiter filter gives
 * the parts positions of their own, so a phrase such as {@code "what's changed"} or {@code
 * "os.path.join call"} would no longer match the text; stacking keeps phrases over whole words
 * intact. Apostrophes do not split: {@code don't} is one word.
 */
final class IdentifierPartsFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final List<int[]> parts = new ArrayList<>();
  private String whole = "";
  private int wholeStart;
  private int next;

  IdentifierPartsFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (next < parts.size()) {
      int[] part = parts.get(next++);
      clearAttributes();
      term.append(whole, part[0], part[1]);
      offset.setOffset(wholeStart + part[0], wholeStart + part[1]);
      posInc.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    next = 0;
    if (!parts.isEmpty()) {
      parts.clear();
    }
    if (mightSplit(term.buffer(), term.length())
        && offset.endOffset() - offset.startOffset() == term.length()) {
      whole = term.toString();
      wholeStart = offset.startOffset();
      split(whole, parts);
    }
    return true;
  }

  /** Cheap test that rules out plain lower-case words, most of any text. */
  private static boolean mightSplit(char[] buffer, int length) {
    for (int i = 0; i < length; i++) {
      char c = buffer[i];
      if (c < 'a' || c > 'z') {
        return length > 1; // punctuation, digits, capitals or non-ASCII: look closer
      }
    }
    return false;
  }

  /** Splits at punctuation other than apostrophes and at lower-to-upper case changes. */
  static void split(String word, List<int[]> into) {
    int start = -1;
    for (int i = 0; i <= word.length(); i++) {
      boolean boundary = i == word.length() || !isWordChar(word.charAt(i));
      if (!boundary && start >= 0 && caseChange(word, i)) {
        into.add(new int[] {start, i});
        start = i;
      } else if (boundary && start >= 0) {
        into.add(new int[] {start, i});
        start = -1;
      } else if (!boundary && start < 0) {
        start = i;
      }
    }
    if (into.size() == 1) {
      into.clear(); // a plain word: nothing to add
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '\'';
  }

  private static boolean caseChange(String word, int i) {
    char before = word.charAt(i - 1);
    char here = word.charAt(i);
    if (Character.isLowerCase(before) && Character.isUpperCase(here)) {
      return true; // parseFloat
    }
    return Character.isUpperCase(before)
        && Character.isUpperCase(here)
        && i + 1 < word.length()
        && Character.isLowerCase(word.charAt(i + 1)); // HTTPServer
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    parts.clear();
    next = 0;
  }
}
