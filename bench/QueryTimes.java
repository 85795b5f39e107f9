// In-process query latency: opens an index with archive's Searcher and times each query of a
// bench/querymix.py file with System.nanoTime, one thread, after a warm-up pass over every query.
// Each query runs once per round; the figure per query is its median over the rounds, so one GC
// pause does not decide a percentile. Prints p50/p95/p99 overall and per kind, in milliseconds.
//
//   java -cp target/archive.jar bench/QueryTimes.java INDEX MIX.tsv [rounds=3] [limit=10] [upTo]
//   (upTo: count matches exactly only up to that many, without facets, as the embedded box asks)
//   java -cp target/archive.jar bench/QueryTimes.java INDEX MIX.tsv dump   (each answer, to diff)
// INDEX is an index folder, or a SolrCloud collection: http://127.0.0.1:8983/solr/blog.
// A query that fails is counted and timed as it failed; the count is printed as "errors".
import archive.index.SolrCollection;
import archive.search.Facets;
import archive.search.SearchRequest;
import archive.search.SearchResult;
import archive.search.Searcher;
import archive.search.SortOrder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class QueryTimes {
  record Query(String kind, String text, SortOrder sort) {}

  /** The index folder, or a SolrCloud collection: its address on one node or more, commas between. */
  static Searcher open(String index) throws Exception {
    if (!index.startsWith("http")) {
      return Searcher.open(Path.of(index));
    }
    List<URI> nodes = new ArrayList<>();
    String name = "";
    for (String address : index.split(",")) {
      String trimmed = address.strip().replaceAll("/+$", "");
      int slash = trimmed.lastIndexOf('/');
      nodes.add(URI.create(trimmed.substring(0, slash + 1)));
      name = trimmed.substring(slash + 1);
    }
    return Searcher.open(new SolrCollection(nodes, name, null), null);
  }

  static int errors;

  public static void main(String[] args) throws Exception {
    String index = args[0];
    List<Query> queries = new ArrayList<>();
    List<String> lines = Files.readAllLines(Path.of(args[1]));
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.split("\t", -1);
      SortOrder sort = parts[2].isEmpty() ? SortOrder.RELEVANCE : SortOrder.of(parts[2]).orElseThrow();
      queries.add(new Query(parts[0], parts[1], sort));
    }
    if (args.length > 2 && args[2].equals("dump")) { // each answer, to compare two builds
      try (Searcher searcher = open(index)) {
        for (Query q : queries) {
          SearchResult r = run(searcher, q, 10);
          System.out.printf(
              "%s\ttotal=%d\tdid=%s\tnote=%s\tfacets=%s%n",
              q.text(), r.total(), r.didYouMean(), r.note(), r.facets());
          r.hits()
              .forEach(
                  h ->
                      System.out.printf(
                          "  %s %.4f %s %s%n", h.id(), h.score(), h.snippet(), h.sections()));
        }
      }
      return;
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int limit = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    counting =
        args.length > 4
            ? SearchRequest.Counting.upTo(Integer.parseInt(args[4]))
            : SearchRequest.Counting.EXACT;
    try (Searcher searcher = open(index)) {
      long found = 0;
      for (Query q : queries) { // warm-up: every query once
        found += run(searcher, q, limit).hits().isEmpty() ? 0 : 1;
      }
      long[][] times = new long[queries.size()][rounds];
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < queries.size(); i++) {
          long start = System.nanoTime();
          run(searcher, queries.get(i), limit);
          times[i][r] = System.nanoTime() - start;
        }
      }
      Map<String, List<Long>> byKind = new LinkedHashMap<>();
      List<Long> all = new ArrayList<>();
      for (int i = 0; i < queries.size(); i++) {
        long[] t = times[i].clone();
        Arrays.sort(t);
        long median = t[t.length / 2];
        all.add(median);
        byKind.computeIfAbsent(queries.get(i).kind(), k -> new ArrayList<>()).add(median);
      }
      System.out.printf(
          "%d queries (%d with results), %d rounds, limit %d, %s, one thread, errors %d%n",
          queries.size(), found, rounds, limit, counting, errors);
      print("all", all);
      byKind.forEach(QueryTimes::print);
    }
  }

  static SearchRequest.Counting counting = SearchRequest.Counting.EXACT;

  static SearchResult run(Searcher searcher, Query q, int limit) throws Exception {
    SearchRequest request =
        new SearchRequest(q.text(), 1, limit, q.sort(), false).counted(counting);
    try {
      return searcher.search(request);
    } catch (java.io.IOException e) {
      errors++;
      System.err.println("error: " + q.text() + ": " + e.getMessage());
      return new SearchResult(q.text(), 0, 1, null, null, List.of(), 0, Facets.NONE, true);
    }
  }

  static void print(String label, List<Long> nanos) {
    long[] t = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "  %-10s n=%-5d p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n",
        label, t.length, at(t, 0.50), at(t, 0.95), at(t, 0.99), t[t.length - 1] / 1e6);
  }

  static double at(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
  }
}
