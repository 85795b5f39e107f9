package archive.parse;

import static archive.parse.MainContent.hasAncestor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * What a built HTML page says about itself: title, subtitle, dates, tags, categories and language,
 * from its content, its {@code <meta>} tags, JSON-LD and its path. Read before the page chrome is
 * removed, because an article's {@code <header>} often holds its h1 and {@code <time>}.
 *
 * @param title the title; never blank
 * @param subtitle the description or subtitle, or null
 * @param date the publication date, or null
 * @param updated the modification date, or null
 * @param tags tags without duplicates
 * @param categories categories without duplicates
 * @param lang the primary language subtag, or ""
 */
record HtmlMetadata(
    String title,
    @Nullable String subtitle,
    @Nullable LocalDate date,
    @Nullable LocalDate updated,
    List<String> tags,
    List<String> categories,
    String lang) {

  private static final Set<String> ARTICLE_LIKE = Set.of("article", "main");

  /** A title heading has no more text than this before it in the content (a date, a label). */
  private static final int MAX_TEXT_BEFORE_TITLE = 80;

  private static final Pattern TITLE_NOISE = Pattern.compile("\\s+");

  /**
   * Reads a page's metadata.
   *
   * @param metas the page's metas ({@link #metas})
   * @param content the main content element
   * @param titleHeading the content's title h1 (see {@link #titleHeading}), or null
   * @param problems receives dates that are present but unreadable
   */
  static HtmlMetadata read(
      Document doc,
      Map<String, List<String>> metas,
      Element content,
      @Nullable Element titleHeading,
      String path,
      @Nullable String siteName,
      List<Problem> problems) {
    JsonLd jsonLd = JsonLd.of(doc);
    HtmlDates dates = new HtmlDates(doc, content, metas, jsonLd, path, problems);
    return new HtmlMetadata(
        Titles.bounded(title(doc, titleHeading, metas, path, siteName), path, problems),
        subtitle(titleHeading, metas),
        dates.published(),
        dates.modified(),
        FrontMatterFields.names(tags(doc, content, metas, jsonLd, "tag"), "tag", path, 0, problems),
        FrontMatterFields.names(
            tags(doc, content, metas, jsonLd, "category"), "category", path, 0, problems),
        lang(doc, metas));
  }

  /**
   * The content's title heading: its first non-blank h1 that is not in navigation, a footer, an
   * aside, or a site header (a {@code <header>} outside any article or main element).
   */
  static @Nullable Element titleHeading(Element content) {
    for (Element h1 : content.getElementsByTag("h1")) {
      if (!h1.text().isBlank() && !inSiteChrome(h1)) {
        return h1;
      }
    }
    return null;
  }

  /**
   * The entry's title heading on a page: the first h1 or h2 outside the site's chrome whose text is
   * the title the page declares ({@code og:title}, else {@code <title>} without the site's name). A
   * page that declares none, or only its site's name, has the content's first h1 (see {@link
   * #titleHeading(Element)}); one whose headings all differ from its declared title has none, so
   * that an h1 lower in the content ("Other notes") or in a related box ("See also") stays a
   * section and the declared title is the title.
   */
  static @Nullable Element titleHeading(
      Document doc, Map<String, List<String>> metas, Element content, @Nullable String siteName) {
    String name = siteName != null ? siteName : meta(metas, "og:site_name");
    String declared = meta(metas, "og:title", "twitter:title");
    if (declared == null) {
      declared = withoutSiteName(doc.title(), name);
    }
    String expected = comparable(name == null ? declared : SiteNames.without(declared, name));
    if (expected.isEmpty() || (name != null && expected.equals(comparable(name)))) {
      return titleHeading(content);
    }
    for (Element heading : doc.body().select("h1, h2")) {
      if (!inSiteChrome(heading) && comparable(heading.text()).equals(expected)) {
        return heading;
      }
    }
    Element first = titleHeading(content);
    return first != null && (expected.startsWith(comparable(first.text())) || leads(content, first))
        ? first
        : null;
  }

  /** Whether a heading comes before any sentence of the content, where a title stands. */
  private static boolean leads(Element content, Element heading) {
    int[] before = {0};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node == heading) {
              return FilterResult.STOP;
            }
            if (node instanceof TextNode text) {
              before[0] += text.text().strip().length();
            }
            return before[0] > MAX_TEXT_BEFORE_TITLE ? FilterResult.STOP : FilterResult.CONTINUE;
          }
        },
        content);
    return before[0] <= MAX_TEXT_BEFORE_TITLE;
  }

  /** Text as titles are compared: lower case, spaces collapsed, no trailing marks. */
  private static String comparable(String text) {
    String plain =
        SourceText.clean(text)
            .toLowerCase(Locale.ROOT)
            .replace('\u2019', '\'')
            .replace('\u2018', '\'')
            .replace('\u201c', '"')
            .replace('\u201d', '"');
    return TITLE_NOISE.matcher(plain).replaceAll(" ").strip().replaceAll("[\\s.:!?¶#§]+$", "");
  }

  private static boolean inSiteChrome(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (PageChrome.SITE.contains(p.normalName())) {
        return true;
      }
      if (p.normalName().equals("header") && !hasAncestor(p, ARTICLE_LIKE)) {
        return true;
      }
    }
    return false;
  }

  /** Every meta tag's content, by its lower-cased name, property or itemprop. */
  static Map<String, List<String>> metas(Document doc) {
    Map<String, List<String>> metas = new HashMap<>();
    for (Element meta : doc.getElementsByTag("meta")) {
      String content = meta.attr("content").strip();
      if (content.isEmpty()) {
        continue;
      }
      for (String attribute : new String[] {"name", "property", "itemprop", "http-equiv"}) {
        String key = meta.attr(attribute).strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty()) {
          metas.computeIfAbsent(key, k -> new ArrayList<>()).add(SourceText.clean(content));
        }
      }
    }
    return metas;
  }

  static @Nullable String meta(Map<String, List<String>> metas, String... keys) {
    for (String key : keys) {
      List<String> values = metas.get(key);
      if (values != null) {
        return values.get(0);
      }
    }
    return null;
  }

  /**
   * The title: the content's h1, else {@code og:title}, else {@code <title>}, each without the
   * site's name when it is known (learned from the site's pages, else {@code og:site_name}).
   */
  private static String title(
      Document doc,
      @Nullable Element h1,
      Map<String, List<String>> metas,
      String path,
      @Nullable String siteName) {
    String name = siteName != null ? siteName : meta(metas, "og:site_name");
    String title = h1 == null ? null : clean(h1.text());
    if (title == null) {
      String og = meta(metas, "og:title", "twitter:title");
      title = clean(og == null || name == null ? og : SiteNames.without(og, name));
    }
    if (title == null) {
      title = clean(withoutSiteName(doc.title(), name));
    }
    return title != null ? title : FileNames.words(path);
  }

  /**
   * A {@code <title>} without its site name: the known one at either end, else a suffix after the
   * last separator ({@code Dev log 12 | My Blog} gives the first part). A title that is only the
   * site's name stays.
   */
  static String withoutSiteName(String title, @Nullable String siteName) {
    String stripped = title.strip();
    if (siteName != null) {
      String without = SiteNames.without(stripped, siteName);
      if (!without.equals(stripped) || stripped.equals(siteName)) {
        return without;
      }
    }
    int cut = -1;
    for (String separator : SiteNames.SUFFIX_SEPARATORS) {
      cut = Math.max(cut, stripped.lastIndexOf(separator));
    }
    return cut > 0 ? stripped.substring(0, cut) : stripped;
  }

  private static @Nullable String subtitle(@Nullable Element h1, Map<String, List<String>> metas) {
    String description = clean(meta(metas, "description", "og:description"));
    if (description != null || h1 == null) {
      return description;
    }
    Element next = h1.nextElementSibling();
    if (next != null && next.className().toLowerCase(Locale.ROOT).contains("subtitle")) {
      return clean(next.text());
    }
    Element parent = h1.parent();
    if (parent != null
        && (parent.normalName().equals("header") || parent.normalName().equals("hgroup"))) {
      Element inHeader = parent.getElementsByClass("subtitle").first();
      return inHeader == null ? null : clean(inHeader.text());
    }
    return null;
  }

  /**
   * Tags ({@code kind} "tag") or categories ("category"): {@code article:tag} and keywords metas or
   * {@code article:section}, then links whose {@code rel} names the kind, in the content first and
   * else anywhere outside navigation and asides. WordPress marks category links {@code
   * rel="category tag"}, so a link counts as a tag only when its rel does not also say category.
   */
  private static List<String> tags(
      Document doc, Element content, Map<String, List<String>> metas, JsonLd jsonLd, String kind) {
    List<String> names = new ArrayList<>();
    if (kind.equals("tag")) {
      names.addAll(metas.getOrDefault("article:tag", List.of()));
      String keywords = meta(metas, "keywords");
      if (keywords != null) {
        names.addAll(Keywords.split(keywords));
      }
      names.addAll(jsonLd.strings("keywords"));
    } else {
      names.addAll(metas.getOrDefault("article:section", List.of()));
    }
    List<String> linked = relLinks(content, kind, false);
    names.addAll(linked.isEmpty() ? relLinks(doc.body(), kind, true) : linked);
    return names;
  }

  private static List<String> relLinks(Element root, String kind, boolean skipSidebars) {
    List<String> names = new ArrayList<>();
    for (Element a : root.getElementsByAttribute("rel")) {
      List<String> rel = List.of(a.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
      boolean matches =
          kind.equals("tag")
              ? rel.contains("tag") && !rel.contains("category")
              : rel.contains(kind);
      if (a.normalName().equals("a")
          && matches
          && !(skipSidebars && hasAncestor(a, PageChrome.SIDEBARS))) {
        String name = a.text().strip();
        names.add(name.startsWith("#") ? name.substring(1) : name);
      }
    }
    return names;
  }

  private static String lang(Document doc, Map<String, List<String>> metas) {
    Element html = doc.getElementsByTag("html").first();
    String lang = LanguageTags.primary(html == null ? null : html.attr("lang"));
    if (lang.isEmpty()) {
      lang = LanguageTags.primary(meta(metas, "content-language", "og:locale"));
    }
    return lang;
  }

  private static @Nullable String clean(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String clean = SourceText.clean(text).strip();
    return clean.isEmpty() ? null : clean;
  }
}
