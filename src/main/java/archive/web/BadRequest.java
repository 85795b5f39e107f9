package archive.web;

/** A request the server will not answer: the message says what is wrong, for a 400 response. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  BadRequest(String message) {
    super(message);
    this.reason = message;
  }

  /** What is wrong, in the reader's words: the message, never null. */
  String reason() {
    return reason;
  }
}
