package archive.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import archive.testing.Figures;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blog folder full of what a hostile or unlucky folder holds (binaries named {@code .md}, files
 * over the size limit, broken encodings, front matter bombs, markup nested a hundred thousand deep,
 * symbolic link loops, a FIFO, odd file names) beside a few good entries, indexed by the real
 * command line (issue 10, hostile files). The run must end, exit 0, index every good entry, index
 * each hostile file sensibly or name it with a one-line reason, print no stack trace, leave an
 * index that {@link CheckIndex} passes, and find everything unchanged the second time.
 */
class HostileFilesIT {

  /** The largest file the walk reads, as {@code ScanVisitor.MAX_BYTES} has it: 5 MB. */
  private static final int MAX_BYTES = 5 * 1024 * 1024;

  /** Longest line the command line may print. */
  private static final int MAX_LINE = 300;

  @TempDir Path root;

  /** What the run must make of one file. */
  private sealed interface Expected permits Indexed, Skipped {}

  /** Indexed, found by its own word; with a warning that contains {@code warning} unless null. */
  private record Indexed(String word, @Nullable String warning) implements Expected {}

  /** Skipped, with a reason that contains {@code reason}. */
  private record Skipped(String reason) implements Expected {}

  /** A file of the folder, by its path relative to the folder, and what must become of it. */
  private record Case(String path, Expected expected) {}

  @Test
  @Timeout(value = 180, threadMode = ThreadMode.SEPARATE_THREAD) // a hang guard, e.g. a FIFO read
  void aFolderOfHostileFilesIsIndexedAroundThemAndEachIsAccountedFor() throws Exception {
    Path site = Files.createDirectories(root.resolve("blog"));
    Path index = root.resolve("index");
    List<Case> good = writeGoodEntries(site);
    List<Case> hostile = writeHostileFiles(site);

    // In a JVM of its own: a stack overflow or a thread that dies prints there, not to CliRun.
    CliRun first = child("index", site.toString(), "--index", index.toString(), "--verbose");

    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertPrintedCleanly(first);
    for (Case entry : good) {
      assertFound(index, entry);
    }
    Outcomes outcomes = accountFor(first, index, hostile);
    int entries = good.size() + outcomes.indexed();
    assertThat(first.out())
        .startsWith(entries + " entries: " + entries + " new, 0 updated, 0 deleted, 0 unchanged")
        .contains("; " + outcomes.skipped() + " skipped;")
        .doesNotContain("failed");
    assertThat(titleOf(index, "narwhal")).isEqualTo("Café au lait");
    CliRun plain = CliRun.of("search", "kakapo", "--index", index.toString());
    assertThat(plain.out()).contains("/ansi-title.html").doesNotContain("\u001b");
    assertIndexIsClean(index);

    CliRun second = CliRun.of("index", site.toString(), "--index", index.toString(), "--verbose");

    assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
    assertPrintedCleanly(second);
    assertThat(second.out())
        .startsWith(entries + " entries: 0 new, 0 updated, 0 deleted, " + entries + " unchanged")
        .contains("; " + outcomes.skipped() + " skipped")
        .doesNotContain("failed");
    assertIndexIsClean(index);
    recordFigures(hostile.size(), good.size(), outcomes, first, entries);
  }

  /** How the hostile files came out. */
  private record Outcomes(int indexed, int warned, int skipped) {}

  /**
   * Checks each hostile file: indexed and found by its word (with its warning, if it has one), or
   * named on one line of the report with its reason; and no other file skipped.
   */
  private static Outcomes accountFor(CliRun run, Path index, List<Case> hostile) {
    int indexed = 0;
    int warned = 0;
    int skipped = 0;
    for (Case file : hostile) {
      if (file.expected() instanceof Indexed expected) {
        assertFound(index, file);
        indexed++;
        if (expected.warning() != null) {
          assertThat(linesAbout(run, "  warning  ", file.path(), ":"))
              .as("warning about %s", file.path())
              .anySatisfy(line -> assertThat(line).contains(expected.warning()));
          warned++;
        }
      } else if (file.expected() instanceof Skipped expected) {
        assertThat(linesAbout(run, "  skipped  ", file.path(), " — "))
            .as("skip of %s", file.path())
            .singleElement()
            .asString()
            .contains(expected.reason());
        skipped++;
      }
    }
    assertThat(run.out().lines().filter(line -> line.startsWith("  skipped  "))).hasSize(skipped);
    return new Outcomes(indexed, warned, skipped);
  }

