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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Each service's footprint on a fresh broker: time from process start to ready, resident memory and
 * heap in use once ready, on the first start of a build (which records the class-data-sharing archive)
 * and on later starts (which use it); then the timeline's rebuild of 100,000 events within a 1 GB heap.
 */
public final class FootprintBenchmark {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path root = Path.of(args.get("root", ".")).toAbsolutePath().normalize();
        int events = args.getInt("events", 100_000);
        Report report = new Report("footprint");
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.startFresh()) {
            Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
            Path archives = Files.createTempDirectory("footprint-cds");
            for (String service : List.of("ingest", "nlp", "timeline")) {
                // ./newsline up's first start of a build records the classes the service loads (a class-data-
                // sharing archive, written as it stops); every later start maps them instead of loading them.
                String archive = archives.resolve(service + ".jsa").toString();
                report.row(measure(root, service, "first start", broker,
                        List.of("-XX:ArchiveClassesAtExit=" + archive)));
                Map<String, Object> row = measure(root, service, "later starts", broker,
                        List.of("-XX:SharedArchiveFile=" + archive));
                rows.put(service, row);
                report.row(row);
            }
            produceTimeline(broker, events);
            Map<String, Object> rebuild = measure(root, "timeline", events + " events", broker,
                    List.of("-Xmx1g", "-XX:SharedArchiveFile=" + archives.resolve("timeline.jsa")));
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
        try (PackagedService s = PackagedService.start(root, service, broker.bootstrapServers(),
                Map.of("NEWSLINE_TOKENS", "footprint-benchmark"), jvmOptions)) {
            double readySeconds = s.awaitReady(Duration.ofSeconds(120));
            double cpuSeconds = s.cpuSeconds();
            Thread.sleep(1000);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", service);
            row.put("scenario", scenario);
            row.put("ready_s", Latency.round(readySeconds));
            row.put("cpu_to_ready_s", Latency.round(cpuSeconds));
            row.put("rss_mb", Latency.round(s.rssKb() / 1024.0));
            row.put("heap_mb", Latency.round(s.heapBytes() / (1024.0 * 1024)));
            System.out.println(row);
            return row;
        }
    }

    /** Writes this many distinct timeline events straight to news.timeline, as a long-running merger would have. */
    static void produceTimeline(KafkaBrokerProcess broker, int events) throws Exception {
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
                EventSource source = EventSource.of("bench-article-" + i, "Newsline load generator",
                        "https://bench.newsline.example/" + i, now)
                        .withReport(date, "Shelling hit " + town + ".", new Attribution(null, false))
                        .withFigures(0, 2, null);
                TimelineEvent e = TimelineEvent.of(id).withType(EventType.SHELLING).withSubtype("artillery")
                        .withDate(date, null, DatePrecision.DAY)
                        .withLocation(new EventLocation(town, 50 + random.nextDouble(), 36 + random.nextDouble(), "UA",
                                null, "exact"))
                        .withTitle("Shelling of " + town).withFigures(0, 2, null).withSources(List.of(source))
                        .withStatus(TimelineStatus.SINGLE_SOURCE).withRevision(1).withSeen(now, now);
                producer.send(new ProducerRecord<>(Topics.TIMELINE, id, e));
            }
            producer.flush();
        }
        System.out.println("produced " + events + " timeline events");
    }

    private FootprintBenchmark() {}
}
