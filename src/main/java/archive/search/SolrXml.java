package archive.search;

import archive.index.Analysis;
import archive.index.Fields;
import archive.index.SolrFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.PrefixCodedTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * A query of the embedded index, as Solr's XML query parser ({@code {!xmlparser}}) takes it: the
 * same structure, boosts and terms, none of them analysed again, in the fields of archive's Solr
 * schema. A term of a text field becomes the term in that field of every profile (the embedded
 * index keeps all languages in one field): {@code =word} in the words-as-written field, a stem in
 * the stems field.
 *
 * <p>Where the XML parser has no element for a query, the nearest it has stands in: a phrase is a
 * span query of its terms (the same matches; a score of its own), and prefixes, wildcards and close
 * spellings are read by Solr's classic parser ({@code UserQuery}), whose close spellings may also
 * change the first letter, which the embedded index keeps.
 */
final class SolrXml {

  private SolrXml() {}

  /** The query as Solr's XML query parser reads it. */
  static String of(Query query) {
    return element(query).toString();
  }

  /** An XML element, written with its attributes, children or text. */
  private static final class El {
    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<El> children = new ArrayList<>();
    @Nullable String text;

    El(String name) {
      this.name = name;
    }

    El attr(String key, Object value) {
      attributes.put(key, String.valueOf(value));
      return this;
    }

    El add(El child) {
      children.add(child);
      return this;
    }

    El text(String value) {
      text = value;
      return this;
    }

    El boost(float boost) {
      String had = attributes.get("boost");
      float total = boost * (had == null ? 1f : Float.parseFloat(had));
      return total == 1f ? this : attr("boost", total);
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("<").append(name);
      attributes.forEach(
          (key, value) ->
              out.append(' ').append(key).append("=\"").append(escape(value)).append('"'));
      if (children.isEmpty() && text == null) {
        return out.append("/>").toString();
      }
      out.append('>');
      if (text != null) {
        out.append(escape(text));
      }
      children.forEach(out::append);
      return out.append("</").append(name).append('>').toString();
    }
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append(' '); // not allowed in XML 1.0; no term of ours holds one
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static El element(Query query) {
    if (query instanceof BoostQuery boost) {
      return element(boost.getQuery()).boost(boost.getBoost());
    }
    if (query instanceof ConstantScoreQuery constant) {
      return new El("ConstantScoreQuery").add(element(constant.getQuery()));
    }
    if (query instanceof BooleanQuery bool) {
      return bool(bool);
    }
    if (query instanceof DisjunctionMaxQuery dismax) {
      El el = new El("DisjunctionMaxQuery").attr("tieBreaker", dismax.getTieBreakerMultiplier());
      dismax.getDisjuncts().forEach(d -> el.add(element(d)));
      return el;
    }
    if (query instanceof TermQuery term) {
      return term(term.getTerm());
    }
    if (query instanceof PhraseQuery phrase) {
      List<Term[]> positions = new ArrayList<>();
      for (Term term : phrase.getTerms()) {
        positions.add(new Term[] {term});
      }
      return phrase(phrase.getField(), positions, phrase.getPositions(), phrase.getSlop());
    }
    if (query instanceof MultiPhraseQuery phrase) {
      return phrase(
          phrase.getTermArrays()[0][0].field(),
          List.of(phrase.getTermArrays()),
          phrase.getPositions(),
          phrase.getSlop());
    }
    if (query instanceof FuzzyQuery fuzzy) {
      return user(
          fuzzy.getTerm(),
          QueryParserBase.escape(text(fuzzy.getTerm())) + "~" + fuzzy.getMaxEdits());
    }
    if (query instanceof PrefixQuery prefix) {
      return user(prefix.getPrefix(), QueryParserBase.escape(text(prefix.getPrefix())) + "*");
    }
    if (query instanceof WildcardQuery wildcard) {
      return user(wildcard.getTerm(), wildcardText(text(wildcard.getTerm())));
    }
    if (query instanceof TermInSetQuery set) {
      El any = new El("BooleanQuery");
      PrefixCodedTerms.TermIterator terms = set.getTermData().iterator();
      for (BytesRef term = terms.next(); term != null; term = terms.next()) {
        any.add(clause("should", term(new Term(terms.field(), BytesRef.deepCopyOf(term)))));
      }
      return any;
    }
    if (query instanceof PointRangeQuery range) {
      return range(range);
    }
    if (query instanceof MatchAllDocsQuery) {
      return new El("MatchAllDocsQuery");
    }
    if (query instanceof MatchNoDocsQuery) {
      return new El("TermQuery").attr("fieldName", "id").text("\u0001none"); // no id is that
    }
    throw new IllegalArgumentException("no Solr form for " + query.getClass().getSimpleName());
  }

  private static El bool(BooleanQuery bool) {
    El el = new El("BooleanQuery");
    if (bool.getMinimumNumberShouldMatch() > 0) {
      el.attr("minimumNumberShouldMatch", bool.getMinimumNumberShouldMatch());
    }
    for (BooleanClause clause : bool.clauses()) {
      El child = element(clause.getQuery());
      switch (clause.getOccur()) {
        case MUST -> el.add(clause("must", child));
        case SHOULD -> el.add(clause("should", child));
        case MUST_NOT -> el.add(clause("mustNot", child));
        // The XML parser has no filter clause: a clause that matches and adds nothing.
        case FILTER ->
            el.add(clause("must", new El("ConstantScoreQuery").attr("boost", 0f).add(child)));
      }
    }
    return el;
  }

