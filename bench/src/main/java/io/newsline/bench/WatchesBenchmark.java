package io.newsline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.localkafka.KafkaBrokerProcess;
import io.newsline.localkafka.WebhookReceiver;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches under load, on the running system ({@code ./newsline up -d}): 1,000 watches (most {@code near} a random
 * point of the load's region, so each article matches a few, and {@code --match-all} that match every change),
 * all posting to one receiver on this machine, while {@link EndToEndBenchmark} posts 20 articles/s: the timeline's
 * 202 → SSE latency with the watches in place, and the 202 → webhook latency of every delivery. Then, on a broker
 * and timeline-service of its own, the GeoJSON export of 100,000 events: time, size and heap.
 */
public final class WatchesBenchmark {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Report report = new Report("watches");
        if (!Boolean.parseBoolean(args.get("export-only", "false"))) {
            load(args, report);
        }
        if (!Boolean.parseBoolean(args.get("load-only", "false"))) {
            export(args, report);
        }
        // Into bench/results/ (git-ignored) unless --out says otherwise.
        report.finish(Path.of(args.get("out", "bench/results")));
        System.exit(0);
    }

    private static void load(Args args, Report report) throws Exception {
        String ingestUrl = args.get("ingest", "http://localhost:8081");
        String timelineUrl = args.get("timeline", "http://localhost:8083");
        String token = Ingest.token(args);
        int watches = args.getInt("watches", 1000);
        int matchAll = args.getInt("match-all", 1);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String secret = "bench-secret-" + Long.toHexString(System.nanoTime());
        String run = Long.toHexString(System.nanoTime());
        Random random = new Random(11);
        long timelinePid = timelinePid(args);
        if (Boolean.parseBoolean(args.get("baseline", "true"))) {
            // The same load without watches first, back to back: on a shared machine only the pair compares.
            long cpuBefore = SseFanoutBenchmark.cpuNanos(timelinePid);
            Map<String, Object> base = EndToEndBenchmark.run(http, ingestUrl, timelineUrl, token,
                    args.getDouble("rate", 20), args.getInt("seconds", 60), args.getInt("drain", 30));
            Thread.sleep(TimeUnit.SECONDS.toMillis(args.getInt("webhook-drain", 30)));
            base.put("scenario", "no watches");
            base.put("watches", 0);
            base.put("timeline_cpu_s", timelinePid > 0
                    ? Latency.round((SseFanoutBenchmark.cpuNanos(timelinePid) - cpuBefore) / 1e9) : "unknown");
            base.put("load_average", loadAverage());
            report.row(base);
        }
        try (WebhookReceiver receiver = WebhookReceiver.start(secret)) {
            long created = System.nanoTime();
            for (int i = 0; i < watches; i++) {
                String filter = i < matchAll ? "{}" : String.format(java.util.Locale.ROOT,
                        "{\"near\": {\"lat\": %.4f, \"lon\": %.4f, \"km\": 30}}",
                        46.0 + random.nextDouble() * 5, 30.0 + random.nextDouble() * 8);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(timelineUrl + "/api/watches"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"bench-" + run + "-" + i
                                + "\", \"filter\": " + filter + ", \"webhook\": {\"url\": \"" + receiver.url()
                                + "\", \"secret\": \"" + secret + "\"}}")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("POST /api/watches answered " + r.statusCode() + ": " + r.body());
                }
            }
            System.out.printf("saved %d watches in %.1f s%n", watches, (System.nanoTime() - created) / 1e9);

            Map<String, Long> acked = new ConcurrentHashMap<>();
            long cpuBefore = SseFanoutBenchmark.cpuNanos(timelinePid);
            Map<String, Object> row = EndToEndBenchmark.run(http, ingestUrl, timelineUrl, token,
                    args.getDouble("rate", 20), args.getInt("seconds", 60), args.getInt("drain", 30), acked);
            Thread.sleep(TimeUnit.SECONDS.toMillis(args.getInt("webhook-drain", 30)));
            double cpu = (SseFanoutBenchmark.cpuNanos(timelinePid) - cpuBefore) / 1e9;

            // Each delivery's latency: from the 202 of the newest article it carries to its arrival at the receiver.
            Latency webhook = new Latency();
            long matched = 0;
            long bad = 0;
            for (WebhookReceiver.Delivery d : receiver.deliveries()) {
                if (!d.signatureValid()) {
                    bad++;
                }
                Long ackedAt = null;
                for (JsonNode s : d.json().at("/event/sources")) {
                    Long at = acked.get(s.path("articleId").asText());
                    if (at != null && (ackedAt == null || at > ackedAt)) {
                        ackedAt = at;
                    }
                }
                if (ackedAt != null) {
                    matched++;
                    webhook.recordNanos(d.receivedNanos() - ackedAt);
                }
            }
            row.put("scenario", watches + " watches");
            row.put("watches", watches);
            row.put("timeline_cpu_s", timelinePid > 0 ? Latency.round(cpu) : "unknown");
            row.put("deliveries", receiver.deliveries().size());
            row.put("deliveries_of_this_run", matched);
            row.put("bad_signatures", bad);
            webhook.summary().forEach((k, v) -> row.put("webhook_" + k, v));
            row.put("load_average", loadAverage());
            report.row(row);
            report.verdict("with " + watches + " watches, timeline 202 -> SSE p99 <= 500 ms, none lost",
                    (double) row.get("p99_ms") <= 500 && ((Number) row.get("lost")).longValue() == 0,
                    "p99 " + row.get("p99_ms") + " ms, lost " + row.get("lost"));
            report.verdict("webhook delivery 202 -> receiver p99 (reported)", matched > 0,
                    "p99 " + row.get("webhook_p99_ms") + " ms over " + matched + " deliveries, " + bad + " bad signatures");

            for (int i = 0; i < watches; i++) {
                http.send(HttpRequest.newBuilder(URI.create(timelineUrl + "/api/watches/bench-" + run + "-" + i))
                        .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private static void export(Args args, Report report) throws Exception {
        Path root = Path.of(args.get("root", ".")).toAbsolutePath().normalize();
        int events = args.getInt("events", 100_000);
        String heap = args.get("export-heap", "512m");
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.startFresh()) {
            FootprintBenchmark.produceTimeline(broker, events);
            try (PackagedService timeline = PackagedService.start(root, "timeline", broker.bootstrapServers(),
                    Map.of("NEWSLINE_TOKENS", "watches-benchmark"), List.of("-Xmx" + heap))) {
                timeline.awaitReady(Duration.ofSeconds(180));
                HttpClient http = HttpClient.newHttpClient();
                Thread.sleep(2_000);
                double before = timeline.heapBytes();
                AtomicLong peak = new AtomicLong((long) before);
                ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
                sampler.scheduleAtFixedRate(() -> {
                    try {
                        peak.accumulateAndGet((long) timeline.heapBytes(), Math::max);
                    } catch (Exception ignored) {
                        // a sample missed
                    }
                }, 0, 100, TimeUnit.MILLISECONDS);
                long start = System.nanoTime();
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(timeline.url()
                        + "/api/timeline?format=geojson")).build(), HttpResponse.BodyHandlers.ofInputStream());
                long firstByte = System.nanoTime();
                long bytes = 0;
                long features = 0;
                byte[] buffer = new byte[64 * 1024];
                byte[] marker = "\"Feature\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                int matchedBytes = 0;
                try (InputStream in = r.body()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        bytes += n;
                        for (int i = 0; i < n; i++) {
                            matchedBytes = buffer[i] == marker[matchedBytes] ? matchedBytes + 1 : (buffer[i] == marker[0] ? 1 : 0);
                            if (matchedBytes == marker.length) {
                                features++;
                                matchedBytes = 0;
                            }
                        }
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                sampler.shutdownNow();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("scenario", "GeoJSON export of " + events + " events");
                row.put("status", r.statusCode());
                row.put("features", features);
                row.put("mb", Latency.round(bytes / 1e6));
                row.put("seconds", Latency.round(seconds));
                row.put("first_byte_ms", Latency.round((firstByte - start) / 1e6));
                row.put("xmx", heap);
                row.put("heap_before_mb", Latency.round(before / 1048576));
                row.put("heap_peak_mb", Latency.round(peak.get() / 1048576.0));
                row.put("load_average", loadAverage());
                report.row(row);
                report.verdict("the export of " + events + " events streams in bounded memory",
                        r.statusCode() == 200 && features == events,
                        features + " features, " + row.get("mb") + " MB in " + row.get("seconds") + " s, heap "
                                + row.get("heap_before_mb") + " -> peak " + row.get("heap_peak_mb") + " MB of " + heap);
            }
        }
    }

    /**
     * The running timeline-service's pid, for its CPU time: {@code --timeline-pid}, else the one {@code ./newsline up}
     * recorded ({@code $NEWSLINE_HOME/pids/timeline.pid}, by default {@code .newsline/}); 0 when unknown.
     */
    private static long timelinePid(Args args) throws java.io.IOException {
        if (args.get("timeline-pid", null) != null) {
            return Long.parseLong(args.get("timeline-pid", null));
        }
        String home = System.getenv().getOrDefault("NEWSLINE_HOME", args.get("root", ".") + "/.newsline");
        Path file = Path.of(home, "pids", "timeline.pid");
        return java.nio.file.Files.exists(file) ? Long.parseLong(java.nio.file.Files.readString(file).strip()) : 0;
    }

    /** The machine's 1-minute load average: it is shared, so figures are read with it. */
    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private WatchesBenchmark() {}
}
