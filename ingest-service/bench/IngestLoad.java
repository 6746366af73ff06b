import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator for POST /api/articles: CONCURRENCY clients each post unique articles back
 * to back for SECONDS, then it prints accepted/s and latency percentiles. JDK only; run from source:
 * {@code java ingest-service/bench/IngestLoad.java http://localhost:8081 TOKEN 30 16}.
 */
public class IngestLoad {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8081";
        String token = args.length > 1 ? args[1] : System.getenv("NEWSLINE_TOKEN");
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(base + "/api/articles");
        String run = Long.toString(System.currentTimeMillis(), 36);
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        AtomicLong counter = new AtomicLong();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            long[] mine = new long[2_000_000];
            int[] n = {0};
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long i = counter.incrementAndGet();
                    String body = "{\"title\": \"Bench " + run + " " + i + "\", \"body\": \"Shelling hit Kharkiv on Saturday, "
                            + "officials said; at least seven people were injured.\", \"url\": \"https://bench.example/" + run + "/" + i + "\"}";
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long took = System.nanoTime() - start;
                    if (start > warmupEnd) {
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (status == 202 && n[0] < mine.length) {
                            mine[n[0]++] = took;
                        }
                    }
                }
                mine[mine.length - 1] = n[0];
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a, 0, (int) a[a.length - 1])).sorted().toArray();
        System.out.printf("concurrency %d, %d s: %d accepted, %.0f accepted/s; latency ms p50 %.1f p99 %.1f max %.1f; statuses %s%n",
                concurrency, seconds, all.length, all.length / (double) seconds,
                pct(all, 0.50), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, new TreeMap<>(statuses));
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
