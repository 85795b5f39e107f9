// Load test for archive serve: N client threads send GET requests for T seconds, cycling through
// the queries given (one per line in a file, or a few built-in ones), and report requests/s and
// latency percentiles. Bounded in time and count; only for servers on this machine.
//
//   java bench/LoadTest.java http://127.0.0.1:4567 [threads=8] [seconds=20] [queries.txt]
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

public class LoadTest {
  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/+$", "");
    if (!base.startsWith("http://127.") && !base.startsWith("http://localhost")) {
      throw new IllegalArgumentException("only servers on this machine: " + base);
    }
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    List<String> queries =
        args.length > 3
            ? Files.readAllLines(Path.of(args[3]))
            : List.of("kubernetes", "day one", "garden bicycle", "\"the market\"", "kitchn", "clim*");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<long[]> perThread = new ArrayList<>();
    AtomicInteger errors = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long[] latencies = new long[2_000_000];
      perThread.add(latencies);
      int offset = t;
      Thread worker = new Thread(() -> run(http, base, queries, offset, end, latencies, errors));
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    report(perThread, seconds, threads, errors.get());
  }

  static void run(HttpClient http, String base, List<String> queries, int offset, long end,
      long[] latencies, AtomicInteger errors) {
    int n = 0;
    while (System.nanoTime() < end && n < latencies.length - 1) {
      String q = queries.get((offset + n) % queries.size());
      URI uri = URI.create(base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
      long start = System.nanoTime();
      try {
        HttpResponse<Void> response =
            http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
          errors.incrementAndGet();
        }
      } catch (Exception e) {
        errors.incrementAndGet();
      }
      latencies[++n] = System.nanoTime() - start;
    }
    latencies[0] = n;
  }

  static void report(List<long[]> perThread, int seconds, int threads, int errors) {
    int total = 0;
    for (long[] l : perThread) {
      total += (int) l[0];
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] l : perThread) {
      System.arraycopy(l, 1, all, at, (int) l[0]);
      at += (int) l[0];
    }
    Arrays.sort(all);
    System.out.printf("%d threads, %d s: %d requests, %.0f req/s, %d errors%n",
        threads, seconds, total, total / (double) seconds, errors);
    System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
        pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
  }

  static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
  }
}
