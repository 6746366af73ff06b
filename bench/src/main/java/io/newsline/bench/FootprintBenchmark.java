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
 * and on later starts (which use it); then the timeline with {@code --events} events (100,000 unless given) on
 * {@code news.timeline}: its rebuild from an empty index and its restart with the index in place, within
 * {@code --heap} (512m unless given), and the index's size on disk ({@link IndexFootprint}); with
 * {@code --queries N}, N filtered pages of each kind against the restarted instance ({@link QueryBenchmark}).
 * {@code --timeline-only} skips the empty-topic starts of the three services.
 */
public final class FootprintBenchmark {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path root = Path.of(args.get("root", ".")).toAbsolutePath().normalize();
        int events = args.getInt("events", 100_000);
        boolean timelineOnly = Boolean.parseBoolean(args.get("timeline-only", "false"));
        Report report = new Report("footprint");
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.startFresh()) {
            Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
            Path archives = Files.createTempDirectory("footprint-cds");
            for (String service : timelineOnly ? List.of("timeline") : List.of("ingest", "nlp", "timeline")) {
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
            List<MergerFold.Sample> samples = produceTimeline(broker, events);
            new IndexFootprint(root, broker, events, args, report,
                    List.of("-XX:SharedArchiveFile=" + archives.resolve("timeline.jsa")), samples).run();

            Map<String, Object> nlp = rows.get("nlp");
            if (nlp != null) {
                report.verdict("nlp heap <= 1.5 GB and ready <= 20 s",
                        (double) nlp.get("heap_mb") <= 1536 && (double) nlp.get("ready_s") <= 20,
                        nlp.get("heap_mb") + " MB heap, ready in " + nlp.get("ready_s") + " s");
            }
            for (String s : timelineOnly ? List.of("timeline") : List.of("ingest", "timeline")) {
                Map<String, Object> r = rows.get(s);
                report.verdict(s + " RSS <= 350 MB and ready <= 3 s",
                        (double) r.get("rss_mb") <= 350 && (double) r.get("ready_s") <= 3,
                        r.get("rss_mb") + " MB RSS, ready in " + r.get("ready_s") + " s");
            }
        }
        report.finish(Path.of(args.get("out", "bench/results")));
        System.exit(0);
    }

    static Map<String, Object> measure(Path root, String service, String scenario, KafkaBrokerProcess broker,
            List<String> jvmOptions) throws Exception {
        try (PackagedService s = PackagedService.start(root, service, broker.bootstrapServers(),
                Map.of("NEWSLINE_TOKENS", "footprint-benchmark", "TIMELINE_INDEX_DIR",
                        Files.createTempDirectory("footprint-index").toString()), jvmOptions)) {
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

    /**
     * Writes this many distinct timeline events straight to news.timeline, as a long-running merger would have;
     * answers about 500 of them, spread over the whole timeline, for late reports ({@link MergerFold}).
     */
    static List<MergerFold.Sample> produceTimeline(KafkaBrokerProcess broker, int events) throws Exception {
        List<MergerFold.Sample> samples = new java.util.ArrayList<>();
        int every = Math.max(1, events / 500);
        Random random = new Random(7);
        String[] towns = {"Kharkiv", "Kupiansk", "Izium", "Sumy", "Kherson", "Dnipro", "Odesa", "Zaporizhzhia"};
        EventType[] types = {EventType.SHELLING, EventType.SHELLING, EventType.DRONE_STRIKE, EventType.AIR_STRIKE,
                EventType.MISSILE_STRIKE, EventType.PROTEST, EventType.DISASTER, EventType.CRIME};
        String[] targets = {"a school", "a hospital", "the power plant", "a market", "a railway depot", "homes",
                "the grain elevator", "a bridge"};
        String[] actors = {"State Emergency Service", "Regional Military Administration", "National Police",
                "General Staff"};
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
                EventType type = types[random.nextInt(types.length)];
                String target = targets[random.nextInt(targets.length)];
                EventSource source = EventSource.of("bench-article-" + i, "Newsline load generator",
                        "https://bench.newsline.example/" + i, now)
                        .withReport(date, "An attack hit " + target + " in " + town + ".", new Attribution(null, false))
                        .withFigures(0, 2, null);
                EventLocation where = new EventLocation(town, 50 + random.nextDouble(), 36 + random.nextDouble(), "UA",
                        null, "exact");
                if (i % every == 0) {
                    samples.add(new MergerFold.Sample(town, where.lat(), where.lon(), date, type));
                }
                TimelineEvent e = TimelineEvent.of(id).withType(type).withSubtype("artillery")
                        .withDate(date, null, DatePrecision.DAY)
                        .withLocation(where)
                        .withTitle(type.name().toLowerCase().replace('_', ' ') + " in " + town)
                        .withEntities(List.of(actors[random.nextInt(actors.length)]))
                        .withFigures(0, 2, null).withSources(List.of(source))
                        .withStatus(TimelineStatus.values()[random.nextInt(TimelineStatus.values().length)])
                        .withRevision(1).withSeen(now, now);
                producer.send(new ProducerRecord<>(Topics.TIMELINE, id, e));
            }
            producer.flush();
        }
        System.out.println("produced " + events + " timeline events");
        return samples;
    }

    private FootprintBenchmark() {}
}
