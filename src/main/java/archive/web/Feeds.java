package archive.web;

import archive.search.Hit;
import archive.search.SearchRequest;
import archive.search.SearchResult;
import archive.search.Searcher;
import archive.search.SortOrder;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;
import spark.Request;
import spark.Response;

/**
 * Machine-readable views for browsers and feed readers: the OpenSearch description (so a browser
 * can add the site search) and an Atom feed of any search (so a reader can follow a topic).
 */
final class Feeds {

  /** Entries in a feed. */
  static final int FEED_SIZE = 20;

  private final Searcher searcher;
  private final @Nullable URI baseUrl;

  /** This server's public address without its final slash; empty for relative links. */
  private final String self;

  /**
   * Feeds of a searcher's results.
   *
   * @param baseUrl the blog's address, which site-relative entry URLs are joined to; null to leave
   *     them site-relative
   * @param publicUrl this server's public address, for the links to its own pages; null for
   *     relative ones
   */
  Feeds(Searcher searcher, @Nullable URI baseUrl, @Nullable URI publicUrl) {
    this.searcher = searcher;
    this.baseUrl = baseUrl;
    this.self = publicUrl == null ? "" : publicUrl.toString().replaceFirst("/+$", "");
  }

  /** {@code /opensearch.xml}. */
  Object openSearch(Request req, Response res) throws XMLStreamException {
    res.type("application/opensearchdescription+xml; charset=utf-8");
    return Xml.write(
        xml -> {
          xml.start("OpenSearchDescription", "http://a9.com/-/spec/opensearch/1.1/");
          xml.element("ShortName", "Archive");
          xml.element("Description", "Search every entry of the blog");
          xml.element("InputEncoding", "UTF-8");
          xml.empty("Url", "type", "text/html", "method", "get")
              .attribute("template", self + "/search?q={searchTerms}");
          xml.empty("Url", "type", "application/atom+xml")
              .attribute("template", self + "/feed.xml?q={searchTerms}");
          xml.endBlock();
        });
  }

  /** {@code /feed.xml?q=}: the newest entries matching a query, as Atom. */
  Object search(Request req, Response res) throws IOException, XMLStreamException {
    String q = req.queryParams("q");
    if (q == null || q.isBlank() || q.length() > SearchParams.MAX_QUERY) {
      throw new BadRequest(
          "Say what the feed is about, in at most 200 characters: /feed.xml?q=words");
    }
    SearchResult result =
        searcher.search(new SearchRequest(q.strip(), 1, FEED_SIZE, SortOrder.DATE_DESC, false));
    String feed = self + "/feed.xml?q=" + Html.param(q.strip());
    String body =
        Xml.write(
            xml -> {
              xml.start("feed", "http://www.w3.org/2005/Atom");
              xml.element("title", "Archive: " + q.strip());
              xml.element("id", atomId(feed));
              xml.empty("link", "rel", "self", "href", feed);
              xml.empty("link", "rel", "alternate", "type", "text/html")
                  .attribute("href", self + "/search?q=" + Html.param(q.strip()));
              xml.element("updated", updated(result));
              xml.start("author").element("name", "Archive").endBlock();
              for (Hit hit : result.hits()) {
                String link = link(hit.url());
                if (link != null) { // an entry whose URL may not be linked is left out, as on pages
                  xml.start("entry");
                  xml.element("title", hit.title());
                  xml.empty("link", "href", link);
                  xml.element("id", atomId(link));
                  xml.element(
                      "updated",
                      hit.date() == null ? "1970-01-01T00:00:00Z" : atomTime(hit.date()));
                  // HTML with the matches marked, as on the page: type="html" content, written as
                  // text, so the writer escapes it once more, as Atom wants.
                  xml.start("summary")
                      .attribute("type", "html")
                      .text(Html.marked(hit.snippet()))
                      .end();
                  xml.endBlock();
                }
              }
              xml.endBlock();
            });
    res.type("application/atom+xml; charset=utf-8");
    return body;
  }

  /**
   * An Atom id, which must be an absolute IRI: the address itself when it is absolute, else a URN
   * made of it (a server without {@code --public-url} links relatively).
   */
  private static String atomId(String address) {
    return address.startsWith("http://") || address.startsWith("https://")
        ? address
        : "urn:archive:" + address;
  }

  private static String updated(SearchResult result) {
    LocalDate newest = null;
    for (Hit hit : result.hits()) {
      if (hit.date() != null && (newest == null || hit.date().isAfter(newest))) {
        newest = hit.date();
      }
    }
    return newest == null ? Instant.EPOCH.toString() : atomTime(newest);
  }

  private static String atomTime(LocalDate date) {
    return date.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
  }

  /**
   * An entry's absolute address for the feed, or null when its URL may not be linked ({@link
   * SafeUrl}) or is not a URL at all.
   */
  private @Nullable String link(String raw) {
    String url = SafeUrl.of(raw);
    if (url == null) {
      return null;
    }
    if (!url.startsWith("/")) {
      return url;
    }
    String base = baseUrl != null ? baseUrl.toString() : self + "/";
    // Joined as text, never resolved: "/data:x" resolved against a base is the URL "data:x".
    String joined = (base.endsWith("/") ? base : base + "/") + url.replaceFirst("^/+", "");
    try {
      return URI.create(joined).toString();
    } catch (IllegalArgumentException e) {
      return null; // front matter can hold anything; one odd URL must not break the feed
    }
  }
}
