package archive.search;

import archive.index.Fields;
import archive.search.QueryTerms.Token;
import archive.search.Snippets.Fragment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;

/**
 * Picks the sections of a result that match best: each highlighted passage is placed in the section
 * whose text it falls in (by stored start offsets), and a heading that holds a query word counts as
 * well.
 */
final class SectionMatcher {

  /** Sections shown per result. */
  static final int MAX_SECTIONS = 2;

  private static final int FALLBACK_SNIPPET = 160;

  private SectionMatcher() {}

  private record Candidate(int index, float score, Snippet snippet) {}

  /** Up to {@link #MAX_SECTIONS} matching sections with headings, best first. */
  static List<SectionHit> best(
      Document doc, List<Fragment> fragments, Set<String> queryTerms, String url) {
    String[] headings = doc.getValues(Fields.SECTION_HEADING);
    String[] anchors = doc.getValues(Fields.SECTION_ANCHOR);
    int[] starts = StoredSections.ints(doc.getFields(Fields.SECTION_START));
    float[] scores = new float[headings.length];
    Snippet[] snippets = new Snippet[headings.length];
    float top = 0f;
    for (Fragment fragment : fragments) {
      int section = sectionAt(starts, fragment.start());
      if (fragment.matched() && section >= 0 && fragment.score() > scores[section]) {
        scores[section] = fragment.score();
        snippets[section] = fragment.snippet();
        top = Math.max(top, fragment.score());
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < headings.length; i++) {
      float score = scores[i];
      if (!headings[i].isEmpty() && headingMatches(headings[i], queryTerms)) {
        score += top + 1f; // a heading naming the query is the best place to land
      }
      if (score > 0 && !headings[i].isEmpty()) {
        Snippet snippet = snippets[i] != null ? snippets[i] : lead(doc, starts, i, queryTerms);
        candidates.add(new Candidate(i, score, snippet));
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
    List<SectionHit> hits = new ArrayList<>(MAX_SECTIONS);
    SectionLinks links = SectionLinks.of(doc);
    for (Candidate c : candidates.subList(0, Math.min(MAX_SECTIONS, candidates.size()))) {
      String link = links.link(url, c.index());
      hits.add(new SectionHit(headings[c.index()], anchors[c.index()], link, c.snippet()));
    }
    return hits;
  }

  /** Index of the section holding a body offset, or -1 when there are no sections. */
  static int sectionAt(int[] starts, int offset) {
    int found = Arrays.binarySearch(starts, offset);
    return found >= 0 ? found : -found - 2;
  }

  private static boolean headingMatches(String heading, Set<String> queryTerms) {
    for (Token token : QueryTerms.analyze(heading)) {
      if (QueryTerms.matches(token, queryTerms)) {
        return true;
      }
    }
    return false;
  }

  private static Snippet lead(Document doc, int[] starts, int section, Set<String> queryTerms) {
    String body = doc.get(Fields.BODY);
    if (body == null) {
      return Snippet.EMPTY;
    }
    int start = Math.min(starts[section], body.length());
    int end =
        section + 1 < starts.length ? Math.min(starts[section + 1], body.length()) : body.length();
    end = Math.min(end, start + FALLBACK_SNIPPET);
    String text = body.substring(start, end).strip();
    String more = end < body.length() && end == start + FALLBACK_SNIPPET ? "…" : "";
    return Snippet.of(text, 0, text.length(), QueryTerms.ranges(text, queryTerms)).followedBy(more);
  }
}
