package archive.index;

import archive.index.EntryIndexer.Progress;
import archive.index.KnownDocs.Known;
import archive.index.Schema.Bookkeeping;
import archive.ingest.Format;
import archive.ingest.Sha256;
import archive.ingest.SiteScan;
import archive.ingest.Skip;
import archive.ingest.SourceFile;
import archive.parse.Entry;
import archive.parse.EntryParser;
import archive.parse.Kind;
import archive.parse.ParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One pass over a site's files: decides for each file whether to skip, parse, write or drop it.
 * Parsing and analysis run on all cores; the writer is shared (it is thread-safe). Built HTML is
 * handled before Markdown so that an entry present as both is kept once, as the page readers see.
 */
final class IndexRun {

  private final DocSink writer;
  private final EntryParser parser;
  private final KnownDocs known;
  private final Tally tally;
  private final boolean trustStats;
  private final boolean full;
  private final Progress progress;
  private final int total;
  private final AtomicInteger done = new AtomicInteger();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Map<String, String> htmlClaims = new ConcurrentHashMap<>();
  private final Map<String, SourceFile> filesById = new HashMap<>();
  private final Set<String> written = ConcurrentHashMap.newKeySet();

  IndexRun(
      DocSink writer,
      EntryParser parser,
      KnownDocs known,
      Tally tally,
      boolean trustStats,
      boolean full,
      Progress progress,
      SiteScan scan) {
    this.writer = writer;
    this.parser = parser;
    this.known = known;
    this.tally = tally;
    this.trustStats = trustStats;
    this.full = full;
    this.progress = progress;
    this.total = scan.files().size();
    scan.files().forEach(f -> filesById.put(f.relativePath(), f));
  }

  /** Handles every file of one format, in parallel. */
  void process(List<SourceFile> files, Format format) throws IOException {
    List<SourceFile> ofFormat = files.stream().filter(f -> f.format() == format).toList();
    Workers.forEach(
        ofFormat,
        file -> {
          try {
            handle(file);
          } catch (OutOfMemoryError e) {
            // A 5 MB file of nothing but headings takes gigabytes to read. Its garbage is gone once
            // the stack unwinds, so the run goes on; uncaught, the worker died with a stack trace
            // and the file was left out of the tally (issue 10, hostile files).
            tally.failed(file.relativePath(), outOfMemory());
          }
          progress.fileDone(done.incrementAndGet(), total);
        });
  }

  /** Why a file failed when reading it took more memory than the JVM may use. */
  static String outOfMemory() {
    long megabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return "ran out of memory reading it (Java may use "
        + megabytes
        + " MB); give Java more with -Xmx, or split the file";
  }

  private void handle(SourceFile file) throws IOException {
    String id = file.relativePath();
    seen.add(id);
    Known previous = known.get(id);
    String stat = stat(file);
    if (previous != null && stillValid(previous, stat, file.format())) {
      keep(previous, file.format());
      return;
    }
    ParseResult result;
    try {
      result = parser.parse(file);
    } catch (IOException | RuntimeException e) {
      tally.failed(id, e); // one unreadable file must not stop the run; its old version stays
      return;
    } catch (StackOverflowError e) {
      // Nested past every bound the parsers set: this file is skipped, said, and nothing else.
      writeSkipped(id, ParseResult.TOO_DEEP, new Bookkeeping("", stat, List.of()));
      return;
    }
    tally.warn(result.problems());
    Entry entry = result.entry();
    if (entry == null) {
      writeSkipped(id, String.valueOf(result.skipReason()), new Bookkeeping("", stat, List.of()));
      return;
    }
    write(entry, file.format(), stat, previous);
  }

  /** Size and modification time: a file whose stat is unchanged is not read again. */
  private static String stat(SourceFile file) {
    return file.size() + ":" + file.lastModifiedMillis();
  }

  /** Whether a file unchanged on disk can keep its document without being read again. */
  private boolean stillValid(Known previous, String stat, Format format) {
    if (!trustStats || !stat.equals(previous.sourceStat())) {
      return false;
    }
    String claimedBy = claimedBy(previous.sameAsKeys(), previous.id());
    if (previous.isSkipped()) {
      // A Markdown source kept out as the twin of a built page must return if the page went away,
      // and lend its metadata again if the page was rewritten.
      return previous.sameAsKeys().isEmpty() || claimedBy != null && !written.contains(claimedBy);
    }
    return format == Format.HTML || claimedBy == null;
  }

  private void keep(Known previous, Format format) {
    if (previous.isSkipped()) {
      tally.skipped(previous.id(), String.valueOf(previous.skipReason()));
      return;
    }
    if (format == Format.HTML) {
      claim(previous.sameAsKeys(), previous.id());
    }
    if (previous.isEntry()) {
      tally.unchanged();
    }
  }

