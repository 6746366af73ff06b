package io.newsline.bench;

import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.kafka.TimelineEventSerializer;
import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.contracts.model.TimelineStatus;
import io.newsline.localkafka.KafkaBrokerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Each service's footprint on a fresh broker: time from process start to ready, resident memory and
 * heap in use once ready; then the timeline's rebuild of 100,000 events within a 1 GB heap.
 */
public final class FootprintBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path root = Path.of(args.get("root", ".")).toAbsolutePath().normalize();
        int events = args.getInt("events", 100_000);
        Report report = new Report("footprint");
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.startFresh()) {
            Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
            for (String service : List.of("ingest", "nlp", "timeline")) {
                Map<String, Object> row = measure(root, service, "empty topics", broker, List.of());
                rows.put(service, row);
                report.row(row);
            }
            produceTimeline(broker, events);
            Map<String, Object> rebuild = measure(root, "timeline", events + " events", broker, List.of("-Xmx1g"));
            report.row(rebuild);

            Map<String, Object> nlp = rows.get("nlp");
            report.verdict("nlp heap <= 1.5 GB and ready <= 20 s",
                    (double) nlp.get("heap_mb") <= 1536 && (double) nlp.get("ready_s") <= 20,
                    nlp.get("heap_mb") + " MB heap, ready in " + nlp.get("ready_s") + " s");
            for (String s : List.of("ingest", "timeline")) {
                Map<String, Object> r = rows.get(s);
                report.verdict(s + " RSS <= 350 MB and ready <= 3 s",
                        (double) r.get("rss_mb") <= 350 && (double) r.get("ready_s") <= 3,
                        r.get("rss_mb") + " MB RSS, ready in " + r.get("ready_s") + " s");
            }
            report.verdict("timeline rebuilds " + events + " events in <= 30 s within a 1 GB heap",
                    (double) rebuild.get("ready_s") <= 30, "ready in " + rebuild.get("ready_s") + " s, heap "
                            + rebuild.get("heap_mb") + " MB");
        }
        report.finish(Path.of(args.get("out", "bench/results")));
        System.exit(0);
    }

    static Map<String, Object> measure(Path root, String service, String scenario, KafkaBrokerProcess broker,
            List<String> jvmOptions) throws Exception {
        Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn install -DskipTests)");
        }
        int port = KafkaBrokerProcess.freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Files.createTempFile("footprint-" + service, ".log").toFile()));
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        pb.environment().put("NEWSLINE_TOKENS", "footprint-benchmark");
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            double readySeconds = awaitReady(p, port);
            Thread.sleep(1000);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", service);
            row.put("scenario", scenario);
            row.put("ready_s", Latency.round(readySeconds));
            row.put("rss_mb", Latency.round(rssKb(p.pid()) / 1024.0));
            row.put("heap_mb", Latency.round(heapBytes(port) / (1024.0 * 1024)));
            System.out.println(row);
            return row;
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static double awaitReady(Process p, int port) throws Exception {
        long start = p.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the service exited with " + p.exitValue());
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.currentTimeMillis() - start) / 1000.0;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not ready within 120 s");
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Heap in use, summed over the heap pools Micrometer reports on /q/metrics. */
    private static double heapBytes(int port) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Writes this many distinct timeline events straight to news.timeline, as a long-running merger would have. */
    private static void produceTimeline(KafkaBrokerProcess broker, int events) throws Exception {
        Random random = new Random(7);
        String[] towns = {"Kharkiv", "Kupiansk", "Izium", "Sumy", "Kherson", "Dnipro", "Odesa", "Zaporizhzhia"};
        try (KafkaProducer<String, TimelineEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip"), new StringSerializer(), new TimelineEventSerializer())) {
            String now = Instant.now().toString();
            for (int i = 0; i < events; i++) {
                String town = towns[random.nextInt(towns.length)];
                String date = LocalDate.of(2022, 2, 24).plusDays(random.nextInt(1300)).toString();
                String id = "bench-" + i;
                EventSource source = new EventSource("bench-article-" + i, "Newsline load generator",
                        "https://bench.newsline.example/" + i, now, "Shelling hit " + town + ".", 0, 2, null,
                        new Attribution(null, false));
                TimelineEvent e = new TimelineEvent(id, EventType.SHELLING, "artillery", date, null, DatePrecision.DAY,
                        new EventLocation(town, 50 + random.nextDouble(), 36 + random.nextDouble(), "UA", null, "exact"),
                        "Shelling of " + town, 0, 2, null, List.of(), List.of(source), 1, TimelineStatus.SINGLE_SOURCE, 1,
                        now, now, null, null, null);
                producer.send(new ProducerRecord<>(Topics.TIMELINE, id, e));
            }
            producer.flush();
        }
        System.out.println("produced " + events + " timeline events");
    }

    private FootprintBenchmark() {}
}
