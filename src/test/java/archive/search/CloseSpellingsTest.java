package archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import archive.index.Analysis;
import archive.index.EntryIndexer;
import archive.index.Fields;
import archive.ingest.SiteWalker;
import archive.parse.ParseOptions;
import archive.search.BlogQueryParser.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search builds each word's close-spelling automata once, and finds the same spellings. */
class CloseSpellingsTest {

  @TempDir Path site;
  @TempDir Path indexDir;
  @TempDir Path devlogIndex;

  @BeforeEach
  void indexTwoEntries() throws IOException {
    write(
        "garden.md",
        """
        ---
        title: Garden notes
        created: 2021-1-18
        ---
        ## Garden
        The garden gardens were watered; a guardian of the gardener's tools.
        """);
    write(
        "deploy.md",
        """
        ---
        title: Deployment diary
        created: 2021-2-18
        ---
        ## Work
        Deployments to kubernetes failed, then the deployment worked. Kubernetes again.
        """);
    index(site, indexDir);
  }

  private static void index(Path folder, Path index) throws IOException {
    try (EntryIndexer indexer = EntryIndexer.open(index)) {
      indexer.index(
          SiteWalker.walk(folder), ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE);
    }
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(site.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void aWordSoughtInEveryFieldAndEveryWideningBuildsItsAutomataOnce() throws IOException {
    CloseSpellings shared = new CloseSpellings();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Query allFuzzy =
          searcher.rewrite(BlogQueryParser.parse("gardne", Mode.ALL_FUZZY, false, shared).query());
      Query anyFuzzy =
          searcher.rewrite(BlogQueryParser.parse("gardne", Mode.ANY_FUZZY, false, shared).query());

      assertThat(shared.builds()).isEqualTo(1);
      String garden = Analysis.exactTerm("garden");
      for (Query rewritten : List.of(allFuzzy, anyFuzzy)) {
        assertThat(terms(rewritten))
            .contains(
                new Term(Fields.TITLE, garden),
                new Term(Fields.HEADINGS, garden),
                new Term(Fields.BODY, garden));
      }
    }
  }

  @Test
  void sharedAutomataFindTheSameCloseSpellingsAsLucenesFuzzyQuery() throws IOException {
    CloseSpellings shared = new CloseSpellings();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (String typo : List.of("gardne", "kubernets", "deploymnet", "gaurdian")) {
        String exact = Analysis.exactTerm(typo);
        for (String field : List.of(Fields.TITLE, Fields.BODY)) {
          Query ours = searcher.rewrite(shared.query(field, exact, 2, 50));
          Query lucenes =
              searcher.rewrite(
                  new FuzzyQuery(new Term(field, exact), 2, CloseSpellings.PREFIX, 50, true));
          assertThat(terms(ours)).isEqualTo(terms(lucenes));
        }
      }
    }
  }

  @Test
  void didYouMeanOffersWhatLucenesSpellCheckerOffers() throws IOException {
    index(Path.of("examples/devlog"), devlogIndex);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(devlogIndex))) {
      DirectSpellChecker lucenes = new DirectSpellChecker();
      Spelling.configure(lucenes);
      DirectSpellChecker ours = Spelling.checker(new CloseSpellings());
      int compared = 0;
      int withSuggestions = 0;
      for (String word : typos(reader)) {
        for (String field : List.of(Fields.BODY, Fields.TITLE)) {
          for (SuggestMode mode :
              List.of(SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, SuggestMode.SUGGEST_MORE_POPULAR)) {
            Term term = new Term(field, Analysis.exactTerm(word));
            List<String> expected = words(lucenes.suggestSimilar(term, 3, reader, mode));
            assertThat(words(ours.suggestSimilar(term, 3, reader, mode)))
                .as("%s in %s, %s", word, field, mode)
                .isEqualTo(expected);
            compared++;
            withSuggestions += expected.isEmpty() ? 0 : 1;
          }
        }
      }
      assertThat(compared).isGreaterThan(400);
      assertThat(withSuggestions).isGreaterThan(100);
    }
  }

  /** Each body word of six letters or more, with two letters swapped and with one dropped. */
  private static List<String> typos(DirectoryReader reader) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, Fields.BODY);
    List<String> typos = new ArrayList<>();
    TermsEnum each = terms.iterator();
    for (BytesRef term = each.next(); term != null && typos.size() < 200; term = each.next()) {
      String text = term.utf8ToString();
      if (text.length() > 6
          && text.charAt(0) == Analysis.EXACT_MARK
          && text.chars().skip(1).allMatch(c -> c >= 'a' && c <= 'z')) {
        String word = text.substring(1);
        typos.add(word.substring(0, 2) + word.charAt(3) + word.charAt(2) + word.substring(4));
        typos.add(word.substring(0, 3) + word.substring(4));
      }
    }
    return typos;
  }

  private static List<String> words(SuggestWord[] suggestions) {
    List<String> words = new ArrayList<>();
    for (SuggestWord s : suggestions) {
      words.add(s.string + " " + s.freq + " " + s.score);
    }
    return words;
  }

  private static Set<Term> terms(Query query) {
    Set<Term> terms = new HashSet<>();
    query.visit(QueryVisitor.termCollector(terms));
    return terms;
  }
}
