package archive.search;

import archive.index.Analysis;
import archive.index.Fields;
import archive.search.QueryTerms.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The Lucene queries a word, phrase, prefix or close spelling becomes in the index's text fields:
 * one per field, boosted by the field's weight, the best field counting (dismax). {@link
 * BlogQueryParser} decides what the user typed; this class decides how it is matched and ranked.
 */
final class TextQueries {

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

  /**
   * Chosen with bench/relevance.sh on seven real blogs (README, Relevance), on two query sets
   * (seeds 12 and 13): the remembered entry came first for 87.6% and 90.5% of queries without the
   * bonuses, 97.6% and 98.3% with 8 and 8, 98.8% and 98.8% with 10 and 10. A bonus of 20 for all
   * words as typed alone gave 99.5% and 99.3%, but that ignores how close the words stand and
   * overrides BM25 more than a reader's wider use of search would want.
   */
  private static final float AS_TYPED_BONUS = 10f;

  private static final float TOGETHER_BONUS = 10f;

  /** About a clause: two words of one sentence, with a few words between them either way. */
  private static final int TOGETHER_SLOP = 8;

  private static final List<String> TOGETHER_FIELDS =
      List.of(Fields.TITLE, Fields.HEADINGS, Fields.SUBTITLE, Fields.BODY);

  /** Below this, a character is not CJK: where the analyser makes bigrams, not words. */
  private static final int CJK_START = 0x2E80;

  /** Close spellings or prefix terms one word may expand to when scored. */
  static final int MAX_EXPANSIONS = 50;

  /**
   * Close spellings cost an automaton per word and field, so the widened search seeks them in the
   * fields where typos matter.
   */
  private static final Set<String> FUZZY_FIELDS =
      Set.of(Fields.TITLE, Fields.HEADINGS, Fields.BODY);

  private TextQueries() {}

  /**
   * A single analysed word: its exact form boosted over its stem, and close spellings when given
   * where to keep their automata.
   */
  static Query word(List<String> fields, Token token, @Nullable CloseSpellings closeSpellings) {
    return acrossFields(fields, field -> word(field, token, closeSpellings));
  }

  private static Query word(String field, Token token, @Nullable CloseSpellings closeSpellings) {
    BooleanQuery.Builder forms = new BooleanQuery.Builder();
    forms.add(
        new BoostQuery(new TermQuery(new Term(field, token.exact())), EXACT_FORM_BOOST),
        Occur.SHOULD);
    if (token.stem() != null) {
      forms.add(new TermQuery(new Term(field, token.stem())), Occur.SHOULD);
    }
    int edits = fuzzyEdits(token.exact().length() - 1);
    if (closeSpellings != null && edits > 0 && FUZZY_FIELDS.contains(field)) {
      Query close = closeSpellings.query(field, token.exact(), edits, MAX_EXPANSIONS);
      forms.add(new BoostQuery(close, FUZZY_BOOST), Occur.SHOULD);
    }
    return forms.build();
  }

  /**
   * Edits allowed for a word of this length when the search widens by itself: none up to 3 letters
   * (one edit would turn {@code foo} into {@code for} and {@code teh} into every entry with {@code
   * the}), one up to 5, two beyond.
   */
  static int fuzzyEdits(int length) {
    return length <= 3 ? 0 : length <= 5 ? 1 : 2;
  }

  /**
   * A word asked for with {@code ~}: its exact form, or a close spelling with up to {@code edits}
   * edits, the first letter kept.
   */
  static Query fuzzy(List<String> fields, Token token, int edits, CloseSpellings closeSpellings) {
    return acrossFields(
        fields,
        field ->
            new BooleanQuery.Builder()
                .add(
                    new BoostQuery(new TermQuery(new Term(field, token.exact())), EXACT_FORM_BOOST),
                    Occur.SHOULD)
                .add(
                    closeSpellings.query(field, token.exact(), edits, MAX_EXPANSIONS), Occur.SHOULD)
                .build());
  }

  /** Words in this order, in their exact forms, at most {@code slop} moves apart. */
  static Query phrase(List<String> fields, List<Token> tokens, int slop) {
    return acrossFields(fields, field -> exactPhrase(field, tokens, slop));
  }

