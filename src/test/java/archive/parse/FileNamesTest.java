package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "dev_log_12.md | dev log 12",
        "notes/moving-to-hugo.html | moving to hugo",
        "2021-06-15-some-title.md | some title",
        "posts/my-trip/index.md | my trip",
        "posts/_index.md | posts",
        "index.html | home",
        "v1.2.md | v1.2",
      })
  void turnsFileNamesIntoWords(String path, String words) {
    assertThat(FileNames.words(path)).isEqualTo(words);
  }

  @Test
  void readsJekyllDates() {
    assertThat(FileNames.jekyllDate("_posts/2021-06-15-some-title.md"))
        .contains(LocalDate.of(2021, 6, 15));
    assertThat(FileNames.jekyllDate("2021-6-5-x.md")).contains(LocalDate.of(2021, 6, 5));
    assertThat(FileNames.jekyllDate("some-title.md")).isEmpty();
    assertThat(FileNames.jekyllDate("2021-13-15-x.md")).isEmpty();
  }

  @Test
  void readsFullDatesFromPaths() {
    assertThat(FileNames.pathDate("2021/06/18/dev-log/index.html"))
        .contains(LocalDate.of(2021, 6, 18));
    assertThat(FileNames.pathDate("blog/2021/6/8/x.html")).contains(LocalDate.of(2021, 6, 8));
  }

  @Test
  void takesTheFirstOfTheMonthForYearAndMonthPaths() {
    assertThat(FileNames.pathDate("2021/06/post.html")).contains(LocalDate.of(2021, 6, 1));
  }

  @Test
  void ignoresPathsWithoutADate() {
    assertThat(FileNames.pathDate("posts/2021-review.html")).isEmpty();
    assertThat(FileNames.pathDate("2021/99/x.html")).isEmpty();
    assertThat(FileNames.pathDate("1234/05/06/x.html")).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | en",
        "en-US | en",
        "EN_gb | en",
        "zh-Hant-TW | zh",
        "ja | ja",
        "fil | fil",
        "'' | ''",
        "english | ''",
        "e | ''",
        "12 | ''"
      })
  void keepsThePrimaryLanguageSubtagInLowerCase(String tag, String primary) {
    assertThat(LanguageTags.primary(tag)).isEqualTo(primary);
  }
}