  private static void recordFigures(
      int hostile, int good, Outcomes outcomes, CliRun first, int entries) {
    String printed = first.out() + first.err();
    Figures.record(
        "hostile-files",
        List.of(
            String.format(
                Locale.ROOT,
                "%d hostile files and %d good entries: %d good entries indexed,"
                    + " %d hostile files indexed (%d of them with a one-line warning),"
                    + " %d skipped with a one-line reason, 0 failed, 0 stack traces",
                hostile,
                good,
                good,
                outcomes.indexed(),
                outcomes.warned(),
                outcomes.skipped()),
            String.format(
                Locale.ROOT,
                "%d lines printed, the longest %d characters; the index passes CheckIndex;"
                    + " the second run finds all %d entries unchanged",
                printed.lines().count(),
                printed.lines().mapToInt(String::length).max().orElse(0),
                entries)));
  }

  @Test
  @Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
  void aFileTooBigForTheMemoryJavaHasFailsAloneInOneLine() throws Exception {
    // A worker ran out of memory, died with a stack trace, and the file was left out of the tally
    // (issue 10, hostile files). A 5 MB file of headings takes far more than 96 MB to read.
    Path site = Files.createDirectories(root.resolve("blog"));
    Files.writeString(site.resolve("good.html"), "<title>Good</title><p>A quoll.</p>");
    Files.writeString(site.resolve("headings.md"), "# h\n".repeat(1_300_000));
    Path index = root.resolve("index");

    CliRun run =
        child(
            Map.of("JAVA_TOOL_OPTIONS", "-Xmx96m"),
            "index",
            site.toString(),
            "--index",
            index.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertPrintedCleanly(run);
    assertThat(run.out())
        .startsWith("1 entry: 1 new, 0 updated, 0 deleted, 0 unchanged; 1 failed")
        .contains(
            "  failed   headings.md — ran out of memory reading it (Java may use",
            "give Java more with -Xmx, or split the file");
    assertIndexIsClean(index);
  }

  private static List<Case> writeGoodEntries(Path site) throws IOException {
    List<Case> good = new ArrayList<>();
    String[] words = {"aardvark", "bandicoot", "cassowary"};
    for (int i = 0; i < words.length; i++) {
      String path = "posts/good-" + i + ".md";
      write(
          site,
          path,
          "---\ntitle: Good " + i + "\ndate: 2021-03-0" + (i + 1) + "\n---\nA " + words[i] + ".\n");
      good.add(new Case(path, new Indexed(words[i], null)));
    }
    String[] pages = {"dugong", "echidna", "flamingo"};
    for (int i = 0; i < pages.length; i++) {
      String path = "pages/page-" + i + ".html";
      write(
          site, path, "<title>Page " + i + "</title><article><p>A " + pages[i] + ".</p></article>");
      good.add(new Case(path, new Indexed(pages[i], null)));
    }
    return good;
  }

  private List<Case> writeHostileFiles(Path site) throws IOException, InterruptedException {
    List<Case> cases = new ArrayList<>();
    binariesAndSizes(site, cases);
    encodings(site, cases);
    frontMatter(site, cases);
    deepMarkup(site, cases);
    linksAndSpecialFiles(site, cases);
    names(site, cases);
    return cases;
  }

  private static void binariesAndSizes(Path site, List<Case> cases) throws IOException {
    Random random = new Random(10);
    cases.add(file(site, "garbage.md", noise(random, 4096), skipped("NUL bytes")));
    cases.add(file(site, "garbage.html", noise(random, 4096), skipped("NUL bytes")));
    byte[] png = concat(bytes("\u0089PNG\r\n\u001a\n", ISO_8859_1), noise(random, 2000));
    cases.add(file(site, "image.html", png, skipped("binary file (PNG image)")));
    byte[] zip = concat(bytes("PK\u0003\u0004", ISO_8859_1), noise(random, 2000));
    cases.add(file(site, "bundle.html", zip, skipped("binary file (ZIP archive)")));
    cases.add(file(site, "too-big.md", sized("# Big\n", "", MAX_BYTES + 1), skipped("over 5 MB")));
    cases.add(
        file(
            site,
            "just-under.md",
            sized("---\ntitle: Just under\n---\n", "\nA gharial at the very end.\n", MAX_BYTES),
            indexed("gharial")));
    byte[] oneLine = sized("A hoatzin on one line ", "", 5_000_000);
    cases.add(file(site, "one-line.md", oneLine, indexed("hoatzin")));
    byte[] controls = bytes("A uakari\u0007 among \u001b[2J control characters.\n", UTF_8);
    cases.add(file(site, "controls.md", controls, indexed("uakari")));
    byte[] nulLate = concat(sized("A loris first.\n", "\n", 10_000), new byte[] {0, 'x', '\n'});
    cases.add(file(site, "nul-after-8k.md", nulLate, indexed("loris")));
  }

  private static void encodings(Path site, List<Case> cases) throws IOException {
    byte[] invalid =
        concat(
            bytes("---\ntitle: Bytes\n---\nAn ibisbill ", UTF_8),
            new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, '\n'});
    cases.add(
        file(site, "invalid-utf8.md", invalid, indexed("ibisbill", "not valid UTF-8; read as")));
    String md = "\uFEFF---\ntitle: Sixteen\n---\nA %s.\n";
    cases.add(file(site, "utf16le-bom.md", bytes(md.formatted("jacana"), UTF_16LE), "jacana"));
    cases.add(file(site, "utf16be-bom.md", bytes(md.formatted("kinkajou"), UTF_16BE), "kinkajou"));
    String html = "\uFEFF<title>Sixteen</title><p>A %s.</p>";
    cases.add(
        file(site, "utf16le-page.html", bytes(html.formatted("lorikeet"), UTF_16LE), "lorikeet"));
    cases.add(
        file(site, "utf16be-page.html", bytes(html.formatted("markhor"), UTF_16BE), "markhor"));
    byte[] noBomMd = bytes("---\ntitle: No mark\n---\nA text.\n", UTF_16LE);
    cases.add(file(site, "utf16le-nobom.md", noBomMd, skipped("UTF-16 text without a byte order")));
    byte[] noBomHtml = bytes("<title>No mark</title><p>A text.</p>", UTF_16BE);
    cases.add(
        file(site, "utf16be-nobom.html", noBomHtml, skipped("UTF-16 text without a byte order")));
    byte[] latin1 =
        bytes(
            "<html><head><meta charset=\"iso-8859-1\"><title>Café au lait</title></head>"
                + "<body><p>A narwhal in the café.</p></body></html>",
            ISO_8859_1);
    cases.add(file(site, "latin1.html", latin1, indexed("narwhal")));
    byte[] unknown = bytes("<meta charset=\"x-no-such\"><p>A quetzal.</p>", UTF_8);
    cases.add(file(site, "unknown-charset.html", unknown, indexed("quetzal")));
    byte[] oldMac = bytes("---\rtitle: Old Mac\r---\rA margay.\rMore.\r", UTF_8);
    cases.add(file(site, "cr-only.md", oldMac, indexed("margay")));
  }

