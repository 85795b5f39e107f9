package archive.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a reliability test measured (requests sent, processes killed, files read, answers of 500 or
 * more), written to {@code target/reliability/NAME.txt}: {@code .ci/run} prints these files after
 * the build, and the README's "Reliability" section quotes them. Only counts the test really took;
 * a test records its figures after its assertions passed.
 */
public final class Figures {

  private Figures() {}

  /** Writes {@code lines} as the figures of the test {@code name}, replacing earlier ones. */
  public static void record(String name, List<String> lines) {
    Path dir = Path.of(System.getProperty("archive.buildDir", "target"), "reliability");
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".txt"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lines.forEach(line -> System.out.println(name + ": " + line));
  }
}
