package archive.web;

/** The frame every page shares: head, header with the search box, main landmark, footer. */
final class Layout {

  private Layout() {}

  /**
   * A whole page.
   *
   * @param title page title, plain text
   * @param query the query to show in the header's box, plain text
   * @param main the page's main content, already HTML
   */
  static String page(String title, String query, String main) {
    return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title>
        <link rel="stylesheet" href="/assets/archive.css">
        <link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml" \
        title="Archive search">
        <script src="/assets/search.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to results</a>
        <header class="top">
        <a class="home" href="/">Archive</a>
        <nav aria-label="Browse"><a href="/archive">By date</a></nav>
        <form class="box" role="search" action="/search" method="get">
        <label for="q" class="visually-hidden">Search the archive</label>
        <input id="q" name="q" type="search" value="%s" placeholder="Search the archive" \
        autocomplete="off" aria-keyshortcuts="/">
        <button type="submit">Search</button>
        </form>
        </header>
        <main id="main">
        %s
        </main>
        <footer class="foot"><p>Search by archive. Press <kbd>/</kbd> to search.</p></footer>
        </body>
        </html>
        """
        .formatted(Html.text(title), Html.text(query), main);
  }

  /** The main content of a page that says what went wrong: its heading is the message. */
  static String error(String message) {
    return "<h1 id=\"summary\" class=\"summary error\" role=\"alert\">"
        + Html.text(message)
        + "</h1>";
  }
}
