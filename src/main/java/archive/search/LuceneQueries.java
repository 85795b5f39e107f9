package archive.search;

import archive.index.Analysis;
import archive.index.Fields;
import archive.search.ParsedQuery.Part;
import archive.search.ParsedQuery.Phrase;
import archive.search.ParsedQuery.Word;
import archive.search.QueryTerms.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/** Builds the Lucene query for a {@link ParsedQuery}: field boosts, phrases, fuzziness, filters. */
final class LuceneQueries {

  /** How strictly words must match. */
  enum Mode {
    /** Every word, as typed or by stem. */
    ALL,
    /** Every word, allowing close spellings. */
    ALL_FUZZY,
    /** Any word, allowing close spellings. */
    ANY_FUZZY
  }

  /** A match in the title outranks one in a heading, which outranks one in the body. */
  private static final Map<String, Float> BOOSTS =
      Map.of(
          Fields.TITLE, 4f,
          Fields.HEADINGS, 2.5f,
          Fields.SUBTITLE, 2f,
          Fields.TAGS_TEXT, 2f,
          Fields.BODY, 1f);

  private static final float EXACT_FORM_BOOST = 1.2f;
  private static final float PROXIMITY_BOOST = 2f;
  private static final float FUZZY_BOOST = 0.5f;
  private static final int MAX_EXPANSIONS = 50;

  /**
   * Close spellings cost an automaton per word and field, so they are sought in the fields where
   * typos matter, for the first few words only: a long query is rarely short of results.
   */
  private static final Set<String> FUZZY_FIELDS =
      Set.of(Fields.TITLE, Fields.HEADINGS, Fields.BODY);

  /** Words of a query that may match close spellings. */
  static final int MAX_FUZZY_WORDS = 8;

  /** Why a query matches nothing before it runs. */
  static final String NO_WORDS = "no words to search for";

  private LuceneQueries() {}

  /** A compiled part: its query, and whether it is only a stop word (then optional). */
  private record Compiled(Query query, boolean stopWord) {}

  /** The full query: text clauses in the given mode, exclusions, and filters. */
  static Query build(ParsedQuery parsed, Mode mode, boolean includeLists) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    boolean scored = textClauses(parsed, mode, query);
    for (Part part : parsed.excluded()) {
      Compiled excluded = compile(part, Mode.ALL);
      if (excluded != null) {
        query.add(excluded.query(), Occur.MUST_NOT);
      }
    }
    if (!scored) {
      if (!parsed.hasFilters() && parsed.excluded().isEmpty()) {
        return new MatchNoDocsQuery(NO_WORDS); // only punctuation or stars: not "everything"
      }
      query.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    filters(parsed, includeLists, query);
    return query.build();
  }

  private static boolean textClauses(ParsedQuery parsed, Mode mode, BooleanQuery.Builder query) {
    List<Compiled> groups = new ArrayList<>();
    int fuzzyWords = 0;
    for (List<Part> group : parsed.required()) {
      fuzzyWords += group.size();
      Compiled compiled = group(group, fuzzyWords > MAX_FUZZY_WORDS ? Mode.ALL : mode);
      if (compiled != null) {
        groups.add(compiled);
      }
    }
    boolean allStopWords = groups.stream().allMatch(Compiled::stopWord);
    boolean any = false;
    for (Compiled group : groups) {
      boolean optional = mode == Mode.ANY_FUZZY || group.stopWord() && !allStopWords;
      if (mode == Mode.ANY_FUZZY && group.stopWord() && !allStopWords) {
        continue; // "the" alone must not pull in every entry
      }
      query.add(group.query(), optional ? Occur.SHOULD : Occur.MUST);
      any = true;
    }
    if (mode == Mode.ANY_FUZZY && any) {
      query.setMinimumNumberShouldMatch(1);
    }
    Query proximity = proximity(parsed);
    if (proximity != null && any) {
      query.add(proximity, Occur.SHOULD);
    }
    return any;
  }

  private static @Nullable Compiled group(List<Part> group, Mode mode) {
    if (group.size() == 1) {
      return compile(group.get(0), mode);
    }
    BooleanQuery.Builder or = new BooleanQuery.Builder();
    boolean stopWords = true;
    for (Part part : group) {
      Compiled compiled = compile(part, mode);
      if (compiled != null) {
        or.add(compiled.query(), Occur.SHOULD);
        stopWords &= compiled.stopWord();
      }
    }
    BooleanQuery built = or.build();
    return built.clauses().isEmpty() ? null : new Compiled(built, stopWords);
  }

