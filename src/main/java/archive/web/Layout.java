package archive.web;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The frame every page shares: head, a header that names the blog with the search box, a live
 * region, the main landmark, and a footer.
 */
final class Layout {

  /**
   * The blog a page belongs to.
   *
   * @param name what the header calls it
   * @param href where its name links: the blog's home, or this server's when it serves the blog
   */
  record Site(String name, String href) {

    /** Checks the parts. */
    Site {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(href, "href");
    }
  }

  private final Supplier<Site> site;

  /**
   * A layout for the blog that {@code site} names now (it may change when the index is rebuilt).
   */
  Layout(Supplier<Site> site) {
    this.site = site;
  }

  /** The blog pages belong to. */
  Site site() {
    return site.get();
  }

  /** A page's title with the blog's name: {@code kubernetes — search — Dev Log}. */
  String title(String title) {
    String name = site().name();
    return title.isEmpty() ? name : title + " — " + name;
  }

  /**
   * A whole page.
   *
   * @param title page title, plain text; the blog's name is added
   * @param query the query to show in the header's box, plain text
   * @param main the page's main content, already HTML
   */
  String page(String title, String query, String main) {
    Site blog = site();
    String fullTitle = title(title);
    return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/assets/archive.css">
        <link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml" \
        title="%s">
        <script src="/assets/search.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to the content</a>
        <header class="top">
        <a class="home" href="%s">%s</a>
        <nav aria-label="Browse"><a href="/archive">By date</a> <a href="/archive/tag">Tags</a></nav>
        <form class="box" role="search" action="/search" method="get">
        <label for="q" class="visually-hidden">Search %s</label>
        <input id="q" name="q" type="search" value="%s" placeholder="Search %s" \
        autocomplete="off" aria-keyshortcuts="/">
        <button type="submit">Search</button>
        </form>
        </header>
        <p id="status" class="visually-hidden" role="status" aria-live="polite"></p>
        <main id="main">
        %s
        </main>
        <footer class="foot"><p>Search by archive. Press <kbd>/</kbd> to search.</p></footer>
        </body>
        </html>
        """
        .formatted(
            Html.text(fullTitle),
            Html.text(blog.name()),
            Html.href(blog.href()),
            Html.text(blog.name()),
            Html.text(blog.name()),
            Html.text(query),
            Html.text(blog.name()),
            main);
  }

  /** The main content of a page that says what went wrong: its heading is the message. */
  static String error(String message) {
    return "<h1 id=\"summary\" class=\"summary error\" role=\"alert\">"
        + Html.text(message)
        + "</h1>";
  }
}