  private static El clause(String occurs, El query) {
    return new El("Clause").attr("occurs", occurs).add(query);
  }

  /** A term of the embedded index in each Solr field that holds its kind of term. */
  private static El term(Term term) {
    List<String[]> targets = targets(term);
    if (targets.size() == 1) {
      return new El("TermQuery").attr("fieldName", targets.get(0)[0]).text(targets.get(0)[1]);
    }
    El any = new El("BooleanQuery");
    for (String[] target : targets) {
      any.add(clause("should", new El("TermQuery").attr("fieldName", target[0]).text(target[1])));
    }
    return any;
  }

  /** The Solr fields and term texts of an embedded term: one per profile for a text field. */
  private static List<String[]> targets(Term term) {
    String field = term.field();
    String text = term.text();
    if (Fields.TEXT_FIELDS.contains(field)) {
      boolean exact = !text.isEmpty() && text.charAt(0) == Analysis.EXACT_MARK;
      String bare = exact ? text.substring(1) : text;
      List<String[]> targets = new ArrayList<>();
      for (String profile : SolrFields.PROFILES) {
        targets.add(new String[] {SolrFields.text(field, profile, exact), bare});
      }
      return targets;
    }
    return List.<String[]>of(new String[] {solrField(field), text});
  }

  private static String solrField(String field) {
    return field.equals(Fields.ID) ? SolrFields.ENTRY_ID : field;
  }

  private static String text(Term term) {
    String text = term.text();
    boolean exact =
        Fields.TEXT_FIELDS.contains(term.field())
            && !text.isEmpty()
            && text.charAt(0) == Analysis.EXACT_MARK;
    return exact ? text.substring(1) : text;
  }

  /** A pattern read by Solr's classic parser in each field the term's kind lives in. */
  private static El user(Term term, String syntax) {
    List<String[]> targets = targets(term);
    if (targets.size() == 1) {
      return new El("UserQuery").attr("fieldName", targets.get(0)[0]).text(syntax);
    }
    El any = new El("BooleanQuery");
    for (String[] target : targets) {
      any.add(clause("should", new El("UserQuery").attr("fieldName", target[0]).text(syntax)));
    }
    return any;
  }

  private static String wildcardText(String pattern) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      out.append(
          c == '*' || c == '?' ? String.valueOf(c) : QueryParserBase.escape(String.valueOf(c)));
    }
    return out.toString();
  }

  /**
   * A phrase as a span query: its terms in order and adjacent, or with a slop, within that many
   * moves in any order. In the stems field a stop word has no term of its own, only a gap, so a
   * phrase with any stem leaves its stop words as gaps.
   */
  private static El phrase(String field, List<Term[]> terms, int[] positions, int slop) {
    boolean allExact = true;
    for (Term[] alternatives : terms) {
      for (Term term : alternatives) {
        allExact &= term.text().startsWith(String.valueOf(Analysis.EXACT_MARK));
      }
    }
    El any = new El("BooleanQuery");
    for (String profile : SolrFields.PROFILES) {
      String solrField = SolrFields.text(field, profile, allExact);
      List<El> spans = new ArrayList<>();
      int first = -1;
      int last = -1;
      for (int i = 0; i < terms.size(); i++) {
        El span = span(solrField, terms.get(i), allExact);
        if (span != null) {
          spans.add(span);
          first = first < 0 ? positions[i] : first;
          last = positions[i];
        }
      }
      if (spans.isEmpty()) {
        continue;
      }
      if (spans.size() == 1) {
        any.add(clause("should", spans.get(0)));
        continue;
      }
      int gaps = (last - first) - (spans.size() - 1);
      El near = new El("SpanNear").attr("slop", slop + gaps).attr("inOrder", slop == 0);
      spans.forEach(near::add);
      any.add(clause("should", near));
    }
    return any;
  }

  /** The span of one position: its term, or any of its terms; null when all are stop words. */
  private static @Nullable El span(String solrField, Term[] alternatives, boolean allExact) {
    List<El> spans = new ArrayList<>();
    for (Term term : alternatives) {
      boolean exact = term.text().startsWith(String.valueOf(Analysis.EXACT_MARK));
      if (exact && !allExact) {
        continue; // a stop word: a gap among stems
      }
      spans.add(new El("SpanTerm").attr("fieldName", solrField).text(text(term)));
    }
    if (spans.isEmpty()) {
      return null;
    }
    if (spans.size() == 1) {
      return spans.get(0);
    }
    El or = new El("SpanOr");
    spans.forEach(or::add);
    return or;
  }

  private static El range(PointRangeQuery range) {
    String field = range.getField();
    El el = new El("PointRangeQuery").attr("fieldName", field);
    if (range.getNumDims() != 1) {
      throw new IllegalArgumentException(
          "no Solr form for a range in " + range.getNumDims() + " dimensions");
    }
    byte[] lower = range.getLowerPoint();
    byte[] upper = range.getUpperPoint();
    if (lower.length == Long.BYTES) {
      el.attr("type", "long")
          .attr("lowerTerm", LongPoint.decodeDimension(lower, 0))
          .attr("upperTerm", LongPoint.decodeDimension(upper, 0));
    } else {
      el.attr("type", "int")
          .attr("lowerTerm", IntPoint.decodeDimension(lower, 0))
          .attr("upperTerm", IntPoint.decodeDimension(upper, 0));
    }
    return el;
  }
}
