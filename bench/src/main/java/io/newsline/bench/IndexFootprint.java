package io.newsline.bench;

import io.newsline.localkafka.KafkaBrokerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * timeline-service with many events on {@code news.timeline}: started on an empty index folder (it rebuilds the
 * index from the topic), stopped, and started again on the index it left (it reads on from the offset the index
 * remembers). Reports time to ready, heap in use at ready and after a full GC, the highest heap use seen while it
 * got ready, resident memory, and the index's size on disk. Merging is off unless {@code --merger on}; with it on and
 * {@code --fold N}, the restarted instance then folds N enriched articles, half of them late reports of old events
 * ({@link MergerFold}, at {@code --fold-rate} a second, 20 unless given).
 */
final class IndexFootprint {

    private final Path root;
    private final KafkaBrokerProcess broker;
    private final int events;
    private final Args args;
    private final Report report;
    private final List<String> jvmOptions;
    private final List<MergerFold.Sample> samples;

    IndexFootprint(Path root, KafkaBrokerProcess broker, int events, Args args, Report report, List<String> jvm,
            List<MergerFold.Sample> samples) {
        this.samples = samples;
        this.root = root;
        this.broker = broker;
        this.events = events;
        this.args = args;
        this.report = report;
        this.jvmOptions = jvm;
    }

    void run() throws Exception {
        String heap = args.get("heap", "512m");
        Path index = Files.createTempDirectory("footprint-timeline-index");
        List<String> jvm = new ArrayList<>(jvmOptions);
        jvm.add("-Xmx" + heap);
        Map<String, String> env = Map.of("NEWSLINE_TOKENS", "footprint-benchmark", "TIMELINE_INDEX_DIR",
                index.toString(), "TIMELINE_MERGER_ENABLED", Boolean.toString("on".equals(args.get("merger", "off"))));
        Map<String, Object> rebuild;
        Map<String, Object> restart;
        try {
            rebuild = start(env, jvm, events + " events, empty index" + (merging() ? ", merger on" : ""), index, false);
            restart = start(env, jvm, events + " events, index in place" + (merging() ? ", merger on" : ""), index,
                    args.getInt("queries", 0) > 0);
        } finally {
            delete(index);
        }
        // Within the heap: the service runs with -Xmx<heap>, so it got ready in it (or failed and threw above).
        report.verdict("timeline with " + events + " events: restart with the index in place ready <= 10 s within "
                + heap + " heap", (double) restart.get("ready_s") <= 10,
                "ready in " + restart.get("ready_s") + " s, peak heap " + restart.get("peak_heap_mb") + " MB");
        report.verdict("timeline with " + events + " events: rebuild from an empty index <= 120 s within " + heap
                + " heap", (double) rebuild.get("ready_s") <= 120,
                "ready in " + rebuild.get("ready_s") + " s, peak heap " + rebuild.get("peak_heap_mb") + " MB, index "
                        + rebuild.get("index_mb") + " MB on disk");
    }

    private Map<String, Object> start(Map<String, String> env, List<String> jvm, String scenario, Path index,
            boolean queries) throws Exception {
        try (PackagedService s = PackagedService.start(root, "timeline", broker.bootstrapServers(), env, jvm)) {
            HeapSampler peak = new HeapSampler(s);
            peak.start();
            double ready = s.awaitReady(Duration.ofSeconds(args.getInt("ready-timeout", 600)));
            peak.stopSampling();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", "timeline");
            row.put("scenario", scenario);
            row.put("ready_s", Latency.round(ready));
            row.put("cpu_to_ready_s", Latency.round(s.cpuSeconds()));
            row.put("rss_mb", Latency.round(s.rssKb() / 1024.0));
            row.put("heap_mb", Latency.round(s.heapBytes() / (1024.0 * 1024)));
            row.put("peak_heap_mb", Latency.round(Math.max(peak.maxBytes(), s.heapBytes()) / (1024.0 * 1024)));
            row.put("live_heap_mb", Latency.round(liveHeap(s) / (1024.0 * 1024)));
            row.put("index_mb", Latency.round(size(index) / (1024.0 * 1024)));
            System.out.println(row);
            report.row(row);
            if (queries) {
                new QueryBenchmark(s.url(), args.getInt("queries", 0), report).run();
            }
            if (merging() && args.getInt("fold", 0) > 0 && scenario.contains("index in place")) {
                Map<String, Object> fold = MergerFold.run(s, broker.bootstrapServers(), samples, args.getInt("fold", 0),
                        args.getInt("fold-rate", 20));
                fold.put("live_heap_mb", Latency.round(liveHeap(s) / (1024.0 * 1024)));
                report.row(fold);
                report.verdict("merger with " + events + " events folds late articles into their old events",
                        (double) fold.get("joined_old_events") >= (int) fold.get("late_articles"),
                        fold.get("joined_old_events") + " joined of " + fold.get("late_articles") + " late articles, fold p99 "
                                + fold.get("fold_p99_ms") + " ms, peak heap " + fold.get("peak_heap_mb") + " MB");
            }
            return row;
        }
    }

    private boolean merging() {
        return "on".equals(args.get("merger", "off"));
    }

    /** Heap in use after a full collection ({@code jcmd GC.run}): what the service keeps, not what it left lying. */
    private static double liveHeap(PackagedService s) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(s.pid()), "GC.run").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        return s.heapBytes();
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** The highest heap use /q/metrics shows, read every 200 ms while the service gets ready. */
    private static final class HeapSampler extends Thread {
        private final PackagedService service;
        private volatile boolean running = true;
        private volatile double max;

        HeapSampler(PackagedService service) {
            this.service = service;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    max = Math.max(max, service.heapBytes());
                } catch (Exception notYet) {
                    // not listening yet
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }

        double maxBytes() {
            return max;
        }
    }
}
