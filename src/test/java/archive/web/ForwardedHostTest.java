package archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request's {@code Host} or {@code X-Forwarded-Host} never becomes a link in what the server
 * answers: behind a caching proxy, one client's header would be every reader's link (issue 10,
 * defect 7). Links are relative, or made of the configured {@code --public-url}.
 */
@Timeout(60)
class ForwardedHostTest {

  @TempDir Path site;
  @TempDir Path indexDir;
  private ArchiveServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private void start(@Nullable URI publicUrl) throws IOException {
    Files.writeString(
        site.resolve("a.md"),
        "---\ntitle: Quolls\ndate: 2021-01-01\n---\nQuolls.\n",
        StandardCharsets.UTF_8);
    TestIndex.build(site, indexDir);
    server =
        ArchiveServer.start(new ServerConfig("127.0.0.1", 0, indexDir, null, List.of(), publicUrl));
  }

  /** The answer to a request that names another host, as a proxy would pass it on. */
  private String fromEvilHost(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: evil.example\r\n"
                      + "X-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void withoutAPublicUrlFeedsAndOpenSearchLinkRelatively() throws IOException {
    start(null);
    for (String path : List.of("/opensearch.xml", "/feed.xml?q=quolls", "/search?q=quolls")) {
      String answer = fromEvilHost(path);
      assertThat(answer).as(path).startsWith("HTTP/1.1 200").doesNotContain("evil.example");
    }
    assertThat(fromEvilHost("/feed.xml?q=quolls")).contains("<link href=\"/a.html\"/>");
  }

  @Test
  void withAPublicUrlTheyLinkThere() throws IOException {
    start(URI.create("https://search.example.org/"));

    assertThat(fromEvilHost("/opensearch.xml"))
        .contains("template=\"https://search.example.org/search?q={searchTerms}\"")
        .doesNotContain("evil.example");
    assertThat(fromEvilHost("/feed.xml?q=quolls"))
        .contains("<link rel=\"self\" href=\"https://search.example.org/feed.xml?q=quolls\"/>")
        .contains("<link href=\"https://search.example.org/a.html\"/>")
        .doesNotContain("evil.example");
  }
}
