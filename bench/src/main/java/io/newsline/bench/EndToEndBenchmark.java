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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop end-to-end load: posts articles to ingest at a fixed arrival rate (not waiting for answers,
 * so back-pressure cannot hide latency) while one SSE subscriber records when each article's event
 * arrives. Latency is from ingest's 202 to the SSE message that carries the article.
 * With {@code --find-max} it also steps the rate up to find the highest that holds p99 ≤ 1 s, none lost. With
 * {@code --preload N} it first writes N synthetic events to {@code news.timeline} ({@code --kafka host:port}, else
 * {@code localhost:$NEWSLINE_KAFKA_PORT}) and waits until the timeline holds them; {@code --preload-only} stops there.
 */
public final class EndToEndBenchmark {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String ingestUrl = args.get("ingest", "http://localhost:8081");
        String timelineUrl = args.get("timeline", "http://localhost:8083");
        String token = Ingest.token(args);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Report report = new Report("e2e");
        int preload = args.getInt("preload", 0);
        if (preload > 0) {
            preload(http, timelineUrl, args.get("kafka", "localhost:" + System.getenv()
                    .getOrDefault("NEWSLINE_KAFKA_PORT", "9092")), preload, args.getInt("preload-timeout", 1800));
            if (Boolean.parseBoolean(args.get("preload-only", "false"))) {
                System.exit(0);
            }
        }

        Map<String, Object> main = run(http, ingestUrl, timelineUrl, token,
                args.getDouble("rate", 20), args.getInt("seconds", 60), args.getInt("drain", 30));
        report.row(main);
        double p99 = (double) main.get("p99_ms");
        double p50 = (double) main.get("p50_ms");
        long lost = ((Number) main.get("lost")).longValue();
        report.verdict("20 articles/s for 60 s, p50 <= 150 ms, p99 <= 500 ms, none lost",
                p50 <= 150 && p99 <= 500 && lost == 0 && (double) main.get("rate") >= 20 && (int) main.get("seconds") >= 60,
                "p50 " + p50 + " ms, p99 " + p99 + " ms, lost " + lost);

        if (Boolean.parseBoolean(args.get("find-max", "false"))) {
            double best = 0;
            for (String step : args.get("steps", "20,40,60,80,100,140,180,240").split(",")) {
                double rate = Double.parseDouble(step);
                Map<String, Object> row = run(http, ingestUrl, timelineUrl, token, rate, args.getInt("step-seconds", 20),
                        args.getInt("drain", 30));
                report.row(row);
                if ((double) row.get("p99_ms") > 1000 || ((Number) row.get("lost")).longValue() > 0) {
                    break;
                }
                best = rate;
            }
            report.verdict("highest rate with p99 <= 1 s and none lost", best > 0, best + " articles/s");
        }
        report.finish(Path.of(args.get("out", "bench/results")));
        System.exit(0);
    }

    /**
     * Writes {@code events} of the footprint benchmark's synthetic events straight to {@code news.timeline} of the
     * running system, as a long-running merger would have left them, and waits until its timeline has applied them.
     * The merger finds them in its index as candidates; docs/performance.md restarts timeline-service after a
     * preload to measure a start with them in place.
     */
    static void preload(HttpClient http, String timelineUrl, String kafka, int events, int timeoutSeconds)
            throws Exception {
        long before = Ingest.timelineSequence(http, timelineUrl, null);
        long started = System.nanoTime();
        FootprintBenchmark.produceTimeline(kafka, events);
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long now = before;
        while ((now = Ingest.timelineSequence(http, timelineUrl, null)) < before + events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the timeline applied " + (now - before) + " of " + events
                        + " preloaded events in " + timeoutSeconds + " s");
            }
            Thread.sleep(1000);
        }
        System.out.printf("preloaded %d events: the timeline is at sequence %d, %.1f s after the first was sent%n",
                events, now, (System.nanoTime() - started) / 1e9);
    }

    static Map<String, Object> run(HttpClient http, String ingestUrl, String timelineUrl, String token,
            double rate, int seconds, int drainSeconds) throws Exception {
        return run(http, ingestUrl, timelineUrl, token, rate, seconds, drainSeconds, new ConcurrentHashMap<>());
    }

    /** The same, leaving in {@code acked} when each accepted article's 202 arrived (System.nanoTime), by article id. */
    static Map<String, Object> run(HttpClient http, String ingestUrl, String timelineUrl, String token,
            double rate, int seconds, int drainSeconds, Map<String, Long> acked) throws Exception {
        Ingest ingest = new Ingest(http, ingestUrl, token);
        SyntheticNews news = new SyntheticNews(Double.doubleToLongBits(rate) ^ System.nanoTime());
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        List<CompletableFuture<Ingest.Ack>> inFlight = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();

        long since = Ingest.timelineSequence(http, timelineUrl, null);
        StreamWatcher watcher = StreamWatcher.open(http, timelineUrl + "/api/timeline/stream?since=" + since, null,
                (id, at) -> arrived.putIfAbsent(id, at));
        watcher.connected().get(10, TimeUnit.SECONDS);

        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger n = new AtomicInteger();
        int total = (int) Math.round(rate * seconds);
        long periodNanos = Math.round(1e9 / rate);
        long started = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            int i = n.getAndIncrement();
            if (i >= total) {
                return;
            }
            inFlight.add(ingest.post(news.article(i)).whenComplete((ack, e) -> {
                if (ack != null && ack.status() == 202 && ack.id() != null) {
                    acked.put(ack.id(), ack.answeredNanos());
                } else {
                    refused.incrementAndGet();
                }
            }));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (n.get() < total) {
            Thread.sleep(50);
        }
        clock.shutdownNow();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        double postSeconds = (System.nanoTime() - started) / 1e9;

        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (System.nanoTime() < drainUntil && !arrived.keySet().containsAll(acked.keySet())) {
            Thread.sleep(100);
        }
        watcher.close();

        Latency latency = new Latency();
        long delivered = 0;
        for (Map.Entry<String, Long> a : acked.entrySet()) {
            Long at = arrived.get(a.getKey());
            if (at != null) {
                delivered++;
                latency.recordNanos(at - a.getValue());
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rate", rate);
        row.put("seconds", seconds);
        row.put("posted", total);
        row.put("accepted", acked.size());
        row.put("refused", refused.get());
        row.put("delivered", delivered);
        row.put("lost", acked.size() - delivered);
        row.put("achieved_per_s", Latency.round(total / postSeconds));
        row.putAll(latency.summary());
        System.out.println("rate " + rate + "/s: " + row);
        return row;
    }

    private EndToEndBenchmark() {}
}
