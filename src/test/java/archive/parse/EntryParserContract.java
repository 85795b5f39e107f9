package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import archive.ingest.Format;
import archive.ingest.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every entry parser must do with its fixtures: title, date, sections (headings, anchors,
 * levels), URL, text and problems. Subclasses name their fixture folder (or root), format and
 * expectations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
abstract class EntryParserContract {

  /**
   * The folder under {@code src/test/resources/parse/} that holds the fixtures. Only the default
   * {@link #root()} reads it, so a subclass that overrides {@code root()} need not name one.
   */
  String folder() {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " must override folder() or root()");
  }

  /** The format of the fixtures. */
  abstract Format format();

  /** One expectation per fixture that yields an entry. */
  abstract Stream<Fixture> fixtures();

  @ParameterizedTest
  @MethodSource("fixtures")
  void readsTitle(Fixture fixture) throws IOException {
    assertThat(entry(fixture).title()).isEqualTo(fixture.title);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void readsDateAsWritten(Fixture fixture) throws IOException {
    assertThat(entry(fixture).date()).isEqualTo(fixture.date);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void splitsSectionsWithAnchorsAndLevels(Fixture fixture) throws IOException {
    assertThat(entry(fixture).sections())
        .extracting(Section::heading, Section::anchor, Section::level)
        .containsExactlyElementsOf(fixture.sections);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void mapsPathToUrl(Fixture fixture) throws IOException {
    assertThat(entry(fixture).url()).isEqualTo(fixture.url);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void keepsTheTextAndDropsTheNoise(Fixture fixture) throws IOException {
    String text = entry(fixture).text();
    assertThat(text).contains(fixture.contains);
    for (String noise : fixture.excludes) {
      assertThat(text).doesNotContain(noise);
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void reportsExactlyTheExpectedProblems(Fixture fixture) throws IOException {
    assertThat(parse(fixture.path).problems())
        .extracting(Problem::message)
        .containsExactlyElementsOf(fixture.problems);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void usesTheRelativePathAsIdAndPath(Fixture fixture) throws IOException {
    Entry entry = entry(fixture);
    assertThat(entry.id()).isEqualTo(fixture.path);
    assertThat(entry.path()).isEqualTo(fixture.path);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void givesTheSameEntryFromTwoThreads(Fixture fixture) throws Exception {
    EntryParser parser = new EntryParser(ParseOptions.DEFAULTS);
    SourceFile file = source(fixture.path);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ParseResult>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        results.add(pool.submit(() -> parser.parse(file)));
      }
      ParseResult first = results.get(0).get();
      for (Future<ParseResult> result : results) {
        assertThat(result.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Parses a fixture with the default options. */
  ParseResult parse(String relativePath) throws IOException {
    return parse(relativePath, ParseOptions.DEFAULTS);
  }

  /** Parses a fixture with the given options. */
  ParseResult parse(String relativePath, ParseOptions options) throws IOException {
    return new EntryParser(options).parse(source(relativePath));
  }

  /** The entry a fixture yields; fails the test when it is skipped. */
  Entry entry(Fixture fixture) throws IOException {
    ParseResult result = parse(fixture.path);
    assertThat(result.skipReason()).as("skip reason of %s", fixture.path).isNull();
    return result.found().orElseThrow();
  }

  SourceFile source(String relativePath) throws IOException {
    Path file = root().resolve(relativePath);
    return new SourceFile(file, relativePath, format(), Files.size(file), 0L);
  }

  /**
   * The folder that fixture paths are relative to; a fixture's path there is its id and the source
   * of its URL. Defaults to {@code src/test/resources/parse/<folder()>} on the class path.
   */
  Path root() {
    try {
      return Path.of(getClass().getResource("/parse/" + folder()).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("fixture folder " + folder(), e);
    }
  }

  /** The expected entry of one fixture file. */
  static final class Fixture {
    final String path;
    String title = "";
    @Nullable LocalDate date;
    String url = "";
    List<Tuple> sections = List.of();
    String[] contains = {};
    List<String> excludes = List.of();
    List<String> problems = List.of();

    private Fixture(String path) {
      this.path = path;
    }

    static Fixture of(String path) {
      return new Fixture(path);
    }

    Fixture title(String value) {
      title = value;
      return this;
    }

    Fixture date(@Nullable String value) {
      date = value == null ? null : LocalDate.parse(value);
      return this;
    }

    Fixture url(String value) {
      url = value;
      return this;
    }

    Fixture sections(Tuple... value) {
      sections = List.of(value);
      return this;
    }

    Fixture contains(String... value) {
      contains = value;
      return this;
    }

    Fixture excludes(String... value) {
      excludes = List.of(value);
      return this;
    }

    Fixture problems(String... value) {
      problems = List.of(value);
      return this;
    }

    @Override
    public String toString() {
      return path;
    }
  }
}
