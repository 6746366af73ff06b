package io.newsline.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * SSE fan-out: many concurrent subscribers on one non-blocking client while articles flow; the latency
 * of every delivery (from ingest's 202 to each subscriber's copy of the event).
 */
public final class SseFanoutBenchmark {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String ingestUrl = args.get("ingest", "http://localhost:8081");
        String timelineUrl = args.get("timeline", "http://localhost:8083");
        int subscribers = args.getInt("subscribers", 1000);
        double rate = args.getDouble("rate", 5);
        int seconds = args.getInt("seconds", 30);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Ingest ingest = new Ingest(http, ingestUrl, Ingest.token(args));

        // article id -> subscriber index -> when that subscriber first saw the article's event
        Map<String, Map<Integer, Long>> arrivals = new ConcurrentHashMap<>();
        long since = Ingest.timelineSequence(http, timelineUrl, null);
        List<StreamWatcher> watchers = new ArrayList<>();
        long openStart = System.nanoTime();
        for (int i = 0; i < subscribers; i++) {
            int subscriber = i;
            watchers.add(StreamWatcher.open(http, timelineUrl + "/api/timeline/stream?since=" + since, null,
                    (id, at) -> arrivals.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).putIfAbsent(subscriber, at)));
        }
        int connected = 0;
        for (StreamWatcher w : watchers) {
            try {
                w.connected().get(60, TimeUnit.SECONDS);
                connected++;
            } catch (Exception e) {
                // counted as not connected
            }
        }
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        System.out.printf("%d of %d subscribers connected in %.1f s%n", connected, subscribers, openSeconds);

        Map<String, Long> acked = new ConcurrentHashMap<>();
        SyntheticNews news = new SyntheticNews(subscribers);
        int total = (int) Math.round(rate * seconds);
        List<CompletableFuture<Ingest.Ack>> posts = new ArrayList<>();
        long period = Math.round(1e9 / rate);
        long next = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += period;
            posts.add(ingest.post(news.article(i)).whenComplete((ack, e) -> {
                if (ack != null && ack.status() == 202 && ack.id() != null) {
                    acked.put(ack.id(), ack.answeredNanos());
                }
            }));
        }
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long expected = (long) acked.size() * connected;
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(args.getInt("drain", 30));
        while (System.nanoTime() < drainUntil && deliveries(arrivals, acked) < expected) {
            Thread.sleep(200);
        }
        Latency latency = new Latency();
        long delivered = 0;
        for (Map.Entry<String, Long> a : acked.entrySet()) {
            Map<Integer, Long> firstCopies = arrivals.getOrDefault(a.getKey(), Map.of());
            for (long at : firstCopies.values()) {
                latency.recordNanos(at - a.getValue());
                delivered++;
            }
        }
        watchers.forEach(StreamWatcher::close);

        Report report = new Report("sse-fanout");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("subscribers", subscribers);
        row.put("connected", connected);
        row.put("articles", acked.size());
        row.put("deliveries_expected", expected);
        row.put("deliveries", delivered);
        row.putAll(latency.summary());
        report.row(row);
        report.verdict("1000 subscribers, delivery p99 <= 1 s", connected >= 1000 && delivered == expected
                && latency.percentileMs(99) <= 1000, "p99 " + Latency.round(latency.percentileMs(99)) + " ms, "
                + delivered + "/" + expected + " deliveries");
        report.finish(Path.of(args.get("out", "bench/results")));
        System.exit(0);
    }

    private static long deliveries(Map<String, Map<Integer, Long>> arrivals, Map<String, Long> acked) {
        long n = 0;
        for (String id : acked.keySet()) {
            n += arrivals.getOrDefault(id, Map.of()).size();
        }
        return n;
    }

    private SseFanoutBenchmark() {}
}
