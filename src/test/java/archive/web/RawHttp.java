package archive.web;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
   * has it), read until the server closes the connection; "" when it closed without a word. The
   * request is written while the answer is read, since a server may answer a huge request and close
   * before taking all of it.
   */
  static String send(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      Thread writer =
          new Thread(
              () -> {
                try {
                  out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                  // the server stopped reading, as it may once it has answered
                }
              });
      writer.start();
      String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
      writer.join(); // the server closed: a write it did not take has failed by now
      return answer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
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
   * answer's body is read by its {@code Content-Length}, or its chunks, and dropped, so gigabytes
   * cost no memory.
   */
  static int answers(InputStream in, int expected) throws IOException {
    int answered = 0;
    try {
      for (; answered < expected; answered++) {
        long length = -1;
        boolean chunked = false;
        boolean last = false;
        String status = line(in);
        for (String line; !(line = line(in)).isEmpty(); ) {
          String header = line.toLowerCase(Locale.ROOT);
          if (header.startsWith("content-length:")) {
            length = Long.parseLong(header.substring("content-length:".length()).strip());
          }
          chunked |= header.startsWith("transfer-encoding:") && header.endsWith("chunked");
          last |= header.equals("connection: close");
        }
        if (chunked) {
          skipChunks(in);
        } else if (length >= 0) {
          in.skipNBytes(length);
        } else if (last && status.startsWith("HTTP/")) { // the body runs to the close
          readAll(in);
          return answered + 1;
        } else {
          return answered;
        }
      }
    } catch (EOFException | SocketException cutOff) {
      // the answer stopped short: it does not count
    }
    return answered;
  }

  private static void skipChunks(InputStream in) throws IOException {
    for (long size; (size = Long.parseLong(line(in).strip(), 16)) > 0; ) {
      in.skipNBytes(size);
      line(in);
    }
    while (!line(in).isEmpty()) {
      // trailers
    }
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