  private static void frontMatter(Path site, List<Case> cases) throws IOException {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    cases.add(
        markdown(
            site,
            "deep-yaml.md",
            "---\ntitle: " + deep + "\n---\n",
            "ocelot",
            "nested more than 64 levels deep"));
    StringBuilder bomb =
        new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      String previous = "*" + (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      bomb.append(String.join(",", previous, previous, previous, previous, previous, previous));
      bomb.append("]\n");
    }
    cases.add(
        markdown(
            site,
            "yaml-bomb.md",
            bomb + "title: Laughs\n---\n",
            "pangolin",
            "cannot read YAML front matter"));
    cases.add(
        markdown(
            site, "unterminated.md", "---\ntitle: Open\ndate: 2021-01-01\n", "quokka", "never"));
    String megabyte = "T".repeat(1024 * 1024);
    cases.add(
        markdown(
            site,
            "megabyte-title.md",
            "---\ntitle: " + megabyte + "\n---\n",
            "saiga",
            "cannot read YAML front matter"));
    cases.add(
        markdown(
            site,
            "megabyte-title-toml.md",
            "+++\ntitle = \"" + megabyte + "\"\n+++\n",
            "tapir",
            "characters long; cut to"));
    cases.add(
        markdown(
            site,
            "binary-date.md",
            "---\ntitle: Bytes\ndate: !!binary aGVsbG8=\n---\n",
            "urial",
            "unrecognised date binary data"));
    String java =
        "---\ntitle: !!java.lang.ProcessBuilder [[\"touch\", \"pwned\"]]\n"
            + "x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader"
            + " [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n---\n";
    cases.add(markdown(site, "java-tag.md", java, "vicuna", "cannot read YAML front matter"));
    String python = "---\ntitle: !!python/object/apply:os.system [\"touch pwned\"]\n---\n";
    cases.add(markdown(site, "python-tag.md", python, "wallaby", "cannot read YAML front matter"));
    String toml = "+++\ntitle = \"unclosed\ndate = [[[\n = = =\n+++\n";
    cases.add(markdown(site, "bad-toml.md", toml, "xerus", "TOML"));
    cases.add(
        markdown(
            site,
            "deep-toml.md",
            "+++\ntitle = " + deep + "\n+++\n",
            "yapok",
            "nested more than 64 levels deep"));
    cases.add(
        markdown(
            site,
            "long-tag.md",
            "---\ntitle: Tags\ntags: [" + "k".repeat(40_000) + "]\n---\n",
            "zorilla",
            "tag longer than 200 characters"));
    cases.add(
        markdown(
            site, "ansi-title.md", "---\ntitle: \"\\e[2J\\e[31mClear\"\n---\n", "kakapo", null));
  }

