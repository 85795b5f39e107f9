package archive.search;

import archive.index.Fields;
import archive.search.Snippets.Fragment;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.jspecify.annotations.Nullable;

/** A hit from an entry's stored fields and its highlighted passages, whichever index found it. */
final class Hits {

  private Hits() {}

  static Set<String> queryTerms(Query query) {
    Set<Term> terms = new HashSet<>();
    query.visit(QueryVisitor.termCollector(terms));
    Set<String> texts = new HashSet<>();
    for (Term term : terms) {
      texts.add(term.text());
    }
    return texts;
  }

  static Hit hit(Document doc, float score, List<Fragment> fragments, Set<String> terms) {
    String url = doc.get(Fields.URL);
    IndexableField date = doc.getField(Fields.DATE);
    return new Hit(
        doc.get(Fields.ID),
        doc.get(Fields.PATH),
        url,
        doc.get(Fields.TITLE),
        doc.get(Fields.SUBTITLE),
        date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()),
        List.of(doc.getValues(Fields.TAG_DISPLAY)),
        doc.get(Fields.KIND),
        Float.isNaN(score) ? 0f : score,
        entrySnippet(doc, fragments),
        SectionMatcher.best(doc, fragments, terms, url));
  }

  /**
   * The best passage that matches; with none (a query of qualifiers only, or a match in the title
   * alone), the entry's description, else its opening prose: never a table of contents.
   */
  private static Snippet entrySnippet(Document doc, List<Fragment> fragments) {
    @Nullable Fragment best = null;
    for (Fragment fragment : fragments) {
      if (fragment.matched() && (best == null || fragment.score() > best.score())) {
        best = fragment;
      }
    }
    if (best != null) {
      return best.snippet();
    }
    String description = doc.get(Fields.SUBTITLE);
    if (description != null && !description.isBlank()) {
      return Snippet.plain(description);
    }
    String body = doc.get(Fields.BODY);
    return body == null ? Snippet.EMPTY : Prose.opening(body, OPENING_LENGTH);
  }

  /** About as long as a highlighted passage. */
  private static final int OPENING_LENGTH = 200;
}
