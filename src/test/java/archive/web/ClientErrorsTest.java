package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.BadMessageException;
import org.junit.jupiter.api.Test;

/** A flood of malformed requests writes a line every ten seconds, not a line each. */
class ClientErrorsTest {

  @Test
  void aFloodOfBadRequestsIsLoggedOnceAnIntervalWithACount() {
    List<String> lines = new ArrayList<>();
    AtomicLong now = new AtomicLong(5_000_000_000L);
    ClientErrors errors = new ClientErrors(lines::add, now::get);
    BadMessageException bad = new BadMessageException(400, "Unable to parse URI query");

    for (int i = 0; i < 1000; i++) {
      errors.seen("GET", "/api/search", bad);
    }
    now.addAndGet(10_000_000_000L);
    errors.seen("GET", "/search", bad);

    assertThat(lines)
        .containsExactly(
            "GET /api/search: 400, malformed request (BadMessageException)",
            "GET /search: 400, malformed request (BadMessageException); 999 more like it not"
                + " logged");
  }

  @Test
  void requestsRefusedBeforeRoutingShareTheSameInterval() {
    List<String> lines = new ArrayList<>();
    AtomicLong now = new AtomicLong(5_000_000_000L);
    ClientErrors errors = new ClientErrors(lines::add, now::get);

    for (int i = 0; i < 500; i++) {
      errors.refused(414, "URI Too Long");
      errors.seen("GET", "/api/search", new BadMessageException(400));
    }
    now.addAndGet(10_000_000_000L);
    errors.refused(431, "Request Header Fields Too Large");

    assertThat(lines)
        .containsExactly(
            "a request refused before routing: 414 URI Too Long",
            "a request refused before routing: 431 Request Header Fields Too Large; 999 more like"
                + " it not logged");
  }

  @Test
  void onlyTheClientsOwnMistakesAreClientErrors() {
    assertThat(ClientErrors.message(new RuntimeException(new BadMessageException(400))))
        .isNotNull();
    assertThat(ClientErrors.message(new IllegalStateException("a bug of ours"))).isNull();
  }
}
