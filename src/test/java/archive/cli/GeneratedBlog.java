package archive.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A blog of Markdown entries written to a real folder for the reliability tests: front matter with
 * a title, a date across ten years and tags, then sections ({@code ##} headings and bold run-ins)
 * of pseudo-words drawn from a seeded random source, so that a run is the same every time. Each
 * entry also carries a marker word the test chooses, to count afterwards which version of it the
 * index holds.
 */
final class GeneratedBlog {

  static final List<String> TAGS =
      List.of(
          "java", "garden", "travel", "music", "books", "lucene", "cooking", "machine learning");

  private final Path folder;
  private final Random random;
  private final List<String> vocabulary = new ArrayList<>();

  GeneratedBlog(Path folder, long seed) {
    this.folder = folder;
    this.random = new Random(seed);
    for (int i = 0; i < 3000; i++) {
      vocabulary.add(word(3 + random.nextInt(8)));
    }
  }

  /** The folder the entries are written to. */
  Path folder() {
    return folder;
  }

  /** The file name of entry {@code n}. */
  static String fileName(int n) {
    return "entry-" + n + ".md";
  }

  /** Writes (or rewrites) entry {@code n} with {@code marker} in its text; returns its path. */
  Path write(int n, String marker, int words) throws IOException {
    int year = 2015 + n % 10;
    StringBuilder text = new StringBuilder(words * 8 + 200);
    text.append("---\ntitle: ")
        .append(capitalised(pick()))
        .append(' ')
        .append(pick())
        .append(' ')
        .append(n)
        .append("\ncreated: ")
        .append(year)
        .append('-')
        .append(1 + n % 12)
        .append('-')
        .append(1 + n % 28)
        .append("\ntags: [")
        .append(TAGS.get(n % TAGS.size()))
        .append(", ")
        .append(TAGS.get((n / 3) % TAGS.size()))
        .append("]\n---\n");
    text.append(capitalised(pick())).append(' ').append(marker).append(' ');
    sentences(text, words / 3);
    text.append("\n\n## ").append(capitalised(pick())).append("\n\n");
    sentences(text, words / 3);
    text.append("\n\n**").append(capitalised(pick())).append("** ");
    sentences(text, words - 2 * (words / 3));
    text.append('\n');
    Path file = folder.resolve(fileName(n));
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private void sentences(StringBuilder text, int words) {
    for (int i = 0; i < words; i++) {
      text.append(pick()).append(i % 11 == 10 ? ". " : " ");
    }
  }

  private String pick() {
    // A skewed draw: some words are common, most are rare, as in prose.
    int index = (int) (vocabulary.size() * Math.pow(random.nextDouble(), 3));
    return vocabulary.get(index);
  }

  private String word(int length) {
    StringBuilder word = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
