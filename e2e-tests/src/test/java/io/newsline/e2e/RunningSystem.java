package io.newsline.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import io.newsline.localkafka.KafkaBrokerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The broker and the three packaged services as separate processes on fixed ports for one test, so that
 * any of them can be killed and started again where clients expect it; plus what a test needs to know
 * when the pipeline has settled and what news.timeline holds.
 */
final class RunningSystem implements AutoCloseable {

    static final String INGEST = "ingest-service";
    static final String NLP = "nlp-service";
    static final String TIMELINE = "timeline-service";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    /** The merger group's session timeout for the tests: the broker's minimum, as for nlp. */
    static final List<String> FAST_MERGER_FAILOVER = List.of(
            "-Dtimeline.merger.session-timeout=PT6S",
            "-Dtimeline.merger.heartbeat-interval=PT1S");
    /**
     * A service killed with SIGKILL never leaves its consumer group; its partitions wait for its session
     * to time out. The consumer default is 45 s; 6 s (the broker's minimum) keeps the test short.
     * Passed as system properties because the channel names have dashes.
     */
    private static final Map<String, List<String>> JVM_OPTIONS = Map.of(
            INGEST, List.of(),
            NLP, List.of(
                    "-Dmp.messaging.incoming.articles-in.session.timeout.ms=6000",
                    "-Dmp.messaging.incoming.articles-in.heartbeat.interval.ms=1000"),
            TIMELINE, FAST_MERGER_FAILOVER);

    final String token = "e2e-" + Long.toHexString(System.nanoTime());
    final KafkaBrokerProcess broker;
    private final Path logs;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Admin admin;

    private RunningSystem(KafkaBrokerProcess broker, Path logs) {
        this.broker = broker;
        this.logs = logs;
    }

