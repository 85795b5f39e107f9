package archive.cli;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The command was asked for something it cannot do as given (options that do not go together, a
 * value out of range): exit status 2 with the message, where any other failure is status 1. An
 * {@link IllegalArgumentException} is not one by itself: from deeper down it is a broken invariant,
 * a bug, and is reported as such.
 */
final class UsageError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageError(String message) {
    super(message);
  }

  /**
   * What {@code make} returns, where the stages' own checks of a value the user gave ({@code --port
   * 70000}, a crawl address) become usage errors with their message.
   */
  static <T> T checking(Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      UsageError usage =
          new UsageError(Objects.requireNonNullElse(e.getMessage(), "a value given is not usable"));
      usage.initCause(e);
      throw usage;
    }
  }
}
