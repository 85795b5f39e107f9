package archive.parse;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Finds the element that holds a page's own text, the first match winning: {@code
 * [data-archive-body]} or {@code [data-pagefind-body]}; a single {@code <article>} or the one
 * holding an {@code <h1>}; {@code <main>}; {@code [role=main]}; the best block by a
 * Readability-style text score; else {@code <body>}.
 */
final class MainContent {

  private static final Pattern POSITIVE =
      Pattern.compile("article|content|entry|post|body|text|story|blog");
  private static final Pattern NEGATIVE =
      Pattern.compile(
          "comment|sidebar|footer|nav|share|related|menu|widget|banner|sponsor|promo|social"
              + "|(?:^|[\\s_-])ads?(?:$|[\\s_-])");
  private static final Evaluator TEXT_BLOCKS = QueryParser.parse("p, pre, td");
  private static final int MIN_PARAGRAPH = 25;
  private static final double MIN_SCORE = 20;
  private static final double MAX_LINK_DENSITY = 0.25;

  private MainContent() {}

  /** The content root of a page; never null. */
  static Element find(Document doc) {
    Element marked = first(doc, "data-archive-body", "data-pagefind-body");
    if (marked != null) {
      return marked;
    }
    Element article = article(doc);
    if (article != null) {
      return article;
    }
    Element main = doc.getElementsByTag("main").first();
    if (main == null) {
      main = doc.getElementsByAttributeValue("role", "main").first();
    }
    if (main != null) {
      return main;
    }
    Element scored = bestScored(doc.body());
    return scored != null ? scored : doc.body();
  }

  private static @Nullable Element first(Document doc, String... attributes) {
    for (String attribute : attributes) {
      Element found = doc.getElementsByAttribute(attribute).first();
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The only outermost article, or the first outermost one that holds an h1. */
  private static @Nullable Element article(Document doc) {
    List<Element> outer = new ArrayList<>();
    for (Element article : doc.getElementsByTag("article")) {
      if (!hasAncestor(article, Set.of("article"))) {
        outer.add(article);
      }
    }
    if (outer.size() == 1) {
      return outer.get(0);
    }
    return outer.stream().filter(a -> !a.getElementsByTag("h1").isEmpty()).findFirst().orElse(null);
  }

  /**
   * Scores the parents of paragraphs by the text they hold (length, commas), adjusted by class and
   * id names, and returns the best one whose text is not mostly links.
   */
  private static @Nullable Element bestScored(Element body) {
    IdentityHashMap<Element, Double> scores = new IdentityHashMap<>();
    for (Element p : body.select(TEXT_BLOCKS)) {
      String text = p.text();
      if (text.length() < MIN_PARAGRAPH || hasAncestor(p, PageChrome.AROUND_CONTENT)) {
        continue;
      }
      long commas = text.chars().filter(c -> c == ',').count();
      double score = 1 + commas + Math.min(text.length() / 100.0, 3);
      addScore(scores, p.parent(), score);
      addScore(scores, p.parent() == null ? null : p.parent().parent(), score / 2);
    }
    Element best = null;
    double bestScore = MIN_SCORE;
    for (Map.Entry<Element, Double> candidate : scores.entrySet()) {
      double density = linkDensity(candidate.getKey());
      double score = candidate.getValue() * (1 - density);
      if (density <= MAX_LINK_DENSITY && score > bestScore) {
        best = candidate.getKey();
        bestScore = score;
      }
    }
    return best;
  }

  private static void addScore(Map<Element, Double> scores, @Nullable Element e, double score) {
    if (e != null && !e.normalName().equals("body") && !e.normalName().equals("html")) {
      scores.computeIfAbsent(e, MainContent::classWeight);
      scores.merge(e, score, Double::sum);
    }
  }

  /** +25 for names like article or content, -25 for names like comment or sidebar. */
  static double classWeight(Element e) {
    String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    double weight = e.normalName().equals("div") || e.normalName().equals("section") ? 5 : 0;
    if (POSITIVE.matcher(names).find()) {
      weight += 25;
    }
    if (NEGATIVE.matcher(names).find()) {
      weight -= 25;
    }
    return weight;
  }

  /** The share of an element's text that sits inside links. */
  static double linkDensity(Element e) {
    int total = e.text().length();
    if (total == 0) {
      return 0;
    }
    int linked = 0;
    for (Element a : e.getElementsByTag("a")) {
      linked += a.text().length();
    }
    return (double) linked / total;
  }

  /** Whether an element has an ancestor with one of the tag names. */
  static boolean hasAncestor(Element e, Set<String> tags) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (tags.contains(p.normalName())) {
        return true;
      }
    }
    return false;
  }
}
