package archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2015-10-21T07:27:00Z");

  @Test
  void readsDelaySeconds() {
    assertThat(RetryAfter.parse(" 90 ", NOW)).contains(Duration.ofSeconds(90));
  }

  @Test
  void readsAnHttpDateAsTheTimeUntilIt() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", NOW))
        .contains(Duration.ofSeconds(60));
  }

  @Test
  void aDateInThePastMeansNoWait() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void somethingElseIsNotADelay() {
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
  }

  @Test
  void anAbsurdNumberIsVeryLongNotAnError() {
    assertThat(RetryAfter.parse("99999999999999999999", NOW).orElseThrow())
        .isGreaterThan(Duration.ofDays(1));
  }
}
