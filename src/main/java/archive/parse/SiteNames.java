package archive.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * Learns a site's name from the {@code <title>}s of its pages: the part before or after a separator
 * ({@code Lyceum — dev log 55}, {@code Dev log 12 | My Blog}) that most pages share. One page
 * cannot tell a site name from a title; a site's pages together can.
 */
public final class SiteNames {

  /** Separators between a page's own title and its site's name, spaces included. */
  static final List<String> SEPARATORS =
      List.of(" | ", " - ", " — ", " – ", " · ", " :: ", " » ", " « ", " / ");

  /**
   * The separators after which an unknown site name is assumed to follow: not {@code /} or {@code
   * «}, which a title of its own may hold ({@code Input / output}).
   */
  static final List<String> SUFFIX_SEPARATORS =
      List.of(" | ", " - ", " — ", " – ", " · ", " :: ", " » ");

  /** Pages read to learn from: spread evenly over the site. */
  static final int SAMPLE = 200;

  /** A name shared by fewer pages than this is no template. */
  static final int MIN_PAGES = 3;

  /** The share of titled pages that must carry a name for it to be the site's. */
  static final double MIN_SHARE = 0.5;

  /** The start of a file that is read for its title; a head is rarely longer. */
  private static final int HEAD_BYTES = 32 * 1024;

  private static final String TITLE_END = "</title>";

  private SiteNames() {}

  /**
   * The site name that most of these titles share, if any: for pages already in memory, as a crawl
   * has them.
   */
  public static Optional<String> learnFromTitles(List<String> titles) {
    return fromTitles(titles.stream().map(String::strip).filter(t -> !t.isEmpty()).toList());
  }

  /** The {@code <title>} of an HTML page, entities decoded; "" when it has none. */
  public static String title(byte[] html, @Nullable String charset) {
    int length = Math.min(html.length, HEAD_BYTES);
    Charset encoding = StandardCharsets.UTF_8;
    try {
      if (charset != null) {
        encoding = Charset.forName(charset);
      }
    } catch (IllegalArgumentException e) {
      // an unknown charset: the head's markup is ASCII in every charset a page would use
    }
    return titleIn(new String(html, 0, length, encoding));
  }

  /**
   * The site name that most of these HTML pages put in their {@code <title>}, if any. Reads the
   * start of up to {@link #SAMPLE} of them; a page that cannot be read is passed over.
   */
  public static Optional<String> learn(List<Path> htmlPages) {
    List<String> titles = new ArrayList<>();
    int step = Math.max(1, htmlPages.size() / SAMPLE);
    for (int i = 0; i < htmlPages.size() && titles.size() < SAMPLE; i += step) {
      String title = title(htmlPages.get(i));
      if (!title.isEmpty()) {
        titles.add(title);
      }
    }
    return fromTitles(titles);
  }

  /**
   * The name of a site: the one its HTML pages' titles share, else the title in its generator's
   * configuration ({@link SiteConfig}), else empty.
   */
  public static Optional<String> of(Path root, List<Path> htmlPages) {
    Optional<String> learned = learn(htmlPages);
    return learned.isPresent() ? learned : SiteConfig.title(root);
  }

  /**
   * The name shared at the start or the end of most titles (a title that is only the name, as a
   * home page's often is, counts for it too); the shorter one when two are shared as widely.
   */
  static Optional<String> fromTitles(List<String> titles) {
    Map<String, Integer> support = new HashMap<>();
    for (String title : titles) {
      for (String end : ends(title)) {
        support.merge(end, 1, Integer::sum);
      }
    }
    for (String title : titles) {
      support.computeIfPresent(title.strip(), (name, n) -> n + 1);
    }
    int needed = Math.max(MIN_PAGES, (int) Math.ceil(MIN_SHARE * titles.size()));
    return support.entrySet().stream()
        .filter(e -> e.getValue() >= needed)
        .max(
            Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
                .thenComparingInt(e -> -e.getKey().length()))
        .map(Map.Entry::getKey);
  }

  /** The parts of a title before its first separator and after its last, each once. */
  static Set<String> ends(String title) {
    Set<String> ends = new HashSet<>();
    for (String separator : SEPARATORS) {
      int first = title.indexOf(separator);
      if (first > 0) {
        ends.add(title.substring(0, first).strip());
        ends.add(title.substring(title.lastIndexOf(separator) + separator.length()).strip());
      }
    }
    ends.remove("");
    return ends;
  }

  /**
   * A title without a known site name at its start or end; the title itself when that is all it is
   * (a home page) or the name is not there.
   */
  static String without(String title, String siteName) {
    String stripped = title.strip();
    for (String separator : SEPARATORS) {
      if (stripped.startsWith(siteName + separator)) {
        return stripped.substring(siteName.length() + separator.length()).strip();
      }
      if (stripped.endsWith(separator + siteName)) {
        return stripped
            .substring(0, stripped.length() - separator.length() - siteName.length())
            .strip();
      }
    }
    return stripped;
  }

  /** The {@code <title>} in the start of a file, entities decoded; "" when there is none. */
  private static String title(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return titleIn(new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return ""; // a page that cannot be read teaches nothing; indexing reports it on its own
    }
  }

  private static String titleIn(String head) {
    int end = head.toLowerCase(Locale.ROOT).indexOf(TITLE_END);
    String upToTitle = end < 0 ? head : head.substring(0, end + TITLE_END.length());
    return Jsoup.parse(upToTitle).title().strip();
  }
}
