package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadingSlugsTest {

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "Next week | next-week",
        "Hello, World! | hello-world",
        "C++ & Java | c--java",
        "snake_case and kebab-case | snake_case-and-kebab-case",
        "Café ÉTÉ | café-été",
        "朝ごはん | 朝ごはん",
        "Version 2.0 (beta) | version-20-beta",
        "'  Padded  ' | padded",
        "!!! | ''",
      })
  void slugsLikeGitHub(String heading, String slug) {
    assertThat(HeadingSlugs.slug(heading)).isEqualTo(slug);
  }

  @Test
  void suffixesRepeatsWithinAnEntry() {
    HeadingSlugs slugs = new HeadingSlugs();
    assertThat(slugs.unique("Work")).isEqualTo("work");
    assertThat(slugs.unique("Work")).isEqualTo("work-1");
    assertThat(slugs.unique("work")).isEqualTo("work-2");
  }

  @Test
  void avoidsASuffixThatAnotherHeadingAlreadyTook() {
    HeadingSlugs slugs = new HeadingSlugs();
    assertThat(slugs.unique("Work 1")).isEqualTo("work-1");
    assertThat(slugs.unique("Work")).isEqualTo("work");
    assertThat(slugs.unique("Work")).isEqualTo("work-2");
  }

  @Test
  // A hang guard: counting from 1 again for every repeat took hours (issue 10, hostile files).
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void suffixesTwoHundredThousandRepeatsOfOneHeading() {
    HeadingSlugs slugs = new HeadingSlugs();
    String last = "";
    for (int i = 0; i < 200_000; i++) {
      last = slugs.unique("Notes");
    }
    assertThat(last).isEqualTo("notes-199999");
    assertThat(slugs.unique("Notes 1")).isEqualTo("notes-1-1");
  }

  @Test
  void givesNoAnchorWhenNothingIsLeftOfTheHeading() {
    HeadingSlugs slugs = new HeadingSlugs();
    assertThat(slugs.unique("???")).isEmpty();
    assertThat(slugs.unique("???")).isEmpty();
  }

  @Test
  void startsFreshForEachEntry() {
    new HeadingSlugs().unique("Work");
    assertThat(new HeadingSlugs().unique("Work")).isEqualTo("work");
  }
}
