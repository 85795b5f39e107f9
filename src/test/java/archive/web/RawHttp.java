package archive.web;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A request sent to the server exactly as written, for paths a real client would refuse or
 * normalise first ({@code %zz}, {@code ..}); the whole answer comes back as text.
 */
final class RawHttp {

  private RawHttp() {}

  /** The raw answer (status line, headers, body) to {@code GET path}. */
  static String get(int port, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