  private static void deepMarkup(Path site, List<Case> cases) throws IOException {
    String divs = "<div>".repeat(100_000) + "An axolotl." + "</div>".repeat(100_000);
    cases.add(file(site, "deep-div.html", utf8("<title>Divs</title>" + divs), "axolotl"));
    String bold = "<p>" + "<b>".repeat(100_000) + "A binturong." + "</b>".repeat(100_000);
    cases.add(file(site, "deep-b.html", utf8("<title>Bold</title>" + bold), "binturong"));
    cases.add(file(site, "deep-quote.md", utf8(">".repeat(100_000) + " A caracal.\n"), "caracal"));
    cases.add(file(site, "deep-list.md", utf8("- ".repeat(50_000) + "A dhole.\n"), "dhole"));
    String table = "|h".repeat(2000) + "|\n" + "|-".repeat(2000) + "|\n" + "|x|\n".repeat(600);
    cases.add(
        markdown(
            site, "table-bomb.md", table + "\n", "eland", "a table has more than 1,000,000 cells"));
    String headings = "# Notes\n\nA fennec.\n\n".repeat(50_000);
    cases.add(file(site, "many-headings.md", utf8(headings), "fennec"));
    String brackets = "[".repeat(50_000) + "A potoo." + "]".repeat(50_000) + "\n";
    cases.add(file(site, "brackets.md", utf8(brackets), "potoo"));
    String keywords = "<meta name=keywords content='" + "k".repeat(40_000) + "'>";
    cases.add(
        file(
            site,
            "keywords-bomb.html",
            bytes(keywords + "<title>Keys</title><p>A serval.</p>", UTF_8),
            indexed("serval", "tag longer than 200 characters")));
    String title = "<title>" + "T".repeat(1024 * 1024) + "</title><p>A takin.</p>";
    cases.add(
        file(
            site,
            "megabyte-title-page.html",
            bytes(title, UTF_8),
            indexed("takin", "characters long; cut to")));
  }

