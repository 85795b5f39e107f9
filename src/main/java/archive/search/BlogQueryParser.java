package archive.search;

import archive.index.Analysis;
import archive.index.Fields;
import archive.search.QueryTerms.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a query in Lucene's classic syntax, extended for a blog. The classic parser (not the
 * flexible {@code StandardQueryParser}) because every extension point needed is one protected
 * method — a word, a phrase, a prefix, a range, how clauses join — where the flexible parser would
 * need a processor pipeline of its own for the same hooks.
 *
 * <p>What the hooks add to Lucene's syntax: words match every text field (title first) in their
 * exact form and by stem; {@code title:}, {@code subtitle:}, {@code heading:} and {@code body:}
 * narrow that to one field; {@code tag:}, {@code year:}, {@code date:}, {@code after:} and {@code
 * before:} are filters (with ranges such as {@code date:[2020-01 TO 2021-06]}); {@code OR} binds
 * tighter than the words around it ({@code a OR b c} is {@code (a OR b) AND c}, as in web search,
 * where the classic parser would make {@code a} and {@code b} optional); stop words are optional
 * beside other words. Guards: no leading wildcards, no regular expressions ({@code /} is text), a
 * prefix needs two letters, at most two edits, phrase slop and words bounded; each says so in a
 * note. A syntax error never fails the search: the words are searched as typed, with a note.
 */
final class BlogQueryParser extends QueryParser {

  /** At most this many words and phrases are used; the rest are dropped with a note. */
  static final int MAX_PARTS = 32;

  /** Words of a query that may match close spellings, typed with {@code ~} or when widening. */
  static final int MAX_FUZZY_WORDS = 8;

  /** The most moves a phrase's words may make ({@code "a b"~20}). */
  static final int MAX_SLOP = 20;

  /** Why a query matches nothing before it runs. */
  static final String NO_WORDS = "no words to search for";

  /** How strictly words must match. */
  enum Mode {
    /** Every word, as typed or by stem. */
    ALL,
    /** Every word, allowing close spellings. */
    ALL_FUZZY,
    /** Any word, allowing close spellings. */
    ANY_FUZZY
  }

  // QueryParserBase's codes for how a clause was joined, package-private there.
  private static final int CONJ_AND = 1;
  private static final int CONJ_OR = 2;
  private static final int MOD_NOT = 10;
  private static final int MOD_REQ = 11;

  private final Mode mode;
  private final Set<String> notes = new LinkedHashSet<>();
  private final Set<String> notesIfWords = new LinkedHashSet<>();
  private final List<PlainWord> plainWords = new ArrayList<>();
  private final Set<Query> filters = identitySet();
  private final Set<Query> stopWords = identitySet();
  private final Set<Query> negated = identitySet();
  private final Set<Query> clauseLists = identitySet();
  private final Set<Query> fillers = identitySet();
  private final Set<BooleanClause> joinsPrevious =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Query, Query> strict = new IdentityHashMap<>();
  private final Map<Query, List<Query>> alternatives = new IdentityHashMap<>();
  private int parts;
  private int fuzzyWords;
  private final CloseSpellings closeSpellings;

  /** A word that may be corrected and that counts for proximity. */
  private record PlainWord(Query query, String text) {}

  private BlogQueryParser(Mode mode, CloseSpellings closeSpellings) {
    super(Qualifiers.ANY_FIELD, Analysis.queryAnalyzer());
    this.mode = mode;
    this.closeSpellings = closeSpellings;
    setDefaultOperator(mode == Mode.ANY_FUZZY ? OR_OPERATOR : AND_OPERATOR);
    setSplitOnWhitespace(true); // each word is analysed alone: "flaky deployments" is not a phrase
  }

  /** Parses a query as typed; never fails. */
  static BlogQuery parse(String typed, Mode mode, boolean includeLists) {
    return parse(typed, mode, includeLists, new CloseSpellings());
  }