    /** Starts a fresh broker and the three services, each with its log under {@code target/e2e-logs/<logName>}. */
    static RunningSystem start(String logName) {
        RunningSystem s = new RunningSystem(KafkaBrokerProcess.startFresh(),
                ServiceProcess.repositoryRoot().resolve("e2e-tests/target/e2e-logs").resolve(logName));
        s.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.broker.bootstrapServers()));
        for (String module : List.of(INGEST, NLP, TIMELINE)) {
            s.ports.put(module, KafkaBrokerProcess.freePort());
            s.launch(module);
        }
        s.awaitReady(INGEST, NLP, TIMELINE);
        return s;
    }

    private void launch(String module) {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "NEWSLINE_TOKENS", token,
                // The tests' webhook receivers listen on this machine; retries come back within 5 s of a receiver.
                "NEWSLINE_OUTBOUND_REFUSE_PRIVATE_ADDRESSES", "false", "TIMELINE_WATCHES_MAX_RETRY", "PT5S");
        services.put(module, ServiceProcess.start(module, module, ports.get(module), env, JVM_OPTIONS.get(module), logs));
    }

    void awaitReady(String... modules) {
        for (String m : modules) {
            services.get(m).awaitReady(READY_TIMEOUT);
        }
    }

    /** SIGKILL: no goodbye to the consumer group, no flush, as in a crash. */
    void kill(String module) {
        services.get(module).kill();
    }

    /** Starts the module again on its port (its log continues); does not wait until it is ready. */
    void startAgain(String module) {
        launch(module);
    }

    int port(String module) {
        return ports.get(module);
    }

    long pid(String module) {
        return services.get(module).pid();
    }

    String url(String module) {
        return "http://127.0.0.1:" + ports.get(module);
    }

    /** Every item of {@code GET /api/timeline}, page by page, and the sequence the first page reflects. */
    Page timeline() throws IOException, InterruptedException {
        return timeline(http, url(TIMELINE));
    }

    /** {@link #timeline()} of the timeline instance at this base URL. */
    static Page timeline(HttpClient http, String baseUrl) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        long sequence = -1;
        String cursor = null;
        do {
            String uri = baseUrl + "/api/timeline?limit=1000"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("GET /api/timeline answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode page = Json.mapper().readTree(r.body());
            if (sequence < 0) {
                sequence = page.path("sequence").asLong();
            }
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null && !cursor.isEmpty());
        return new Page(items, sequence);
    }

    record Page(List<JsonNode> items, long sequence) {}

    /**
     * Waits until nothing is left to do: nlp-service committed every raw article and the timeline's merger
     * every enriched one (nlp commits only after its output was acknowledged, the merger in the transaction
     * that writes its output), and timeline-service serves news.timeline to its end. Returns that end: the
     * last sequence.
     */
    long awaitSettled(Duration timeout) throws Exception {
        await("nlp-service and the merger committed every article").atMost(timeout).pollInterval(Duration.ofSeconds(1))
                .until(() -> committedToEnd(admin, "nlp-service", Topics.ARTICLES_RAW)
                        && committedToEnd(admin, "timeline-merger", Topics.ARTICLES_ENRICHED));
        long end = lastSequence();
        await("timeline-service serves news.timeline to its end " + end).atMost(Duration.ofSeconds(60))
                .until(() -> timeline().sequence() == end);
        return end;
    }

    /** Whether the group has committed every partition of the topic to its end. */
    static boolean committedToEnd(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(e -> {
            OffsetAndMetadata c = committed.get(e.getKey());
            return (c == null ? 0 : c.offset()) >= e.getValue().offset();
        });
    }

    /** The sequence of the last committed record of news.timeline. */
    long lastSequence() throws IOException {
        return TimelineTopic.lastSequence(broker.bootstrapServers());
    }

    /** Waits until every one of these articles is a source of some event that GET /api/timeline serves. */
    void awaitOnTimeline(Collection<SteadyLoad.Posted> articles, Duration timeout) {
        await("every acknowledged article is on the timeline").atMost(timeout).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    Set<String> present = new HashSet<>();
                    timeline().items().forEach(i -> i.path("sources")
                            .forEach(s -> present.add(s.path("articleId").asText())));
                    return articles.stream().allMatch(p -> p.id != null && present.contains(p.id));
                });
    }

    /** What a new subscriber with {@code ?since=0} receives, up to the newest event of this page. */
    List<SseClient.Message> freshReplay(Page page) {
        return freshReplay(url(TIMELINE), page);
    }

    /** {@link #freshReplay(Page)} from the timeline instance at this base URL. */
    static List<SseClient.Message> freshReplay(String baseUrl, Page page) {
        long last = page.items().stream().mapToLong(i -> i.path("sequence").asLong()).max().orElse(0);
        try (SseClient fresh = new SseClient(baseUrl + "/api/timeline/stream?since=0")) {
            await("a fresh subscriber replays up to " + last).atMost(Duration.ofMinutes(1))
                    .until(() -> fresh.messages().stream().anyMatch(m -> Long.toString(last).equals(m.id())));
            return fresh.messages();
        }
    }

    /** One record of news.timeline: its sequence (offset + 1), key and value. */
    record TimelineRecord(long sequence, String key, JsonNode value) {}

    /** How many records of the topic (all partitions, committed, to their current end) carry each key. */
    Map<String, Integer> recordsPerKey(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Object> p = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.assign(ends.keySet());
            c.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("could not read " + topic + " to its end within 60 s");
                }
                c.poll(Duration.ofMillis(500)).forEach(r -> counts.merge(r.key(), 1, Integer::sum));
            }
        }
        return counts;
    }

    /** Every committed record of news.timeline up to sequence {@code end}. */
    List<TimelineRecord> timelineRecords(long end) throws IOException {
        return TimelineTopic.committed(broker.bootstrapServers()).stream().filter(r -> r.sequence() <= end).toList();
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>();
        List<ServiceProcess> running = new ArrayList<>(services.values());
        java.util.Collections.reverse(running);
        all.addAll(running);
        all.add(admin);
        all.add(broker);
        for (AutoCloseable c : all) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep stopping the others
            }
        }
    }
}
