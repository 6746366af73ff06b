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
     * Writes this many distinct timeline events straight to news.timeline, as a long-running merger would have:
     * event {@code i} is drawn from its own seed, so the events are the same however many threads write them. The
     * producers' threads (one per core, at most 4) each write a share, compressed with zstd in batches of 1 MB:
     * a single producer with gzip wrote some 25,000 events/s, too slow for 10,000,000.
     */
    static List<MergerFold.Sample> produceTimeline(KafkaBrokerProcess broker, int events) throws Exception {
        produceTimeline(broker.bootstrapServers(), events);
        return samples(events);
    }

    /** About 500 of the events written, spread over the whole timeline, for late reports ({@link MergerFold}). */
    static List<MergerFold.Sample> samples(int events) {
        List<MergerFold.Sample> out = new java.util.ArrayList<>();
        int every = Math.max(1, events / 500);
        String now = Instant.now().toString();
        for (int i = 0; i < events; i += every) {
            TimelineEvent e = event(i, now);
            out.add(new MergerFold.Sample(e.location().name(), e.location().lat(), e.location().lon(), e.date(), e.type()));
        }
        return out;
    }

    /** The same to the broker at {@code bootstrap} (a running system's, for the end-to-end benchmark's preload). */
    static void produceTimeline(String bootstrap, int events) throws Exception {
        long started = System.nanoTime();
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        String now = Instant.now().toString();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> shares = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = t;
                shares.add(pool.submit(() -> {
                    produceShare(bootstrap, events, share, threads, now);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : shares) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("produced %d timeline events in %.1f s (%.0f/s, %d producers)%n", events, seconds,
                events / seconds, threads);
    }

    private static final String[] TOWNS = {"Kharkiv", "Kupiansk", "Izium", "Sumy", "Kherson", "Dnipro", "Odesa",
            "Zaporizhzhia"};
    private static final EventType[] TYPES = {EventType.SHELLING, EventType.SHELLING, EventType.DRONE_STRIKE,
            EventType.AIR_STRIKE, EventType.MISSILE_STRIKE, EventType.PROTEST, EventType.DISASTER, EventType.CRIME};
    private static final String[] TARGETS = {"a school", "a hospital", "the power plant", "a market",
            "a railway depot", "homes", "the grain elevator", "a bridge"};
    private static final String[] ACTORS = {"State Emergency Service", "Regional Military Administration",
            "National Police", "General Staff"};

    private static void produceShare(String bootstrap, int events, int share, int shares, String now) {
        try (KafkaProducer<String, TimelineEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 50,
                ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"), new StringSerializer(), new TimelineEventSerializer())) {
            for (int i = share; i < events; i += shares) {
                TimelineEvent e = event(i, now);
                producer.send(new ProducerRecord<>(Topics.TIMELINE, e.id(), e));
            }
            producer.flush();
        }
    }

    /** Synthetic event {@code i}: 8 towns, 7 types, 3 statuses, 8 targets, 4 actors, 1,300 days. */
    static TimelineEvent event(int i, String now) {
        Random random = new Random(7L * 1_000_003 + i);
        String town = TOWNS[random.nextInt(TOWNS.length)];
        String date = LocalDate.of(2022, 2, 24).plusDays(random.nextInt(1300)).toString();
        String id = "bench-" + i;
        EventType type = TYPES[random.nextInt(TYPES.length)];
        String target = TARGETS[random.nextInt(TARGETS.length)];
        EventSource source = EventSource.of("bench-article-" + i, "Newsline load generator",
                "https://bench.newsline.example/" + i, now)
                .withReport(date, "An attack hit " + target + " in " + town + ".", new Attribution(null, false))
                .withFigures(0, 2, null);
        return TimelineEvent.of(id).withType(type).withSubtype("artillery")
                .withDate(date, null, DatePrecision.DAY)
                .withLocation(new EventLocation(town, 50 + random.nextDouble(), 36 + random.nextDouble(), "UA",
                        null, "exact"))
                .withTitle(type.name().toLowerCase().replace('_', ' ') + " in " + town)
                .withEntities(List.of(ACTORS[random.nextInt(ACTORS.length)]))
                .withFigures(0, 2, null).withSources(List.of(source))
                .withStatus(TimelineStatus.values()[random.nextInt(TimelineStatus.values().length)])
                .withRevision(1).withSeen(now, now);
    }

    private FootprintBenchmark() {}
}
