package archive.index;

import archive.index.EntryIndexer.Progress;
import archive.index.KnownDocs.Known;
import archive.index.Schema.Bookkeeping;
import archive.ingest.CrawlSink;
import archive.ingest.CrawlTotals;
import archive.ingest.CrawledPage;
import archive.ingest.Revisit;
import archive.parse.Entry;
import archive.parse.EntryParser;
import archive.parse.Kind;
import archive.parse.ParseOptions;
import archive.parse.ParseResult;
import archive.parse.SiteNames;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One crawl of a live site, written to the index as it goes: each page is parsed and written when
 * it arrives, keyed by its address. A page that has not changed keeps its document; a page the
 * server says is gone loses it; a page that failed keeps it. Pages the crawl no longer finds are
 * deleted only when it saw the whole site.
 */
final class CrawlRun implements CrawlSink {

  /**
   * Pages held back, when the site's name is still to be learned, to learn it from their titles
   * ({@link SiteNames}) before any of them is parsed.
   */
  static final int LEARN_FROM = 20;

  private final DocSink writer;
  private ParseOptions options;
  private EntryParser parser;
  private final KnownDocs known;
  private final Tally tally;
  private final Progress progress;
  private final Set<String> seen = new HashSet<>();
  private final List<CrawledPage> waiting = new ArrayList<>();
  private boolean learning;

  /**
   * @param options how pages are read
   * @param learnSiteName whether to learn the site's name from the titles of the first {@link
   *     #LEARN_FROM} pages the crawl brings, which wait for it, and read every page with it
   */
  CrawlRun(
      DocSink writer,
      ParseOptions options,
      boolean learnSiteName,
      KnownDocs known,
      Tally tally,
      Progress progress) {
    this.writer = writer;
    this.options = options;
    this.parser = new EntryParser(options);
    this.learning = learnSiteName;
    this.known = known;
    this.tally = tally;
    this.progress = progress;
  }

  /** The options pages were read with: with the site name learned, if one was. */
  ParseOptions options() {
    return options;
  }

  @Override
  public void page(CrawledPage page) throws IOException {
    String id = see(page.url());
    if (learning) {
      waiting.add(page);
      if (waiting.size() >= LEARN_FROM) {
        learnSiteName();
      }
      return;
    }
    write(id, page);
  }

  /** Learns the site's name from the waiting pages' titles, then parses and writes them. */
  private void learnSiteName() throws IOException {
    learning = false;
    List<String> titles =
        waiting.stream().map(p -> SiteNames.title(p.html(), p.charset())).toList();
    SiteNames.learnFromTitles(titles)
        .ifPresent(
            name -> {
              options = options.withSiteName(name);
              parser = new EntryParser(options);
            });
    for (CrawledPage page : waiting) {
      write(page.url().toString(), page);
    }
    waiting.clear();
  }

  private void write(String id, CrawledPage page) throws IOException {
    ParseResult result;
    try {
      result = parser.parsePage(page);
    } catch (RuntimeException e) {
      tally.failed(id, e); // one page the parser chokes on must not stop the crawl
      return;
    } catch (StackOverflowError e) {
      skip(id, ParseResult.TOO_DEEP, page.revisit());
      return;
    }
    tally.warn(result.problems());
    Entry entry = result.entry();
    if (entry == null) {
      skip(id, String.valueOf(result.skipReason()), page.revisit());
      return;
    }
    Known previous = known.get(id);
    String hash = IndexRun.hash(entry);
    // Written even when unchanged: the validators or links that come with it may have changed.
    writer.entry(entry, Bookkeeping.crawled(hash, page.revisit()));
    if (entry.kind() == Kind.LIST) {
      return; // list pages are counted apart, as a total
    }
    if (previous == null || !previous.isEntry()) {
      tally.added();
    } else if (hash.equals(previous.hash())) {
      tally.unchanged();
    } else {
      tally.updated();
    }
  }

  @Override
  public void unchanged(URI url) {
    Known previous = known.get(see(url));
    if (previous == null) {
      return; // only pages the index knows are reported unchanged
    }
    if (previous.isSkipped()) {
      tally.skipped(previous.id(), String.valueOf(previous.skipReason()));
    } else if (previous.isEntry()) {
      tally.unchanged();
    }
  }

  @Override
  public void gone(URI url) throws IOException {
    String id = see(url);
    delete(id);
  }

  @Override
  public void skipped(URI url, String reason, @Nullable Revisit revisit) throws IOException {
    skip(see(url), reason, revisit);
  }

  @Override
  public void failed(URI url, String reason) {
    tally.failed(see(url), reason); // seen, so that what was indexed of it stays
  }

  @Override
  public void progress(int visited, int found) {
    progress.fileDone(visited, found);
  }

  /**
   * Ends the crawl: notes how it went and, when it saw the whole site, deletes the documents of
   * pages it no longer found.
   *
   * @return false when not one page was reached (the site did not answer): the run is then to be
   *     rolled back, leaving the index as it was
   */
  boolean finish(CrawlTotals totals, URI root) throws IOException {
    if (learning) {
      learnSiteName(); // a site of fewer pages than LEARN_FROM
    }
    if (totals.requested() > 0 || totals.notRequested() > 0) {
      tally.notice(
          String.format(
              java.util.Locale.ROOT,
              "crawled %s: %d %s requested, %d of them not modified%s",
              root,
              totals.requested(),
              totals.requested() == 1 ? "page" : "pages",
              totals.notModified(),
              totals.notRequested() == 0
                  ? ""
                  : "; "
                      + totals.notRequested()
                      + " not requested, as their sitemap lastmod"
                      + " had not moved"));
    }
    if (!totals.complete()) {
      List<String> why = totals.incomplete();
      tally.notice(
          "the crawl did not see the whole site, so entries it did not reach were kept: "
              + String.join("; ", why.subList(0, Math.min(3, why.size())))
              + (why.size() > 3 ? "; and " + (why.size() - 3) + " more" : ""));
      if (totals.requested() + totals.notRequested() == 0) {
        tally.unreachable(); // not one page was reached: the site did not answer
        return false;
      }
      return true;
    }
    for (String id : known.ids()) {
      if (!seen.contains(id)) {
        delete(id);
      }
    }
    return true;
  }

  private String see(URI url) {
    String id = url.toString();
    seen.add(id);
    return id;
  }

  private void delete(String id) throws IOException {
    IndexRun.delete(writer, known, tally, id);
  }

  private void skip(String id, String reason, @Nullable Revisit revisit) throws IOException {
    IndexRun.writeSkipped(writer, known, tally, id, reason, Bookkeeping.crawled("", revisit));
  }
}