  private void linksAndSpecialFiles(Path site, List<Case> cases)
      throws IOException, InterruptedException {
    Files.createSymbolicLink(site.resolve("loop"), Path.of(".."));
    cases.add(new Case("loop", skipped("symbolic link, not followed")));
    Files.createDirectories(site.resolve("sub"));
    Files.createSymbolicLink(site.resolve("sub/up"), Path.of("../.."));
    cases.add(new Case("sub/up", skipped("symbolic link, not followed")));
    Files.createSymbolicLink(site.resolve("dangling.md"), Path.of("nowhere.md"));
    cases.add(new Case("dangling.md", skipped("symbolic link, not followed")));
    Path outside = Files.writeString(root.resolve("outside.md"), "A secret outside the blog.\n");
    Files.createSymbolicLink(site.resolve("outside.md"), outside);
    cases.add(new Case("outside.md", skipped("symbolic link, not followed")));
    assumeThat(run(site, "mkfifo", "pipe.md")).as("mkfifo pipe.md").isZero();
    cases.add(new Case("pipe.md", skipped("not a regular file")));
    cases.add(file(site, "empty.md", new byte[0], skipped("empty file")));
    cases.add(file(site, "whitespace.md", bytes("  \n\t\n   \n", UTF_8), skipped("empty file")));
    cases.add(file(site, ".hidden.md", bytes("A hidden one.\n", UTF_8), skipped("hidden file")));
    Files.createDirectories(site.resolve("x.md"));
    cases.add(file(site, "x.md/inside.md", bytes("A jerboa in x.md/.\n", UTF_8), "jerboa"));
  }

