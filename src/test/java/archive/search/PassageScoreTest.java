package archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Passages are scored as Lucene scores them, to the bit, without its per-passage hash. */
class PassageScoreTest {

  @Test
  void everyPassageScoresExactlyAsLucenesScorerScoresIt() {
    Random random = new Random(13);
    String[] words = {"the", "year", "garden", "rust", "crab", "a"};
    PassageScorer lucene = new PassageScorer();
    Snippets.PassageScore ours = new Snippets.PassageScore();
    for (int round = 0; round < 2_000; round++) {
      Passage passage = new Passage();
      int start = random.nextInt(5_000);
      passage.setStartOffset(start);
      passage.setEndOffset(start + 2_000); // a match must fall inside; the real end is set below
      int offset = start;
      int matches = random.nextInt(40);
      int[] inDoc = new int[words.length];
      for (int w = 0; w < words.length; w++) {
        inDoc[w] = 1 + random.nextInt(300);
      }
      for (int i = 0; i < matches; i++) {
        int w = random.nextInt(random.nextBoolean() ? 2 : words.length);
        offset += 1 + random.nextInt(20);
        passage.addMatch(offset, offset + words[w].length(), new BytesRef(words[w]), inDoc[w]);
      }
      passage.setEndOffset(offset + 1 + random.nextInt(200));
      int contentLength = passage.getEndOffset() + random.nextInt(10_000);

      assertThat(Float.floatToIntBits(ours.score(passage, contentLength)))
          .as("round %d", round)
          .isEqualTo(Float.floatToIntBits(lucene.score(passage, contentLength)));
    }
  }
}
