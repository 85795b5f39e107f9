package archive.search;

import archive.index.Analysis;
import archive.index.Fields;
import archive.parse.Entry;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

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

  /**
   * Passages for each document, in the order of {@code docIds}; empty for a document with none.
   *
   * @param query the query as searched, rewritten
   * @param docs the documents of {@code docIds}, loaded with their bodies
   */
  static List<List<Fragment>> highlight(
      IndexSearcher searcher, Query query, int[] docIds, Document[] docs) throws IOException {
    List<List<Fragment>> result = new ArrayList<>(docIds.length);
    if (docIds.length == 0) {
      return result;
    }
    Map<Integer, String> bodies = new HashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      String body = docs[i].get(Fields.BODY);
      if (body != null) {
        bodies.put(docIds[i], body);
      }
    }
    Highlighter highlighter = new Highlighter(searcher, bodies);
    Query terms = BodyTerms.of(searcher.getIndexReader(), query, docIds);
    Object[] perDoc =
        Objects.requireNonNull(
            highlighter
                .highlight(new String[] {Fields.BODY}, terms, docIds, new int[] {PASSAGES})
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

  /**
   * Exposes the structured highlight call, which {@link UnifiedHighlighter} keeps protected, and
   * takes the bodies from the documents the search loaded instead of loading them again.
   */
  private static final class Highlighter extends UnifiedHighlighter {
    private final Map<Integer, String> bodies;

    Highlighter(IndexSearcher searcher, Map<Integer, String> bodies) {
      super(
          UnifiedHighlighter.builder(searcher, Analysis.indexAnalyzer(""))
              .withMaxLength(MAX_LENGTH)
              .withMaxNoHighlightPassages(0) // with no match, the description or opening prose
              // Every occurrence of a query word is marked, also outside the phrase it matched in.
              .withHighlightPhrasesStrictly(false)
              .withWeightMatches(false)
              .withBreakIterator(Highlighter::passageBreaks)
              .withScorer(new PassageScore())
              .withFormatter(new FragmentFormatter()));
      this.bodies = bodies;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
      if (fields.length != 1 || !fields[0].equals(Fields.BODY)) {
        throw new IllegalArgumentException("only the body is highlighted: " + List.of(fields));
      }
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        String body = bodies.get(doc);
        values.add(
            new CharSequence[] {
              body == null ? null : body.substring(0, Math.min(MAX_LENGTH, body.length()))
            });
      }
      return values;
    }

    /**
     * Sentences and lines grouped to about {@link #PASSAGE_LENGTH} characters, never across a
     * section: a passage that began in one section and ended in the next would land the reader in
     * the wrong place.
     */
    private static BreakIterator passageBreaks() {
      // A line is a block (a paragraph, a list item, a line of code): a sentence ends with it even
      // without a full stop, so a line of code never runs into the prose after it.
      BreakIterator sentences =
          new SplittingBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT), '\n');
      BreakIterator passages =
          LengthGoalBreakIterator.createClosestToLength(sentences, PASSAGE_LENGTH, 0.3f);
      return new SplittingBreakIterator(passages, Entry.SECTION_SEPARATOR);
    }

    java.util.Map<String, Object[]> highlight(
        String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }
  }

  /**
   * Lucene's passage score (BM25 over the passage, by its position), computed without a hash of the
   * passage's terms: Lucene's own builds a {@code BytesRefHash}, with a 32 KB block, for every
   * passage it considers, which took a third of a phrase search with a common word ({@code "the
   * year"}), where every sentence is a candidate. The terms of a passage are the query's, a few, so
   * a list finds them; the sum runs in the same order, so the scores are the same to the bit.
   */
  static final class PassageScore extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
      int matches = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      int[] inDoc = passage.getMatchTermFreqsInDoc();
      BytesRef[] distinct = new BytesRef[matches];
      int[] inPassage = new int[matches];
      int[] inDocument = new int[matches];
      int count = 0;
      for (int i = 0; i < matches; i++) {
        int found = 0;
        while (found < count && !distinct[found].bytesEquals(terms[i])) {
          found++;
        }
        if (found == count) {
          distinct[count] = terms[i];
          inDocument[count] = inDoc[i];
          count++;
        }
        inPassage[found]++;
      }
      double score = 0d;
      for (int i = 0; i < count; i++) {
        score += tf(inPassage[i], passage.getLength()) * weight(contentLength, inDocument[i]);
      }
      score *= norm(passage.getStartOffset());
      return (float) score;
    }
  }

  /** Turns passages into {@link Fragment}s. */
  private static final class FragmentFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      int[] words = new int[passages.length];
      int most = 0;
      for (int i = 0; i < passages.length; i++) {
        words[i] = distinctWords(passages[i], content);
        most = Math.max(most, words[i]);
      }
      List<Fragment> fragments = new ArrayList<>(passages.length);
      for (int i = 0; i < passages.length; i++) {
        Passage passage = passages[i];
        boolean matched = passage.getNumMatches() > 0;
        float coverage = matched ? (float) words[i] / most : 0f;
        fragments.add(
            new Fragment(
                // Placed by its first match: a passage may begin on the separator before a section.
                matched ? passage.getMatchStarts()[0] : passage.getStartOffset(),
                matched
                    ? passage.getScore()
                        * coverage
                        * coverage
                        * Prose.weight(content, passage.getStartOffset(), passage.getEndOffset())
                    : 0f,
                matched,
                snippet(passage, content)));
      }
      return fragments;
    }

    /**
     * How many different query words a passage holds, each word counted once whatever its forms
     * ({@code failure}, {@code failures}): the passage with most of them, as prose, is the one
     * shown, before one that repeats a single word; references, code and lists of links are shown
     * only when no prose matches as well (see {@link Prose#weight}).
     */
    private static int distinctWords(Passage passage, String content) {
      Set<String> words = new HashSet<>();
      int[] starts = passage.getMatchStarts();
      int[] ends = passage.getMatchEnds();
      for (int i = 0; i < passage.getNumMatches(); i++) {
        for (QueryTerms.Token token : QueryTerms.analyze(content.substring(starts[i], ends[i]))) {
          words.add(token.stem() == null ? token.exact() : token.stem());
        }
      }
      return words.size();
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
      int start = passage.getStartOffset();
      int end = passage.getEndOffset();
      if (!matches.isEmpty()) {
        start = Prose.afterLeadingCode(content, start, matches.get(0).start());
        int lastEnd = matches.stream().mapToInt(Snippet.Range::end).max().orElse(end);
        end = Prose.beforeTrailingCode(content, end, lastEnd);
      }
      return Snippet.of(content, start, end, matches);
    }
  }
}
