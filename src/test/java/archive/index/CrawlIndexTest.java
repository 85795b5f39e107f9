package archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import archive.index.EntryIndexer.Progress;
import archive.ingest.SiteCrawl;
import archive.ingest.SiteWalker;
import archive.ingest.Skip;
import archive.ingest.TestBlog;
import archive.parse.ParseOptions;
import archive.parse.UrlStyle;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Crawls {@link TestBlog} into a real index on disk, and again, as {@code archive index URL}. */
@ExtendWith(TestBlog.Serving.class)
@Timeout(120)
class CrawlIndexTest {

  @TempDir Path indexDir;
  private TestBlog blog;

  @BeforeEach
  void start(TestBlog blog) {
    this.blog = blog;
  }

  private IndexReport crawl(boolean full) throws IOException {
    SiteCrawl crawl = new SiteCrawl(blog.root().toString(), List.of(), 0, Duration.ofSeconds(1));
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      return indexer.crawl(crawl, ParseOptions.DEFAULTS, full, EntryIndexer.Progress.NONE);
    }
  }

  /** What the next crawl will know of a page from this one. */
  private KnownDocs.Known known(String id) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      KnownDocs.Known known = KnownDocs.load(reader).get(id);
      assertThat(known).as(id).isNotNull();
      return known;
    }
  }

  /** Every live document of a kind, by id. */
  private Map<String, Document> docs(String kind) throws IOException {
    Map<String, Document> docs = new HashMap<>();
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TermQuery query = new TermQuery(new Term(Fields.KIND, kind));
      for (ScoreDoc hit : searcher.search(query, 10_000).scoreDocs) {
        Document doc = searcher.storedFields().document(hit.doc);
        docs.put(doc.get(Fields.ID), doc);
      }
    }
    return docs;
  }

  private List<String> entryPaths() throws IOException {
    return docs(Fields.KIND_ENTRY).values().stream().map(d -> d.get(Fields.PATH)).toList();
  }

  /** The example's tag page, which the parse stage takes for a list page. */
  private static final String TAG_PAGE = "/tags/infra/";

  /** The entries a crawl indexes: every page but the one that says noindex and the tag page. */
  private List<String> indexable() {
    List<String> entries = new ArrayList<>(blog.entryPaths());
    assertThat(entries.remove(TestBlog.BUILT_NOINDEX)).isTrue();
    assertThat(entries.remove(TAG_PAGE)).isTrue();
    return entries;
  }

  private static List<String> paths(List<Skip> skips) {
    return skips.stream().map(s -> URI.create(s.path()).getPath()).toList();
  }

  @Test
  void crawlIndexesEveryEntryUnderItsAddressAndNamesEveryFailure() throws Exception {
    IndexReport report = crawl(false);

    assertThat(entryPaths()).containsExactlyInAnyOrderElementsOf(indexable());
    assertThat(report.entries()).isEqualTo(indexable().size());
    assertThat(report.added()).isEqualTo(indexable().size());
    assertThat(report.lists()).isEqualTo(2); // the home page and the tag page
    Document nixos = docs(Fields.KIND_ENTRY).get(blog.root() + "2023/05/moving-to-nixos/");
    assertThat(nixos).isNotNull();
    assertThat(nixos.get(Fields.URL)).isEqualTo(blog.root() + "2023/05/moving-to-nixos/");
    assertThat(nixos.get(Fields.PATH)).isEqualTo("/2023/05/moving-to-nixos/");
    assertThat(known(blog.root() + "2023/05/moving-to-nixos/").revisit().validators().etag())
        .startsWith("\"");
    assertThat(paths(report.failed()))
        .containsExactlyInAnyOrder(TestBlog.LOOP, TestBlog.BROKEN, TestBlog.SLOW);
    assertThat(report.failed()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
    assertThat(paths(report.skipped()))
        .contains(TestBlog.DISALLOWED, TestBlog.NOINDEX, TestBlog.BUILT_NOINDEX)
        .contains(TestBlog.DUPLICATE, TestBlog.HUGE, TestBlog.NOT_HTML)
        .doesNotContainAnyElementsOf(indexable());
    assertThat(report.notices()).singleElement().asString().startsWith("crawled " + blog.root());
    IndexStats stats = IndexStats.read(indexDir);
    assertThat(stats.source()).isEqualTo(blog.root().toString());
    assertThat(stats.sourceKind()).isEqualTo(EntryIndexer.SOURCE_SITE);
  }

  @Test
  void secondCrawlDownloadsNothingUnchangedAndKeepsEveryEntry() throws Exception {
    crawl(false);
    Map<String, Document> before = docs(Fields.KIND_ENTRY);
    int requests = blog.requests().size();

    IndexReport again = crawl(false);

    assertThat(again.summary())
        .startsWith(indexable().size() + " entries: 0 new, 0 updated, 0 deleted");
    assertThat(again.unchanged()).isEqualTo(indexable().size());
    assertThat(docs(Fields.KIND_ENTRY).keySet()).isEqualTo(before.keySet());
    List<TestBlog.Request> asked = blog.requests().subList(requests, blog.requests().size());
    // No entry page is requested, nor the one that says noindex: the sitemap's lastmod has not
    // moved. The redirect chain that ends at an entry stops short of it.
    assertThat(asked)
        .extracting(TestBlog.Request::path)
        .doesNotContainAnyElementsOf(blog.entryPaths());
    assertThat(again.skipped())
        .contains(new Skip(blog.root() + TestBlog.BUILT_NOINDEX.substring(1), "noindex"));
  }

  @Test
  void editedPageIsDownloadedAgainAndUpdated() throws Exception {
    crawl(false);
    String edited = indexable().get(2);
    blog.edit(edited, "<p>Zanzibar appears in this paragraph only.</p>");

    IndexReport again = crawl(false);

    assertThat(again.updated()).isEqualTo(1);
    assertThat(again.unchanged()).isEqualTo(indexable().size() - 1);
    Document doc = docs(Fields.KIND_ENTRY).get(blog.root() + edited.substring(1));
    assertThat(doc.get(Fields.BODY)).contains("Zanzibar");
  }

  @Test
  void pageRemovedFromTheServerIsRemovedFromTheIndex() throws Exception {
    crawl(false);
    String removed = indexable().get(3);
    blog.remove(removed);

    IndexReport again = crawl(false);

    assertThat(again.deleted()).isEqualTo(1);
    assertThat(entryPaths()).doesNotContain(removed).hasSize(indexable().size());
  }

  @Test
  void aSiteThatLostMostOfItsPagesKeepsTheIndexUnlessMassDeleteIsAllowed() throws Exception {
    crawl(false);
    List<String> entries = indexable();
    for (String page : entries.subList(0, entries.size() - 2)) {
      blog.remove(page);
    }

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> crawl(false))
        .isInstanceOf(MassDeleteException.class)
        .hasMessageContaining("has the site lost its pages");
    assertThat(entryPaths()).hasSize(entries.size());

    SiteCrawl crawl = new SiteCrawl(blog.root().toString(), List.of(), 0, Duration.ofSeconds(1));
    try (EntryIndexer indexer = EntryIndexer.open(indexDir)) {
      indexer.crawl(crawl, ParseOptions.DEFAULTS, false, EntryIndexer.Progress.NONE, true);
    }
    assertThat(entryPaths()).hasSize(2);
  }

  @Test
  void pageThatFailsThisTimeKeepsItsEntry() throws Exception {
    crawl(false);
    String failing = indexable().get(1);
    blog.edit(failing, "<p>Changed, but the server breaks before we see it.</p>");
    blog.fail(failing);

    IndexReport again = crawl(false);

    assertThat(paths(again.failed())).contains(failing);
    assertThat(again.deleted()).isZero();
    assertThat(entryPaths()).contains(failing);
  }

  @Test
  void siteThatCannotBeReadDeletesNothing() throws Exception {
    crawl(false);
    blog.fail("/robots.txt");

    IndexReport again = crawl(false);

    assertThat(again.deleted()).isZero();
    assertThat(entryPaths()).containsExactlyInAnyOrderElementsOf(indexable());
    assertThat(again.notices())
        .anySatisfy(n -> assertThat(n).contains("did not see the whole site", "robots.txt"));
  }

  @Test
  void fullCrawlDownloadsEveryPageAgain() throws Exception {
    crawl(false);
    int requests = blog.requests().size();

    IndexReport full = crawl(true);

    List<String> asked =
        blog.requests().subList(requests, blog.requests().size()).stream()
            .map(TestBlog.Request::path)
            .toList();
    assertThat(asked).containsAll(blog.entryPaths());
    assertThat(blog.requests().subList(requests, blog.requests().size()))
        .noneSatisfy(r -> assertThat(r.headers()).containsKey("If-none-match"));
    assertThat(full.entries()).isEqualTo(indexable().size());
    assertThat(full.deleted()).isZero();
  }

  /** What results show of an entry, but for where it came from. */
  private record Shown(String title, String date, List<String> tags, List<String> anchors) {
    static Shown of(Document doc) {
      return new Shown(
          doc.get(Fields.TITLE),
          doc.get(Fields.DATE),
          List.of(doc.getValues(Fields.TAG_DISPLAY)),
          List.of(doc.getValues(Fields.SECTION_ANCHOR)));
    }
  }

  /** Entries by URL. */
  private static Map<String, Shown> byUrl(Map<String, Document> docs) {
    Map<String, Shown> shown = new HashMap<>();
    docs.values().forEach(doc -> shown.put(doc.get(Fields.URL), Shown.of(doc)));
    return shown;
  }

  @Test
  void crawlGivesTheSameEntriesAsTheSitesFolder(@TempDir Path folderIndex) throws Exception {
    crawl(false);
    Map<String, Shown> crawled = byUrl(docs(Fields.KIND_ENTRY));
    Path crawlIndex = indexDir;
    indexDir = folderIndex;
    // The test blog publishes the example's Markdown at pretty URLs under its root.
    ParseOptions asPublished = new ParseOptions(blog.root(), UrlStyle.PRETTY, false);
    try (EntryIndexer indexer = EntryIndexer.open(folderIndex)) {
      indexer.index(SiteWalker.walk(Path.of("examples/devlog")), asPublished, false, Progress.NONE);
    }
    Map<String, Shown> fromFolder = byUrl(docs(Fields.KIND_ENTRY));
    indexDir = crawlIndex;

    // The built pages sit under site/ in the folder, at the root on the blog: compare the rest.
    fromFolder.keySet().removeIf(url -> url.startsWith(blog.root() + "site/"));
    crawled.keySet().removeIf(url -> !fromFolder.containsKey(url));
    assertThat(crawled).hasSizeGreaterThan(20).isEqualTo(fromFolder);
  }
}