  private void names(Path site, List<Case> cases) throws IOException, InterruptedException {
    cases.add(markdown(site, "name with spaces.md", "", "gerenuk", null));
    cases.add(markdown(site, "new\nline.md", "", "hyrax", null));
    cases.add(file(site, "empty\nname.md", new byte[0], skipped("empty file")));
    cases.add(file(site, "\u001b[31mescape.md", bytes(" \n", UTF_8), skipped("empty file")));
    cases.add(markdown(site, "n".repeat(240) + ".md", "", "numbat", null));
    // Bytes that are not UTF-8 in a name: Java cannot write one, a shell can, where the file
    // system allows it.
    int made = run(site, "sh", "-c", "printf 'An impala.\\n' > \"$(printf 'bad\\377name.md')\"");
    try (Stream<Path> listed = Files.list(site)) {
      List<String> odd =
          listed
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("bad") && n.endsWith("name.md"))
              .toList();
      if (made == 0 && odd.size() == 1) {
        cases.add(new Case(odd.get(0), indexed("impala")));
      }
    }
  }

  /** A Markdown file of {@code frontMatter} and a line with its word, indexed with a warning. */
  private static Case markdown(
      Path site, String path, String frontMatter, String word, @Nullable String warning)
      throws IOException {
    write(site, path, frontMatter + "A " + word + " lives here.\n");
    return new Case(path, indexed(word, warning));
  }

  private static Case file(Path site, String path, byte[] content, Expected expected)
      throws IOException {
    Path file = site.resolve(path);
    Files.write(file, content);
    return new Case(path, expected);
  }

  /** A file indexed without a warning and found by {@code word}. */
  private static Case file(Path site, String path, byte[] content, String word) throws IOException {
    return file(site, path, content, indexed(word));
  }

  private static void write(Path site, String path, String text) throws IOException {
    Path file = site.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, UTF_8);
  }

  private static Indexed indexed(String word) {
    return new Indexed(word, null);
  }

  private static Indexed indexed(String word, @Nullable String warning) {
    return new Indexed(word, warning);
  }

  private static Skipped skipped(String reason) {
    return new Skipped(reason);
  }

  private static byte[] bytes(String text, Charset charset) {
    return text.getBytes(charset);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(UTF_8);
  }

  /** Random bytes with NULs in them, as a binary is. */
  private static byte[] noise(Random random, int length) {
    byte[] noise = new byte[length];
    random.nextBytes(noise);
    noise[10] = 0;
    noise[length / 2] = 0;
    return noise;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  /** {@code head}, then words, then {@code tail}: exactly {@code size} bytes of ASCII. */
  private static byte[] sized(String head, String tail, int size) {
    StringBuilder text = new StringBuilder(size).append(head);
    String words = "lorem ipsum dolor sit amet ";
    int room = size - head.length() - tail.length();
    while (text.length() + words.length() <= head.length() + room) {
      text.append(words);
    }
    text.append(" ".repeat(head.length() + room - text.length())).append(tail);
    return text.toString().getBytes(ISO_8859_1);
  }

  private CliRun child(String... args) throws IOException, InterruptedException {
    return child(Map.of(), args);
  }

  /** Runs {@code archive ARGS} in a JVM of its own and collects what it printed. */
  private CliRun child(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    ProcessBuilder builder = CliRun.childProcess(args);
    builder.environment().putAll(env);
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("archive did not finish in 120 s: " + Files.readString(out));
    }
    // The JVM says it saw JAVA_TOOL_OPTIONS; that line is not the program's.
    String printed =
        Files.readString(err).replaceAll("(?m)^Picked up JAVA_TOOL_OPTIONS: .*\\R", "");
    return new CliRun(process.exitValue(), Files.readString(out), printed);
  }

  /** Runs a command in {@code dir} and returns its exit code, or -1 when it does not end. */
  private static int run(Path dir, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Process process = builder.directory(dir.toFile()).start();
    process.getInputStream().readAllBytes();
    return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  /**
   * No stack trace, no Java exception's name, no escape sequence, no line over {@value #MAX_LINE}
   * characters. A warning may quote a file's own {@code !!java.lang.ProcessBuilder}.
   */
  private static void assertPrintedCleanly(CliRun run) {
    String printed = run.out() + run.err();
    assertThat(printed).doesNotContain("\tat ", "Exception in", "\u001b");
    assertThat(printed).doesNotContainPattern("java\\.lang\\.\\w*(Exception|Error)");
    assertThat(printed.lines())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(MAX_LINE));
  }

  /** The lines of the run's report that name {@code path} after {@code kind}. */
  private static List<String> linesAbout(CliRun run, String kind, String path, String after) {
    String shown = path.replace("\n", "\\n").replace("\u001b", "\\u001b");
    return run.out().lines().filter(line -> line.startsWith(kind + shown + after)).toList();
  }

  private static void assertFound(Path index, Case entry) {
    String word = ((Indexed) entry.expected()).word();
    JsonObject json = search(index, word);
    assertThat(json.get("total").getAsInt()).as("hits for %s", word).isPositive();
    List<String> ids = new ArrayList<>();
    for (JsonElement hit : json.getAsJsonArray("results")) {
      ids.add(hit.getAsJsonObject().get("id").getAsString());
    }
    assertThat(ids).as("hits for %s", word).contains(entry.path());
  }

  private static String titleOf(Path index, String word) {
    return search(index, word)
        .getAsJsonArray("results")
        .get(0)
        .getAsJsonObject()
        .get("title")
        .getAsString();
  }

  private static JsonObject search(Path index, String word) {
    CliRun run = CliRun.of("search", "--json", word, "--index", index.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertPrintedCleanly(new CliRun(0, "", run.err()));
    return JsonParser.parseString(run.out()).getAsJsonObject();
  }

  private static void assertIndexIsClean(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index);
        CheckIndex check = new CheckIndex(dir)) {
      assertThat(check.checkIndex().clean).isTrue();
    }
  }
}
