package io.newsline.bench;

import io.newsline.localkafka.KafkaBrokerProcess;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
 * of every delivery (from ingest's 202 to each subscriber's copy of the event). With {@code --start} it
 * runs its own fresh broker and the three packaged services on free ports, so it needs nothing else
 * running and can record the timeline with JFR ({@code --jfr FILE}).
 */
public final class SseFanoutBenchmark {

    private static final String TOKEN = "sse-fanout-benchmark";

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        if (Boolean.parseBoolean(args.get("start", "false"))) {
            try (LocalSystem system = LocalSystem.start(Path.of(args.get("root", ".")).toAbsolutePath().normalize(),
                    args.get("jfr", null))) {
                run(args, system.ingestUrl(), system.timelineUrl(), TOKEN, system.timelinePid());
            }
        } else {
            run(args, args.get("ingest", "http://localhost:8081"), args.get("timeline", "http://localhost:8083"),
                    Ingest.token(args), -1);
        }
        System.exit(0);
    }

    private static void run(Args args, String ingestUrl, String timelineUrl, String token, long timelinePid) throws Exception {
        int subscribers = args.getInt("subscribers", 1000);
        double rate = args.getDouble("rate", 5);
        int seconds = args.getInt("seconds", 30);
        // HTTP/1.1 as a browser's EventSource on http:// uses: one connection per subscriber. The JDK client's
        // default would upgrade to HTTP/2 and multiplex the streams over a few connections, which no browser does.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Ingest ingest = new Ingest(http, ingestUrl, token);
        SyntheticNews news = new SyntheticNews(subscribers);
        warmUp(ingest, news, http, timelineUrl, args.getInt("warm-up", 20));

        // article id -> subscriber index -> when that subscriber first saw the article's event
        Map<String, Map<Integer, Long>> arrivals = new ConcurrentHashMap<>();
        long since = Ingest.timelineSequence(http, timelineUrl, null);
        // Every subscriber reads the same unfiltered feed, so the article ids of a message are parsed once per id.
        Map<String, StreamWatcher.Parsed> articlesById = new ConcurrentHashMap<>();
        // From the merger's fold of a record to each subscriber's copy: the stream's own share of the latency.
        Latency sinceFold = new Latency();
        List<StreamWatcher> watchers = new ArrayList<>();
        long openStart = System.nanoTime();
        for (int i = 0; i < subscribers; i++) {
            int subscriber = i;
            watchers.add(StreamWatcher.open(http, timelineUrl + "/api/timeline/stream?since=" + since, null,
                    (id, at) -> arrivals.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).putIfAbsent(subscriber, at),
                    articlesById, sinceFold));
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

        long clientCpuStart = ownCpuNanos();
        long serverCpuStart = cpuNanos(timelinePid);
        Map<String, Long> acked = new ConcurrentHashMap<>();
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
        double clientCpu = (ownCpuNanos() - clientCpuStart) / 1e9;
        double serverCpu = timelinePid > 0 ? (cpuNanos(timelinePid) - serverCpuStart) / 1e9 : Double.NaN;
        Latency latency = new Latency();
        // The pipeline's share (202 to the first subscriber's copy) and the fan-out's (first to last copy).
        Latency firstCopy = new Latency();
        Latency spread = new Latency();
        long delivered = 0;
        for (Map.Entry<String, Long> a : acked.entrySet()) {
            Map<Integer, Long> firstCopies = arrivals.getOrDefault(a.getKey(), Map.of());
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (long at : firstCopies.values()) {
                latency.recordNanos(at - a.getValue());
                delivered++;
                first = Math.min(first, at);
                last = Math.max(last, at);
            }
            if (!firstCopies.isEmpty()) {
                firstCopy.recordNanos(first - a.getValue());
                spread.recordNanos(last - first);
            }
        }
        long messages = 0;
        long dataChars = 0;
        for (StreamWatcher w : watchers) {
            messages += w.dataLines();
            dataChars += w.dataChars();
        }
        watchers.forEach(StreamWatcher::close);

        Report report = new Report("sse-fanout");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("subscribers", subscribers);
        row.put("connected", connected);
        row.put("articles", acked.size());
        row.put("deliveries_expected", expected);
        row.put("deliveries", delivered);
        row.put("messages", messages);
        row.put("avg_message_kb", messages == 0 ? 0 : Latency.round(dataChars / 1024.0 / messages));
        row.putAll(latency.summary());
        row.put("first_copy_p99_ms", Latency.round(firstCopy.percentileMs(99)));
        row.put("fold_to_copy_p50_ms", Latency.round(sinceFold.percentileMs(50)));
        row.put("fold_to_copy_p99_ms", Latency.round(sinceFold.percentileMs(99)));
        row.put("spread_p50_ms", Latency.round(spread.percentileMs(50)));
        row.put("spread_p99_ms", Latency.round(spread.percentileMs(99)));
        // CPU seconds, unlike latency, hardly change with what else the shared machine runs.
        row.put("client_cpu_s", Latency.round(clientCpu));
        row.put("timeline_cpu_s", Double.isNaN(serverCpu) ? "-" : Latency.round(serverCpu));
        report.row(row);
        report.verdict("1000 subscribers, delivery p99 <= 1 s", connected >= 1000 && delivered == expected
                && latency.percentileMs(99) <= 1000, "p99 " + Latency.round(latency.percentileMs(99)) + " ms, "
                + delivered + "/" + expected + " deliveries");
        report.finish(Path.of(args.get("out", "bench/results")));
    }

    /** Posts a few articles and waits until the timeline moved, so JIT and first connections are not timed. */
    private static void warmUp(Ingest ingest, SyntheticNews news, HttpClient http, String timelineUrl, int articles)
            throws Exception {
        long before = Ingest.timelineSequence(http, timelineUrl, null);
        for (int i = 0; i < articles; i++) {
            ingest.post(news.article(-1 - i)).get(30, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (articles > 0 && Ingest.timelineSequence(http, timelineUrl, null) < before + articles
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static long deliveries(Map<String, Map<Integer, Long>> arrivals, Map<String, Long> acked) {
        long n = 0;
        for (String id : acked.keySet()) {
            n += arrivals.getOrDefault(id, Map.of()).size();
        }
        return n;
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A process's user + system CPU time from /proc (clock ticks of 10 ms), or 0 when unknown. */
    static long cpuNanos(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }

    /** A fresh broker and the three packaged services (from {@code root}) on free ports. */
    private record LocalSystem(KafkaBrokerProcess broker, List<Process> services, int ingestPort, int timelinePort,
            long timelinePid) implements AutoCloseable {

        static LocalSystem start(Path root, String jfr) throws Exception {
            KafkaBrokerProcess broker = KafkaBrokerProcess.startFresh();
            List<Process> started = new ArrayList<>();
            try {
                int ingest = KafkaBrokerProcess.freePort();
                int nlp = KafkaBrokerProcess.freePort();
                int timeline = KafkaBrokerProcess.freePort();
                started.add(launch(root, "ingest", ingest, broker, List.of()));
                started.add(launch(root, "nlp", nlp, broker, List.of()));
                List<String> timelineOptions = jfr == null ? List.of()
                        : List.of("-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath() + ",settings=profile");
                Process t = launch(root, "timeline", timeline, broker, timelineOptions);
                started.add(t);
                awaitReady(started.get(0), ingest);
                awaitReady(started.get(1), nlp);
                awaitReady(t, timeline);
                System.out.printf("started broker %s, ingest :%d, nlp :%d, timeline :%d (pid %d)%n",
                        broker.bootstrapServers(), ingest, nlp, timeline, t.pid());
                return new LocalSystem(broker, started, ingest, timeline, t.pid());
            } catch (Exception e) {
                started.forEach(Process::destroy);
                broker.close();
                throw e;
            }
        }

        String ingestUrl() {
            return "http://127.0.0.1:" + ingestPort;
        }

        String timelineUrl() {
            return "http://127.0.0.1:" + timelinePort;
        }

        private static Process launch(Path root, String service, int port, KafkaBrokerProcess broker,
                List<String> jvmOptions) throws IOException {
            Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (mvn install -DskipTests)");
            }
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-jar", jar.toString()));
            Path log = Files.createTempFile("sse-fanout-" + service, ".log");
            System.out.println(service + " log: " + log);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            pb.environment().put("NEWSLINE_TOKENS", TOKEN);
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            return pb.start();
        }

        private static void awaitReady(Process p, int port) throws Exception {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a service exited with " + p.exitValue());
                }
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("not ready within 120 s on port " + port);
        }

        @Override
        public void close() throws InterruptedException {
            for (Process p : services) {
                p.destroy();
            }
            for (Process p : services) {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            broker.close();
        }
    }

    private SseFanoutBenchmark() {}
}
