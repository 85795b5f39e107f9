package archive.web;

import java.io.IOException;

/** The server could not start listening; the message says what to do. */
public final class ServerStartException extends IOException {
  private static final long serialVersionUID = 1L;

  ServerStartException(String host, int port, Throwable cause) {
    super(
        "cannot listen on "
            + host
            + ":"
            + port
            + " ("
            + cause.getMessage()
            + ") — is another server using it? choose another with --port",
        cause);
  }
}
