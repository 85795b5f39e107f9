package archive.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the search page was asked: the query, its filters and its order, so that sort, page, facet
 * and filter links keep what they do not change. Every link is escaped for an attribute.
 *
 * @param q the query as typed
 * @param years the years ticked (any of them)
 * @param tags the tags ticked (all of them)
 * @param sort {@code relevance}, {@code date} or {@code -date}
 * @param size results per page, as asked; empty for the default
 */
record Refinement(String q, List<String> years, List<String> tags, String sort, String size) {

  /** Checks and copies the parts. */
  Refinement {
    Objects.requireNonNull(q, "q");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(size, "size");
    years = List.copyOf(years);
    tags = List.copyOf(tags);
  }

  /** The parameters of a request, already checked. */
  static Refinement of(SearchParams.Params params) {
    String sort = params.get("sort");
    return new Refinement(
        Objects.requireNonNullElse(params.get("q"), ""),
        SearchParams.yearTexts(params),
        SearchParams.tags(params),
        sort == null || sort.isEmpty() ? "relevance" : sort,
        Objects.requireNonNullElse(params.get("size"), ""));
  }

  /** Whether a year or tag filter is on. */
  boolean filtered() {
    return !years.isEmpty() || !tags.isEmpty();
  }

  /** This search at another page. */
  String page(int page) {
    return link(sort, years, tags, page);
  }

  /** This search in another order, from its first page. */
  String sorted(String order) {
    return link(order, years, tags, 1);
  }

  /** This search with a year ticked or, if it was, unticked. */
  String toggleYear(String year) {
    return link(sort, toggled(years, year), tags, 1);
  }

  /** This search with a tag ticked or, if it was, unticked. */
  String toggleTag(String tag) {
    return link(sort, years, toggled(tags, tag), 1);
  }

  /** Whether a tag is ticked (tags compare without case, as {@code tag:} does). */
  boolean hasTag(String tag) {
    return tags.stream()
        .anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(tag.toLowerCase(Locale.ROOT)));
  }

  /** This search without any year or tag. */
  String unfiltered() {
    return link(sort, List.of(), List.of(), 1);
  }

  /** Another query, with this one's filters and order. */
  String withQuery(String other) {
    return link(other, sort, years, tags, 1);
  }

  private static List<String> toggled(List<String> values, String value) {
    List<String> changed = new ArrayList<>(values);
    if (!changed.removeIf(v -> v.equalsIgnoreCase(value))) {
      changed.add(value);
    }
    return changed;
  }

  private String link(String order, List<String> y, List<String> t, int page) {
    return link(q, order, y, t, page);
  }

  private String link(String query, String order, List<String> y, List<String> t, int page) {
    StringBuilder href = new StringBuilder("/search?q=").append(Html.param(query));
    if (!size.isEmpty()) {
      href.append("&size=").append(Html.param(size));
    }
    if (!order.equals("relevance")) {
      href.append("&sort=").append(Html.param(order));
    }
    for (String year : y) {
      href.append("&year=").append(Html.param(year));
    }
    for (String tag : t) {
      href.append("&tag=").append(Html.param(tag));
    }
    if (page > 1) {
      href.append("&page=").append(page);
    }
    return Html.text(href.toString());
  }
}
