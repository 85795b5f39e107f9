package archive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LenientDatesTest {

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "2021-1-8 | 2021-01-08",
        "2021-06-18 | 2021-06-18",
        "2021-06-18T10:00:00Z | 2021-06-18",
        "2015-06-06T21:10:30-04:00 | 2015-06-06",
        "2021-06-18T23:30:00.123+09:00 | 2021-06-18",
        "2014-01-28 10:00:00 -0500 | 2014-01-28",
        "2021-06-18 10:00 | 2021-06-18",
        "June 18, 2021 | 2021-06-18",
        "Jun 18, 2021 | 2021-06-18",
        "18 Jun 2021 | 2021-06-18",
        "18 June 2021 | 2021-06-18",
        "Sept 3, 2019 | 2019-09-03",
        "Friday, June 18th, 2021 | 2021-06-18",
        "Tue, 3 Jun 2008 11:05:30 GMT | 2008-06-03",
        "2021/06/18 | 2021-06-18",
        "20210618 | 2021-06-18",
        "1624010400 | 2021-06-18",
        "1624010400000 | 2021-06-18",
        "'  2021-06-18  ' | 2021-06-18",
      })
  void readsTheShapesBloggersWrite(String text, String expected) {
    assertThat(LenientDates.parse(text)).contains(LocalDate.parse(expected));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        "someday",
        "",
        "2021-13-01",
        "2021-02-30",
        "18 Junk 2021",
        "June 2021",
        "2021-06-18 and more",
        "1989-12-31",
        "2999-01-01",
        "PT3M",
        "12345"
      })
  void rejectsWhatIsNotADateInRange(String text) {
    assertThat(LenientDates.parse(text)).isEmpty();
  }

  @Test
  void acceptsTomorrowButNotTheDayAfter() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(LenientDates.parse(today.plusDays(1).toString())).isPresent();
    assertThat(LenientDates.parse(today.plusDays(2).toString())).isEmpty();
  }

  @Test
  void keepsTheOutOfRangeDateForMessagesButFlagsIt() {
    LocalDate far = LenientDates.fromValueAnyYear("2999-01-01").orElseThrow();
    assertThat(far).isEqualTo(LocalDate.of(2999, 1, 1));
    assertThat(LenientDates.inRange(far)).isFalse();
  }

  @Test
  void readsJavaDateObjectsWithoutShiftingTheDay() {
    assertThat(LenientDates.fromValue(LocalDate.of(2021, 6, 18)))
        .contains(LocalDate.of(2021, 6, 18));
    assertThat(LenientDates.fromValue(LocalDateTime.of(2021, 6, 18, 23, 59)))
        .contains(LocalDate.of(2021, 6, 18));
    assertThat(LenientDates.fromValue(OffsetDateTime.parse("2021-06-18T23:00:00-05:00")))
        .contains(LocalDate.of(2021, 6, 18));
    assertThat(LenientDates.fromValue(Date.from(Instant.parse("2021-06-18T12:00:00Z"))))
        .contains(LocalDate.of(2021, 6, 18));
  }

  @Test
  void readsNumbersAsEpochSeconds() {
    assertThat(LenientDates.fromValue(1624010400)).contains(LocalDate.of(2021, 6, 18));
    assertThat(LenientDates.fromValue(1624010400L)).contains(LocalDate.of(2021, 6, 18));
  }

  @Test
  void rejectsValuesThatAreNeitherTextNorDates() {
    assertThat(LenientDates.fromValue(true)).isEmpty();
    assertThat(LenientDates.fromValue(null)).isEmpty();
    assertThat(LenientDates.fromValue(java.util.List.of("2021-06-18"))).isEmpty();
  }
}