  /**
   * Parses a query as typed; never fails. Close spellings keep their automata in {@code
   * closeSpellings}, which every parse of one search shares.
   */
  static BlogQuery parse(
      String typed, Mode mode, boolean includeLists, CloseSpellings closeSpellings) {
    String text = QueryText.clean(typed);
    BlogQueryParser parser = new BlogQueryParser(mode, closeSpellings);
    Query parsed = parser.tryParse(QueryText.prepare(text));
    if (parsed == null) {
      parser = new BlogQueryParser(mode, closeSpellings);
      parser.notesIfWords.add(
          "read as plain words: the query syntax was incomplete (an unclosed quote or bracket,"
              + " or an operator with nothing after it)");
      parsed = parser.tryParse(QueryText.asPlainWords(text));
    }
    if (QueryText.looksLikeRegex(text)) {
      parser.notesIfWords.add("searched for the words between slashes (no regular expressions)");
    }
    return parser.assemble(parsed, includeLists);
  }

  /**
   * How many words and phrases a query has, counting those beyond {@link #MAX_PARTS} that a search
   * would drop; qualifiers such as {@code tag:} are not counted.
   */
  static int countParts(String typed) {
    return parse(typed, Mode.ALL, false).parts();
  }

  private @Nullable Query tryParse(String text) {
    try {
      return parse(text);
    } catch (ParseException | IllegalArgumentException e) {
      // IllegalArgumentException: a boost too large for a float, which the grammar lets through.
      return null;
    }
  }

