package archive.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every subcommand that uses the index takes. */
final class CommonOptions {

  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "${env:ARCHIVE_INDEX:-index}",
      description = "Index folder (default: $ARCHIVE_INDEX, else ./index; now ${DEFAULT-VALUE}).")
  Path index = Path.of("index");

  @Mixin StackTraceOption stackTrace = new StackTraceOption();

  /** Whether a SITE argument is a live site's address (to crawl) rather than a folder. */
  static boolean isAddress(String site) {
    String lower = site.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /** The value of a {@code --base-url} option, or null when it was not given. */
  static @Nullable URI baseUrl(@Nullable String value) {
    return url("--base-url", "https://blog.example.org/", value);
  }

  /** The value of an option that takes a URL, or null when not given. */
  static @Nullable URI url(String option, String example, @Nullable String value) {
    try {
      return value == null ? null : URI.create(value.strip());
    } catch (IllegalArgumentException e) {
      throw new UsageError(option + " is not a URL (e.g. " + example + "): " + value);
    }
  }
}
