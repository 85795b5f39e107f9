package archive.search;

import archive.index.Analysis;
import archive.index.Fields;
import archive.parse.Entry;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted passages of the body, with their offsets so they can be placed in sections. Built
 * only for the page of results returned: highlighting costs more than the search itself.
 */
final class Snippets {

  /** Passages per entry: enough to cover a few sections. */
  private static final int PASSAGES = 8;

  /** Target passage length in characters. */
  private static final int PASSAGE_LENGTH = 160;

  /** Long posts must be highlighted to the end; Lucene's default stops at 10,000 characters. */
  private static final int MAX_LENGTH = 1_000_000;

  private Snippets() {}

  /**
   * One passage of a body.
   *
   * @param start offset in the body of its first match, or of its first character without one
   * @param score how well it matches; 0 without matches
   * @param matched whether it contains a match
   * @param snippet its text with its matches
   */
  record Fragment(int start, float score, boolean matched, Snippet snippet) {}

  /** Passages for each document, in the order of {@code docIds}; empty for a document with none. */
  static List<List<Fragment>> highlight(IndexSearcher searcher, Query query, int[] docIds)
      throws IOException {
    List<List<Fragment>> result = new ArrayList<>(docIds.length);
    if (docIds.length == 0) {
      return result;
    }
    Highlighter highlighter = new Highlighter(searcher);
    Object[] perDoc =
        Objects.requireNonNull(
            highlighter
                .highlight(new String[] {Fields.BODY}, query, docIds, new int[] {PASSAGES})
                .get(Fields.BODY),
            "the highlighter answers for every field asked");
    for (Object fragments : perDoc) {
      result.add(fragments == null ? List.of() : castFragments(fragments));
    }
    return result;
  }

  @SuppressWarnings("unchecked") // our formatter returns exactly this type
  private static List<Fragment> castFragments(Object fragments) {
    return (List<Fragment>) fragments;
  }

  /** Exposes the structured highlight call, which {@link UnifiedHighlighter} keeps protected. */
  private static final class Highlighter extends UnifiedHighlighter {
    Highlighter(IndexSearcher searcher) {
      super(
          UnifiedHighlighter.builder(searcher, Analysis.indexAnalyzer(""))
              .withMaxLength(MAX_LENGTH)
              .withMaxNoHighlightPassages(0) // with no match, the description or opening prose
              // Every occurrence of a query word is marked, also outside the phrase it matched in.
              .withHighlightPhrasesStrictly(false)
              .withWeightMatches(false)
              .withBreakIterator(Highlighter::passageBreaks)
              .withFormatter(new FragmentFormatter()));
    }

    /**
     * Sentences grouped to about {@link #PASSAGE_LENGTH} characters, never across a section: a
     * passage that began in one section and ended in the next would land the reader in the wrong
     * place.
     */
    private static BreakIterator passageBreaks() {
      BreakIterator sentences =
          LengthGoalBreakIterator.createClosestToLength(
              BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_LENGTH, 0.3f);
      return new SplittingBreakIterator(sentences, Entry.SECTION_SEPARATOR);
    }

    java.util.Map<String, Object[]> highlight(
        String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }
  }

  /** Turns passages into {@link Fragment}s. */
  private static final class FragmentFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<Fragment> fragments = new ArrayList<>(passages.length);
      for (Passage passage : passages) {
        fragments.add(
            new Fragment(
                // Placed by its first match: a passage may begin on the separator before a section.
                passage.getNumMatches() > 0
                    ? passage.getMatchStarts()[0]
                    : passage.getStartOffset(),
                passage.getNumMatches() > 0 ? passage.getScore() * prose(passage, content) : 0f,
                passage.getNumMatches() > 0,
                snippet(passage, content)));
      }
      return fragments;
    }

    /**
     * Down-weights a passage that is a list of links, headings or references rather than sentences,
     * so that an entry's matching prose is shown first; such a passage is still shown when the
     * entry has no better one.
     */
    private static float prose(Passage passage, String content) {
      return 0.2f + 0.8f * Prose.ratio(content, passage.getStartOffset(), passage.getEndOffset());
    }

    private static Snippet snippet(Passage passage, String content) {
      List<Snippet.Range> matches = new ArrayList<>(passage.getNumMatches());
      int[] starts = passage.getMatchStarts();
      int[] ends = passage.getMatchEnds();
      for (int i = 0; i < passage.getNumMatches(); i++) {
        if (ends[i] > starts[i]) {
          matches.add(new Snippet.Range(starts[i], ends[i]));
        }
      }
      return Snippet.of(content, passage.getStartOffset(), passage.getEndOffset(), matches);
    }
  }
}