  private BlogQuery assemble(@Nullable Query parsed, boolean includeLists) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int scoring = 0;
    boolean must = false;
    boolean constraints = false;
    List<String> near = new ArrayList<>();
    for (BooleanClause clause : topLevel(parsed)) {
      if (fillers.contains(clause.getQuery())) {
        continue;
      }
      query.add(clause);
      if (clause.isScoring()) {
        scoring++;
        must |= clause.getOccur() == Occur.MUST;
        plainWord(clause.getQuery()).ifPresent(near::add);
      } else {
        constraints = true;
      }
    }
    List<String> said = new ArrayList<>(notes);
    if (scoring == 0) {
      if (!constraints) {
        return new BlogQuery(new MatchNoDocsQuery(NO_WORDS), List.of(), 0, parts, said);
      }
      query.add(new MatchAllDocsQuery(), Occur.MUST);
    } else {
      said.addAll(0, notesIfWords);
      if (!must) {
        query.setMinimumNumberShouldMatch(1);
      }
      // The plain words analysed once, for both the stem phrase and the bonuses for words as typed.
      List<QueryTerms.Token> nearTokens =
          near.size() < 2 ? List.of() : QueryTerms.analyze(String.join(" ", near));
      Query proximity = TextQueries.proximity(nearTokens);
      if (proximity != null) {
        query.add(proximity, Occur.SHOULD);
      }
      Query asTyped = TextQueries.asTyped(nearTokens);
      if (asTyped != null) {
        query.add(asTyped, Occur.SHOULD);
      }
    }
    query.add(TextQueries.kinds(includeLists), Occur.FILTER);
    return new BlogQuery(query.build(), words(), scoring, parts, said);
  }

  private List<BooleanClause> topLevel(@Nullable Query parsed) {
    if (parsed == null) {
      return List.of();
    }
    if (clauseLists.contains(parsed)) {
      return ((BooleanQuery) parsed).clauses();
    }
    if (parsed instanceof BooleanQuery bool && bool.clauses().isEmpty()) {
      return List.of(); // every clause was dropped
    }
    return List.of(new BooleanClause(parsed, filters.contains(parsed) ? Occur.FILTER : Occur.MUST));
  }

  private Optional<String> plainWord(Query query) {
    return plainWords.stream().filter(w -> w.query() == query).map(PlainWord::text).findFirst();
  }

  private List<String> words() {
    return plainWords.stream()
        .filter(w -> !negated.contains(w.query()))
        .map(PlainWord::text)
        .toList();
  }

  @Override
  protected @Nullable Query getFieldQuery(String field, String text, boolean quoted)
      throws ParseException {
    return getFieldQuery(field, text, quoted ? 0 : -1);
  }

  /** A word or phrase; {@code slop} is negative for a word typed without quotes. */
  @Override
  protected @Nullable Query getFieldQuery(String field, String text, int slop)
      throws ParseException {
    List<String> fields = Qualifiers.textFields(field);
    if (Qualifiers.isFilter(field)) {
      return filter(Qualifiers.filter(field, text, notes::add));
    }
    if (fields == null) {
      return text(false, Fields.TEXT_FIELDS, field + ":" + text, slop); // prepare() prevents it
    }
    if (slop > MAX_SLOP) {
      notes.add("used ~" + MAX_SLOP + " for \"" + text + "\" (phrase words move at most that far)");
    }
    return text(field.isEmpty(), fields, text, Math.min(slop, MAX_SLOP));
  }

  /** Words in some fields; {@code plain} for words typed without a qualifier. */
  private @Nullable Query text(boolean plain, List<String> fields, String text, int slop) {
    if (!countPart()) {
      return null;
    }
    List<Token> tokens = QueryTerms.analyze(text);
    if (tokens.isEmpty()) {
      return null;
    }
    if (slop >= 0 || tokens.size() > 1) {
      return TextQueries.phrase(fields, tokens, Math.max(slop, 0));
    }
    Token token = tokens.get(0);
    boolean close = mode != Mode.ALL && token.stem() != null && fuzzyWords++ < MAX_FUZZY_WORDS;
    Query word = TextQueries.word(fields, token, close ? closeSpellings : null);
    if (close) {
      strict.put(word, TextQueries.word(fields, token, null));
    }
    if (token.stem() == null) {
      stopWords.add(word);
    }
    if (plain) {
      plainWords.add(new PlainWord(word, text.substring(token.start(), token.end())));
    }
    return word;
  }

  private boolean countPart() {
    if (++parts > MAX_PARTS) {
      notes.add("used the first " + MAX_PARTS + " words of the query");
      return false;
    }
    return true;
  }

  /** A constraint that does not score: a filter on its own, no weight inside an {@code OR}. */
  private @Nullable Query filter(@Nullable Query query) {
    if (query == null) {
      return null;
    }
    Query unscored = new BoostQuery(new ConstantScoreQuery(query), 0f);
    filters.add(unscored);
    return unscored;
  }

  @Override
  protected @Nullable Query getRangeQuery(
      String field, @Nullable String from, @Nullable String to, boolean fromIn, boolean toIn)
      throws ParseException {
    return filter(Qualifiers.range(field, from, to, fromIn, toIn, notes::add));
  }

  @Override
  protected @Nullable Query getPrefixQuery(String field, String prefix) throws ParseException {
    List<String> fields = Qualifiers.textFields(field);
    if (prefix.codePointCount(0, prefix.length()) < 2 || fields == null && !isTag(field)) {
      return getFieldQuery(field, prefix, false); // one letter and a star would match too much
    }
    if (fields == null) {
      return filter(Qualifiers.tagPrefix(prefix));
    }
    return countPart() ? TextQueries.prefix(fields, prefix) : null;
  }

  private static boolean isTag(String field) {
    return field.equalsIgnoreCase("tag");
  }

  /** {@code image} is the term as typed: {@code *} and {@code ?} are wildcards unless escaped. */
  @Override
  protected @Nullable Query getWildcardQuery(String field, String image) throws ParseException {
    int start = 0;
    while (start < image.length() && QueryText.isWildcard(image.charAt(start))) {
      start++;
    }
    String rest = image.substring(start);
    if (start > 0 && !rest.isEmpty()) {
      notesIfWords.add("a word cannot start with * or ?; searched for " + QueryText.unescape(rest));
    }
    int first = QueryText.firstWildcard(rest);
    if (first < 0) {
      return getFieldQuery(field, QueryText.unescape(rest), false);
    }
    String head = QueryText.unescape(rest.substring(0, first));
    String tail = rest.substring(first);
    if (tail.chars().allMatch(c -> c == '?')) {
      return getFieldQuery(field, head, false); // a question mark ends a question
    }
    if (tail.chars().allMatch(c -> c == '*')) {
      return getPrefixQuery(field, head);
    }
    List<String> fields = Qualifiers.textFields(field);
    if (fields == null || !isOneWord(head)) {
      return getFieldQuery(field, QueryText.withoutWildcards(rest), false);
    }
    if (!countPart()) {
      return null;
    }
    try {
      return TextQueries.wildcard(fields, rest);
    } catch (TooComplexToDeterminizeException e) {
      notes.add(
          "searched for the words of " + QueryText.unescape(rest) + " (too complex a pattern)");
      return text(false, fields, QueryText.withoutWildcards(rest), -1);
    }
  }

  /** Two letters or more that the analyzer keeps as one word: a pattern may follow them. */
  private static boolean isOneWord(String head) {
    List<Token> tokens = QueryTerms.analyze(head);
    return head.codePointCount(0, head.length()) >= 2
        && tokens.size() == 1
        && tokens.get(0).start() == 0
        && tokens.get(0).end() == head.length();
  }

  @Override
  protected @Nullable Query getRegexpQuery(String field, String regex) throws ParseException {
    // prepare() escapes every slash, so the grammar never sees a regular expression.
    return getFieldQuery(field, regex, false);
  }

  @Override
  protected @Nullable Query getFuzzyQuery(String field, String word, float similarity)
      throws ParseException {
    List<String> fields = Qualifiers.textFields(field);
    List<Token> tokens = QueryTerms.analyze(word);
    if (fields == null || tokens.size() != 1) {
      return getFieldQuery(field, word, false);
    }
    if (fuzzyWords++ >= MAX_FUZZY_WORDS) {
      notes.add("close spellings (~) are sought for the first " + MAX_FUZZY_WORDS + " words");
      return getFieldQuery(field, word, false);
    }
    int asked =
        similarity >= 1
            ? (int) similarity
            : FuzzyQuery.floatToEdits(similarity, word.codePointCount(0, word.length()));
    if (asked > FuzzyQuery.defaultMaxEdits) {
      notes.add("used " + word + "~2 (two edits at most)");
    }
    int edits = Math.min(asked, FuzzyQuery.defaultMaxEdits);
    return countPart() ? TextQueries.fuzzy(fields, tokens.get(0), edits, closeSpellings) : null;
  }

  @Override
  protected void addClause(List<BooleanClause> clauses, int conj, int mods, @Nullable Query q) {
    if (q == null) {
      return; // a stop-worded or ignored part
    }
    BooleanClause last = clauses.isEmpty() ? null : clauses.get(clauses.size() - 1);
    if (mods == MOD_NOT) {
      Query exact = strict.getOrDefault(q, q); // never exclude an entry for a close spelling
      negated.add(q);
      negated.add(exact);
      clauses.add(new BooleanClause(exact, Occur.MUST_NOT));
      return;
    }
    if (conj == CONJ_AND && last != null && last.getOccur() == Occur.SHOULD) {
      clauses.set(clauses.size() - 1, new BooleanClause(last.getQuery(), Occur.MUST));
    }
    Occur occur =
        mods == MOD_REQ || getDefaultOperator() == AND_OPERATOR ? Occur.MUST : Occur.SHOULD;
    BooleanClause clause = new BooleanClause(q, filters.contains(q) ? Occur.FILTER : occur);
    if (conj == CONJ_OR && mods != MOD_REQ) {
      // Joined in getBooleanQuery: replaced here, a list of one would be returned as its first
      // query.
      joinsPrevious.add(clause);
    }
    clauses.add(clause);
  }

  /** The clauses with each {@code a OR b} made one clause of alternatives. */
  private List<BooleanClause> withAlternatives(List<BooleanClause> clauses) {
    List<BooleanClause> joined = new ArrayList<>(clauses.size());
    for (BooleanClause clause : clauses) {
      BooleanClause last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
      if (joinsPrevious.contains(clause) && last != null && last.getOccur() != Occur.MUST_NOT) {
        joined.set(joined.size() - 1, alternative(last, clause.getQuery()));
      } else {
        joined.add(clause);
      }
    }
    return joined;
  }

  /** {@code a OR b}: the previous clause and this one become one clause of alternatives. */
  private BooleanClause alternative(BooleanClause previous, Query next) {
    List<Query> options =
        new ArrayList<>(
            alternatives.getOrDefault(previous.getQuery(), List.of(previous.getQuery())));
    options.add(next);
    Query group = anyOf(options);
    alternatives.put(group, options);
    if (options.stream().anyMatch(strict::containsKey)) {
      strict.put(group, anyOf(options.stream().map(o -> strict.getOrDefault(o, o)).toList()));
    }
    if (options.stream().allMatch(stopWords::contains)) {
      stopWords.add(group);
    }
    boolean onlyFilters = options.stream().allMatch(filters::contains);
    if (onlyFilters) {
      filters.add(group);
    }
    Occur occur = previous.getOccur() == Occur.FILTER ? Occur.MUST : previous.getOccur();
    return new BooleanClause(group, onlyFilters ? Occur.FILTER : occur);
  }

  private static Query anyOf(List<Query> options) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Query option : options) {
      any.add(option, Occur.SHOULD);
    }
    return any.build();
  }

  @Override
  protected @Nullable Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    List<BooleanClause> kept = withoutLoneStopWords(withAlternatives(clauses));
    if (kept.isEmpty()) {
      return null;
    }
    Query built = clauseList(kept);
    if (kept.stream().anyMatch(c -> strict.containsKey(c.getQuery()))) {
      List<BooleanClause> exact = new ArrayList<>(kept.size());
      for (BooleanClause c : kept) {
        exact.add(new BooleanClause(strict.getOrDefault(c.getQuery(), c.getQuery()), c.getOccur()));
      }
      strict.put(built, clauseList(exact));
    }
    if (kept.stream()
        .filter(BooleanClause::isScoring)
        .allMatch(c -> stopWords.contains(c.getQuery()))) {
      stopWords.add(built);
    }
    return built;
  }

  /**
   * A stop word beside other words is optional ("the" must not decide which entries match), and is
   * dropped when any word will do; a query of stop words alone still needs them.
   */
  private List<BooleanClause> withoutLoneStopWords(List<BooleanClause> clauses) {
    boolean onlyStopWords =
        clauses.stream()
            .filter(BooleanClause::isScoring)
            .allMatch(c -> stopWords.contains(c.getQuery()));
    if (onlyStopWords) {
      return clauses;
    }
    List<BooleanClause> kept = new ArrayList<>(clauses.size());
    for (BooleanClause clause : clauses) {
      if (!clause.isScoring() || !stopWords.contains(clause.getQuery())) {
        kept.add(clause);
      } else if (mode != Mode.ANY_FUZZY) {
        kept.add(new BooleanClause(clause.getQuery(), Occur.SHOULD));
      }
    }
    return kept;
  }

  private Query clauseList(List<BooleanClause> clauses) {
    BooleanQuery.Builder list = new BooleanQuery.Builder();
    boolean must = false;
    boolean should = false;
    for (BooleanClause clause : clauses) {
      list.add(clause);
      must |= clause.getOccur() == Occur.MUST;
      should |= clause.getOccur() == Occur.SHOULD;
    }
    if (should && !must) {
      list.setMinimumNumberShouldMatch(1);
    } else if (!should && !must) {
      Query everything = new MatchAllDocsQuery(); // "-a" alone, or filters: what remains
      fillers.add(everything);
      list.add(everything, Occur.MUST);
    }
    Query built = list.build();
    clauseLists.add(built);
    return built;
  }

  private static Set<Query> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
