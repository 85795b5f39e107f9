package archive.web;

import org.jspecify.annotations.Nullable;

/**
 * What the search page was asked: the query and its filters, so that sort, page and facet links
 * keep them.
 *
 * @param q the query as typed
 * @param year the {@code year} filter, or null
 * @param tag the {@code tag} filter, or null
 */
record Refinement(String q, @Nullable String year, @Nullable String tag) {

  /** The page link for a sort order and page, already escaped for an attribute. */
  String href(String sort, int page) {
    return link(sort, page, year, tag);
  }

  /** The link that adds or replaces a year filter. */
  String withYear(String sort, int value) {
    return link(sort, 1, String.valueOf(value), tag);
  }

  /** The link that adds or replaces a tag filter. */
  String withTag(String sort, String value) {
    return link(sort, 1, year, value);
  }

  /** The link without any filter. */
  String unfiltered(String sort) {
    return link(sort, 1, null, null);
  }

  private String link(String sort, int page, @Nullable String y, @Nullable String t) {
    StringBuilder href = new StringBuilder("/search?q=").append(Html.param(q));
    if (!sort.equals("relevance")) {
      href.append("&amp;sort=").append(Html.param(sort));
    }
    if (y != null) {
      href.append("&amp;year=").append(Html.param(y));
    }
    if (t != null) {
      href.append("&amp;tag=").append(Html.param(t));
    }
    if (page > 1) {
      href.append("&amp;page=").append(page);
    }
    return href.toString();
  }
}