  private static Query exactPhrase(String field, List<Token> tokens, int slop) {
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0).exact()));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    for (Token token : tokens) {
      phrase.add(new Term(field, token.exact()), token.position());
    }
    return phrase.setSlop(slop).build();
  }

  /** Words starting with a prefix as typed (lower case, accents folded). */
  static Query prefix(List<String> fields, String prefix) {
    String exact = Analysis.exactTerm(prefix);
    return acrossFields(fields, field -> new PrefixQuery(new Term(field, exact)));
  }

  /** Words matching a pattern of {@code *} and {@code ?} as typed (lower case, accents folded). */
  static Query wildcard(List<String> fields, String pattern) {
    String exact = Analysis.exactTerm(pattern);
    return acrossFields(fields, field -> new WildcardQuery(new Term(field, exact)));
  }

  private static Query acrossFields(List<String> fields, Function<String, Query> perField) {
    List<Query> disjuncts = new ArrayList<>(fields.size());
    for (String field : fields) {
      disjuncts.add(new BoostQuery(perField.apply(field), BOOSTS.getOrDefault(field, 1f)));
    }
    return disjuncts.size() == 1 ? disjuncts.get(0) : new DisjunctionMaxQuery(disjuncts, 0.1f);
  }

  /**
   * Entries where the plain words of a query stand together, in order, rank above scattered ones: a
   * phrase of their stems in the title and the body, or null for fewer than two words.
   *
   * @param tokens the query's plain words, analysed ({@link QueryTerms#analyze})
   */
  static @Nullable Query proximity(List<Token> tokens) {
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

  /**
   * Entries that hold every plain word of a query in the form typed, and more so those where the
   * words stand close together, rank above entries that match only through stems, close spellings
   * or words far apart: a reader who types two remembered words wants the entry that says them. Two
   * fixed bonuses, each comparable to a title match, so that BM25 still orders the entries within
   * each tier: {@link #AS_TYPED_BONUS} for every word present as typed (in any text field), {@link
   * #TOGETHER_BONUS} for those words within {@link #TOGETHER_SLOP} moves of each other in one
   * field. A possessive counts as the form typed ({@code rust} finds {@code Rust's}); stop words
   * are not required. Null for fewer than two words.
   *
   * @param analysed the query's plain words, analysed ({@link QueryTerms#analyze})
   */
  static @Nullable Query asTyped(List<Token> analysed) {
    List<Token> tokens = analysed.stream().filter(token -> token.stem() != null).toList();
    if (tokens.size() < 2) {
      return null;
    }
    BooleanQuery.Builder every = new BooleanQuery.Builder();
    for (Token token : tokens) {
      BooleanQuery.Builder anyField = new BooleanQuery.Builder();
      for (String field : Fields.TEXT_FIELDS) {
        for (String form : typedForms(token)) {
          anyField.add(new TermQuery(new Term(field, form)), Occur.SHOULD);
        }
      }
      every.add(anyField.build(), Occur.MUST);
    }
    BooleanQuery.Builder together = new BooleanQuery.Builder();
    for (String field : TOGETHER_FIELDS) {
      MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
      for (Token token : tokens) {
        Term[] forms = typedForms(token).stream().map(f -> new Term(field, f)).toArray(Term[]::new);
        phrase.add(forms, token.position());
      }
      together.add(phrase.setSlop(TOGETHER_SLOP).build(), Occur.SHOULD);
    }
    return new BooleanQuery.Builder()
        .add(new BoostQuery(new ConstantScoreQuery(every.build()), AS_TYPED_BONUS), Occur.SHOULD)
        .add(new BoostQuery(new ConstantScoreQuery(together.build()), TOGETHER_BONUS), Occur.SHOULD)
        .build();
  }

  /**
   * The exact term of a word and, for a word outside CJK scripts without an apostrophe, its
   * possessive.
   */
  private static List<String> typedForms(Token token) {
    String exact = token.exact();
    boolean notCjk = exact.chars().allMatch(c -> c < CJK_START);
    return notCjk && exact.indexOf('\'') < 0 ? List.of(exact, exact + "'s") : List.of(exact);
  }

  /** Entries, and list pages too when asked. */
  static Query kinds(boolean includeLists) {
    List<BytesRef> kinds = new ArrayList<>(2);
    kinds.add(new BytesRef(Fields.KIND_ENTRY));
    if (includeLists) {
      kinds.add(new BytesRef(Fields.KIND_LIST));
    }
    return new TermInSetQuery(Fields.KIND, kinds);
  }
}