  private static @Nullable Compiled compile(Part part, Mode mode) {
    List<String> fields = part.field() == null ? Fields.TEXT_FIELDS : List.of(part.field());
    if (part instanceof Word word && word.prefix()) {
      String prefix = Analysis.exactTerm(word.text());
      return acrossFields(fields, f -> new PrefixQuery(new Term(f, prefix)), false);
    }
    List<Token> tokens = QueryTerms.analyze(part.text());
    if (tokens.isEmpty()) {
      return null;
    }
    if (tokens.size() > 1 || part instanceof Phrase) {
      return acrossFields(fields, f -> exactPhrase(f, tokens), false);
    }
    Token token = tokens.get(0);
    boolean fuzzy = mode != Mode.ALL && token.stem() != null;
    return acrossFields(fields, f -> word(f, token, fuzzy), token.stem() == null);
  }

  private interface FieldQuery {
    Query forField(String field);
  }

  private static Compiled acrossFields(List<String> fields, FieldQuery perField, boolean stopWord) {
    List<Query> disjuncts = new ArrayList<>(fields.size());
    for (String field : fields) {
      disjuncts.add(new BoostQuery(perField.forField(field), BOOSTS.getOrDefault(field, 1f)));
    }
    Query query =
        disjuncts.size() == 1 ? disjuncts.get(0) : new DisjunctionMaxQuery(disjuncts, 0.1f);
    return new Compiled(query, stopWord);
  }

  private static Query word(String field, Token token, boolean fuzzy) {
    BooleanQuery.Builder forms = new BooleanQuery.Builder();
    forms.add(
        new BoostQuery(new TermQuery(new Term(field, token.exact())), EXACT_FORM_BOOST),
        Occur.SHOULD);
    if (token.stem() != null) {
      forms.add(new TermQuery(new Term(field, token.stem())), Occur.SHOULD);
    }
    int edits = fuzzyEdits(token.exact().length() - 1);
    if (fuzzy && edits > 0 && FUZZY_FIELDS.contains(field)) {
      // Prefix length 2 = the exact mark plus the first letter: typos rarely hit the first letter.
      FuzzyQuery close =
          new FuzzyQuery(new Term(field, token.exact()), edits, 2, MAX_EXPANSIONS, true);
      forms.add(new BoostQuery(close, FUZZY_BOOST), Occur.SHOULD);
    }
    return forms.build();
  }

  /**
   * Edits allowed for a word of this length: none up to 3 letters (one edit would turn {@code foo}
   * into {@code for} and {@code teh} into every entry with {@code the}), one up to 5, two beyond.
   */
  static int fuzzyEdits(int length) {
    return length <= 3 ? 0 : length <= 5 ? 1 : 2;
  }

  private static Query exactPhrase(String field, List<Token> tokens) {
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0).exact()));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    for (Token token : tokens) {
      phrase.add(new Term(field, token.exact()), token.position());
    }
    return phrase.build();
  }

  /** Entries where the plain words stand together, in order, rank above scattered ones. */
  private static @Nullable Query proximity(ParsedQuery parsed) {
    StringBuilder words = new StringBuilder();
    int count = 0;
    for (List<Part> group : parsed.required()) {
      if (group.size() == 1
          && group.get(0) instanceof Word word
          && !word.prefix()
          && word.field() == null) {
        words.append(word.text()).append(' ');
        count++;
      }
    }
    List<Token> tokens = count < 2 ? List.of() : QueryTerms.analyze(words.toString());
    if (tokens.size() < 2) {
      return null;
    }
    BooleanQuery.Builder near = new BooleanQuery.Builder();
    for (String field : new String[] {Fields.TITLE, Fields.BODY}) {
      PhraseQuery.Builder phrase = new PhraseQuery.Builder();
      for (Token token : tokens) {
        String term = token.stem() == null ? token.exact() : token.stem();
        phrase.add(new Term(field, term), token.position());
      }
      near.add(
          new BoostQuery(phrase.build(), PROXIMITY_BOOST * BOOSTS.getOrDefault(field, 1f)),
          Occur.SHOULD);
    }
    return near.build();
  }

  private static void filters(
      ParsedQuery parsed, boolean includeLists, BooleanQuery.Builder query) {
    List<BytesRef> kinds = new ArrayList<>(2);
    kinds.add(new BytesRef(Fields.KIND_ENTRY));
    if (includeLists) {
      kinds.add(new BytesRef(Fields.KIND_LIST));
    }
    query.add(new TermInSetQuery(Fields.KIND, kinds), Occur.FILTER);
    for (String tag : parsed.tags()) {
      query.add(new TermQuery(new Term(Fields.TAG, tag)), Occur.FILTER);
    }
    if (parsed.from() != null || parsed.until() != null) {
      long low = parsed.from() == null ? Long.MIN_VALUE : parsed.from().toEpochDay();
      long high = parsed.until() == null ? Long.MAX_VALUE : parsed.until().toEpochDay() - 1;
      query.add(LongPoint.newRangeQuery(Fields.DATE, low, high), Occur.FILTER);
    }
  }
}