  private void write(Entry entry, Format format, String stat, @Nullable Known previous)
      throws IOException {
    List<String> keys = sameAsKeys(entry);
    if (format == Format.MARKDOWN) {
      String twin = claimedBy(keys, entry.id());
      if (twin != null) {
        writeSkipped(entry.id(), "same entry as " + twin, new Bookkeeping("", stat, keys));
        lendMetadata(entry, twin);
        return;
      }
    } else {
      claim(keys, entry.id());
    }
    String hash = hash(entry);
    boolean sameContent = previous != null && !previous.isSkipped() && hash.equals(previous.hash());
    if (previous == null || !sameContent || full || !stat.equals(previous.sourceStat())) {
      writer.entry(entry, new Bookkeeping(hash, stat, keys));
      written.add(entry.id());
    }
    if (entry.kind() == Kind.LIST) {
      return; // list pages are counted apart, as a total
    }
    if (sameContent && !full) {
      tally.unchanged();
    } else if (previous == null || !previous.isEntry()) {
      tally.added();
    } else {
      tally.updated(); // with --full, rewritten whether or not it changed: not "unchanged"
    }
  }

  private void writeSkipped(String id, String reason, Bookkeeping bookkeeping) throws IOException {
    writeSkipped(writer, known, tally, id, reason, bookkeeping);
  }

  /**
   * Replaces a document with the placeholder of a source that yields no entry (a file or a crawled
   * page), counting an entry that leaves the results: one that became a draft, noindex, a twin or a
   * copy.
   */
  static void writeSkipped(
      DocSink writer,
      KnownDocs known,
      Tally tally,
      String id,
      String reason,
      Bookkeeping bookkeeping)
      throws IOException {
    Known previous = known.get(id);
    if (previous != null && previous.isEntry()) {
      tally.deleted();
    }
    writer.skipped(id, reason, bookkeeping);
    tally.skipped(id, reason);
  }

  /** Deletes a document the last run left, counting it when it was an entry. */
  static void delete(DocSink writer, KnownDocs known, Tally tally, String id) throws IOException {
    Known gone = known.get(id);
    if (gone != null) {
      writer.delete(id);
      if (gone.isEntry()) {
        tally.deleted();
      }
    }
  }

  /**
   * Gives a built page what only its Markdown source says (tags, categories, a subtitle or date):
   * generators often leave tags out of the page. With no source (it was deleted), the page goes
   * back to what it holds itself. The page is read again rather than kept in memory, so a run holds
   * no entry longer than it takes to write it.
   */
  private void lendMetadata(@Nullable Entry source, String pageId) throws IOException {
    SourceFile page = filesById.get(pageId);
    Entry built;
    try {
      built = page == null ? null : parser.parse(page).entry();
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return; // the page was indexed from what it holds; its own problems were counted then
    }
    if (built == null || page == null) { // no built entry without its page
      return;
    }
    Entry merged = source == null ? built : Twins.merge(built, source);
    boolean pageWritten = written.contains(pageId);
    if (pageWritten && merged.equals(built)) {
      return; // written this run from the page alone, which is all there is to it
    }
    Known previous = known.get(pageId);
    String hash = hash(merged);
    if (!pageWritten && previous != null && hash.equals(previous.hash())) {
      return; // kept from the last run, which merged the same metadata
    }
    writer.entry(merged, new Bookkeeping(hash, stat(page), sameAsKeys(built)));
    if (!pageWritten && previous != null && previous.isEntry()) {
      tally.unchangedBecameUpdated();
    }
    written.add(pageId);
  }

  /** Deletes every document whose source file is gone (not merely unreadable this time). */
  void deleteUnseen(List<Skip> walkSkips) throws IOException {
    List<String> unreadable = walkSkips.stream().filter(Skip::unreadable).map(Skip::path).toList();
    for (String id : known.ids()) {
      if (!seen.contains(id) && !under(id, unreadable)) {
        delete(writer, known, tally, id);
        Known gone = known.get(id);
        String page = gone == null ? null : claimedBy(gone.sameAsKeys(), id);
        if (gone != null && page != null && gone.isSkipped()) {
          lendMetadata(null, page); // the source of a built page is gone, and its tags with it
        }
      }
    }
  }

  private static boolean under(String id, List<String> paths) {
    for (String path : paths) {
      if (id.equals(path) || id.startsWith(path + "/")) {
        return true;
      }
    }
    return false;
  }

  private void claim(List<String> keys, String id) {
    for (String key : keys) {
      htmlClaims.putIfAbsent(key, id);
    }
  }

  private @Nullable String claimedBy(List<String> keys, String self) {
    for (String key : keys) {
      String owner = htmlClaims.get(key);
      if (owner != null && !owner.equals(self)) {
        return owner;
      }
    }
    return null;
  }

  /** The keys under which the same entry may appear twice: its URL, and its title with its date. */
  static List<String> sameAsKeys(Entry entry) {
    List<String> keys = new ArrayList<>(2);
    String url = entry.url();
    if (url.endsWith("/index.html")) {
      url = url.substring(0, url.length() - "index.html".length());
    }
    keys.add("url:" + url);
    if (entry.date() != null) {
      keys.add("title:" + entry.title().strip().toLowerCase(Locale.ROOT) + "|" + entry.date());
    }
    return keys;
  }

  /** The content hash of an entry as indexed: a changed schema or entry changes it. */
  static String hash(Entry entry) {
    return Sha256.hex(
        Fields.SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8),
        entry.toString().getBytes(StandardCharsets.UTF_8));
  }
}
