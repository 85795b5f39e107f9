package archive.web;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request sent to the server exactly as written, for paths a real client would refuse or
 * normalise first ({@code %zz}, {@code ..}) and for requests no client would send at all; the whole
 * answer comes back as text.
 */
final class RawHttp {

  private RawHttp() {}

  /** The raw answer (status line, headers, body) to {@code GET path}. */
  static String get(int port, String path) throws IOException {
    return send(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  /**
   * The raw answer to {@code request}, sent byte for byte (each character one byte, as ISO-8859-1
   * has it), read until the server closes the connection; "" when it closed without a word.
   */
  static String send(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
    }
  }

  /** All the bytes until the end of the stream, or until the server reset the connection. */
  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // a reset after the answer (or instead of one) ends it as a close would
    }
    return out.toByteArray();
  }

  /**
   * How many whole answers, of at most {@code expected}, come from {@code in} before it ends; each
   * answer's body is read by its {@code Content-Length} and dropped, so gigabytes cost no memory.
   */
  static int answers(InputStream in, int expected) throws IOException {
    int answered = 0;
    try {
      for (; answered < expected; answered++) {
        long length = -1;
        for (String line; !(line = line(in)).isEmpty(); ) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Long.parseLong(line.substring("content-length:".length()).strip());
          }
        }
        if (length < 0) {
          return answered;
        }
        in.skipNBytes(length);
      }
    } catch (EOFException | SocketException cutOff) {
      // the answer stopped short: it does not count
    }
    return answered;
  }

  /**
   * One header line without its CRLF; "" at the blank line that ends the headers, or at the end.
   */
  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
