package io.newsline.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingest alone: at each concurrency level, that many clients post distinct articles back to back for a
 * while; reports accepted articles per second and the latency of the 202 (which includes the broker's
 * acknowledgement).
 */
public final class IngestBenchmark {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String ingestUrl = args.get("ingest", "http://localhost:8081");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Ingest ingest = new Ingest(http, ingestUrl, Ingest.token(args));
        int seconds = args.getInt("seconds", 10);
        Report report = new Report("ingest");
        double bestRate = 0;
        double p99AtBest = Double.NaN;

        // Warm-up: the first requests pay for class loading and connection set-up on both sides.
        level(ingest, 8, 3, new SyntheticNews(1));

        for (String c : args.get("concurrency", "1,8,32,64,128").split(",")) {
            int clients = Integer.parseInt(c);
            Map<String, Object> row = level(ingest, clients, seconds, new SyntheticNews(clients));
            report.row(row);
            double rate = (double) row.get("accepted_per_s");
            if (rate > bestRate && (double) row.get("p99_ms") <= 50) {
                bestRate = rate;
                p99AtBest = (double) row.get("p99_ms");
            }
        }
        report.verdict(">= 2000 accepted articles/s with p99 <= 50 ms", bestRate >= 2000,
                bestRate + " /s at p99 " + p99AtBest + " ms (best level with p99 <= 50 ms)");
        report.finish(Path.of(args.get("out", "bench/results")));
        System.exit(0);
    }

    static Map<String, Object> level(Ingest ingest, int clients, int seconds, SyntheticNews news) throws Exception {
        Latency latency = new Latency();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicInteger n = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        CompletableFuture<?>[] workers = new CompletableFuture<?>[clients];
        for (int w = 0; w < clients; w++) {
            workers[w] = loop(ingest, news, n, deadline, latency, accepted, other);
        }
        CompletableFuture.allOf(workers).get(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("clients", clients);
        row.put("accepted", accepted.get());
        row.put("not_accepted", other.get());
        row.put("accepted_per_s", Latency.round(accepted.get() / elapsed));
        row.putAll(latency.summary());
        System.out.println(clients + " clients: " + row);
        return row;
    }

    private static CompletableFuture<Void> loop(Ingest ingest, SyntheticNews news, AtomicInteger n, long deadline,
            Latency latency, AtomicInteger accepted, AtomicInteger other) {
        if (System.nanoTime() >= deadline) {
            return CompletableFuture.completedFuture(null);
        }
        String article;
        synchronized (news) {
            article = news.article(n.getAndIncrement());
        }
        return ingest.post(article).thenCompose(ack -> {
            latency.recordNanos(ack.answeredNanos() - ack.sentNanos());
            (ack.status() == 202 ? accepted : other).incrementAndGet();
            return loop(ingest, news, n, deadline, latency, accepted, other);
        });
    }

    private IngestBenchmark() {}
}
