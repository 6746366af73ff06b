package io.newsline.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import io.newsline.localkafka.KafkaBrokerProcess;
import io.newsline.localkafka.ReliabilityFigures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown as an operator sees it (issue #8): SIGTERM, as a process manager or Kubernetes sends,
 * stops each packaged service by itself, having finished what it had started and committed exactly that.
 * nlp-service stopped in the middle of a backlog leaves its consumer group at once with committed offsets
 * equal to the articles it published, and its successor enriches the rest with none twice;
 * timeline-service stopped while articles flow comes back with every article once on the timeline and a
 * subscriber resuming with {@code Last-Event-ID} misses nothing and gets nothing twice; ingest-service
 * stopped during a large batch still answers every item of it (all stored) and refuses new requests
 * instead of leaving them hanging. Figures go to target/reliability/graceful-shutdown.json.
 *
 * <p>The services run with the consumer default session timeout (45 s), unlike the crash tests: an empty
 * group within seconds of the exit then shows that the consumer left the group, not that the broker gave
 * up waiting for it.
 */
class GracefulShutdownIT {

    private static final String INGEST = "ingest-service";
    private static final String NLP = "nlp-service";
    private static final String TIMELINE = "timeline-service";
    private static final String NLP_GROUP = "nlp-service";
    private static final String MERGER_GROUP = "timeline-merger";
    private static final int BACKLOG = 200;
    private static final int BATCH = 500;
    /** SIGTERM nlp-service once it has enriched this many: well into the backlog, far from its end. */
    private static final int ENRICHED_BEFORE_SIGTERM = 20;
    /** Exit code of a JVM stopped by SIGTERM (128 + 15); 0 if the application exits by itself first. */
    private static final Set<Integer> CLEAN_EXIT = Set.of(0, 143);
    /** How long a stopping service may take before the test calls it hung; shutdown.timeout is 10 s. */
    private static final Duration EXIT_BOUND = Duration.ofSeconds(60);
    private static final Duration READY = Duration.ofMinutes(4);
    private static final Duration GENEROUS = Duration.ofMinutes(5);
    private static final List<String> CITIES = List.of(
            "Zaporizhzhia", "Mykolaiv", "Vinnytsia", "Kropyvnytskyi", "Chernivtsi", "Lutsk", "Cherkasy",
            "Khmelnytskyi", "Ivano-Frankivsk", "Kramatorsk", "Mariupol");

    private static KafkaBrokerProcess broker;
    private static Admin admin;
    private static Path logs;
    private static final String TOKEN = "graceful-" + Long.toHexString(System.nanoTime());
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    private static final Map<String, StoppableService> SERVICES = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = Long.toHexString(System.nanoTime());
    private final Map<String, Object> figures = new LinkedHashMap<>();

    @BeforeAll
    static void startSystem() {
        broker = KafkaBrokerProcess.startFresh();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        logs = ServiceProcess.repositoryRoot().resolve("e2e-tests/target/e2e-logs/graceful-shutdown");
        for (String module : List.of(INGEST, NLP, TIMELINE)) {
            PORTS.put(module, KafkaBrokerProcess.freePort());
            launch(module);
        }
        for (String module : List.of(INGEST, NLP, TIMELINE)) {
            SERVICES.get(module).awaitReady(READY);
        }
    }

    @AfterAll
    static void stopSystem() {
        SERVICES.values().forEach(StoppableService::terminate);
        for (StoppableService s : SERVICES.values()) {
            try {
                s.awaitExit(Duration.ofSeconds(30));
            } catch (AssertionError | RuntimeException e) {
                // keep stopping the others; the test itself judged the exits it cares about
            }
        }
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void sigtermFinishesInFlightWorkCommitsExactlyThatAndRefusesNewWork() throws Exception {
        long begin = System.nanoTime();
        DeliveryAudit audit = new DeliveryAudit("GracefulShutdownIT");
        try (ResumingSseClient stream = new ResumingSseClient(url(TIMELINE) + "/api/timeline/stream?since=0")) {
            List<SteadyLoad.Posted> all = new ArrayList<>(nlpStopsMidBacklog());
            all.addAll(timelineStopsWhileArticlesFlow(stream));

            // Then every article of both phases was enriched once and is on the timeline once, and the
            // subscriber, which resumed across the timeline's stop, got every change once
            Map<String, Integer> enriched = awaitEnriched(ids(all));
            long enrichedTwice = enriched.values().stream().filter(n -> n > 1).count();
            figures.put("enrichedTwiceOverall", enrichedTwice);
            long end = awaitSettled();
            await("the subscriber reached the end of the feed " + end).atMost(Duration.ofMinutes(1))
                    .until(() -> stream.lastEventId() != null && Long.parseLong(stream.lastEventId()) >= end);
            RunningSystem.Page page = timeline();
            audit.timeline(page, all, end);
            List<RunningSystem.TimelineRecord> records = timelineRecords(end);
            audit.stream(stream, records, freshReplay(page), page);
            // No article here merges with another, so a second record of an event means an article was
            // folded again (e.g. by the restarted merger) and subscribers were told of a change twice.
            Map<String, Integer> recordsPerEvent = new HashMap<>();
            records.forEach(r -> recordsPerEvent.merge(r.key(), 1, Integer::sum));
            figures.put("timelineEventsWithMoreThanOneRecord", recordsPerEvent.values().stream().filter(n -> n > 1).count());
            audit.write();
            assertEquals(0, enrichedTwice, "no article is enriched twice: " + enriched);
            assertEquals(List.of(), audit.problems());
            assertTrue(stream.resumes() >= 1, "the stream broke when timeline-service stopped and the subscriber resumed");

            ingestAnswersTheBatchInProgressAndRefusesNewRequests();
        } finally {
            figures.put("testSeconds", DeliveryAudit.seconds(System.nanoTime() - begin));
            ReliabilityFigures.write("graceful-shutdown", figures);
        }
    }

    /**
     * Phase 1: a backlog for nlp-service, SIGTERM once it is well into it. Returns the backlog's articles,
     * all enriched by the restarted service.
     */
    private List<SteadyLoad.Posted> nlpStopsMidBacklog() throws Exception {
        // Given a backlog of articles that nlp-service is working through
        Map<TopicPartition, Long> before = committed(NLP_GROUP, Topics.ARTICLES_RAW, true);
        List<SteadyLoad.Posted> backlog = new ArrayList<>();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < BACKLOG; i++) {
            SteadyLoad.Posted p = new SteadyLoad.Posted(100_000 + i, article("backlog", i, LocalDate.of(1981, 1, 1)));
            backlog.add(p);
            ndjson.append(p.json).append('\n');
        }
        JsonNode answer = postBatch(ndjson.toString());
        for (int i = 0; i < BACKLOG; i++) {
            JsonNode r = answer.path("results").path(i);
            assertEquals(202, r.path("status").asInt(), "backlog item " + i + ": " + r);
            SteadyLoad.Posted p = backlog.get(i);
            p.id = r.path("id").asText();
            p.acknowledgedOnFirstPost = true;
            p.attempts = 1;
        }
        AtomicLong enrichedSoFar = new AtomicLong();
        await("nlp-service enriched " + ENRICHED_BEFORE_SIGTERM + " articles").atMost(GENEROUS)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    enrichedSoFar.set(enrichCount());
                    return enrichedSoFar.get() > ENRICHED_BEFORE_SIGTERM;
                });

        // When it gets SIGTERM
        StoppableService nlp = SERVICES.get(NLP);
        long sigtermAt = nlp.terminate();

        // Then it exits by itself, leaves its group and committed exactly what it published
        int exit = nlp.awaitExit(EXIT_BOUND);
        double exitSeconds = DeliveryAudit.seconds(System.nanoTime() - sigtermAt);
        awaitNoMembers(NLP_GROUP);
        Map<TopicPartition, Long> after = committed(NLP_GROUP, Topics.ARTICLES_RAW, false);
        long committedRecords = 0;
        for (Map.Entry<TopicPartition, Long> e : before.entrySet()) {
            committedRecords += after.getOrDefault(e.getKey(), e.getValue()) - e.getValue();
        }
        Map<String, Integer> published = countByKey(Topics.ARTICLES_ENRICHED, ids(backlog));
        Map<String, Integer> deadLettered = countByKey(Topics.ARTICLES_DLQ, ids(backlog));
        long publishedTwice = published.values().stream().filter(n -> n > 1).count();
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("articlesPosted", BACKLOG);
        phase.put("enrichedAtSigterm", enrichedSoFar.get());
        phase.put("exitCode", exit);
        phase.put("secondsToExit", exitSeconds);
        phase.put("committedRecords", committedRecords);
        phase.put("publishedArticles", published.size());
        phase.put("deadLetteredArticles", deadLettered.size());
        phase.put("publishedTwice", publishedTwice);
        phase.put("publishedAfterLastMetricPoll", published.size() + deadLettered.size() - enrichedSoFar.get());
        phase.put("forcedByShutdownTimeout", nlp.forcedByShutdownTimeout());
        figures.put("nlp", phase);
        assertTrue(CLEAN_EXIT.contains(exit), "nlp-service exit code " + exit + ":\n" + nlp.logTail());
        assertTrue(committedRecords < BACKLOG,
                "nlp-service was stopped in the middle of the backlog (else this proves nothing): " + phase);
        assertEquals(published.size() + deadLettered.size(), committedRecords,
                "committed offsets = articles published (enriched or dead-lettered): " + phase);
        assertEquals(0, publishedTwice, "no article published twice: " + phase);

        // And when it is started again, it enriches the rest, none twice
        long restartedAt = System.nanoTime();
        launch(NLP);
        SERVICES.get(NLP).awaitReady(READY);
        Map<String, Integer> enriched = awaitEnriched(ids(backlog));
        phase.put("restartToBacklogEnrichedSeconds", DeliveryAudit.seconds(System.nanoTime() - restartedAt));
        phase.put("enrichedTwiceAfterRestart", enriched.values().stream().filter(n -> n > 1).count());
        assertEquals(0, enriched.values().stream().filter(n -> n > 1).count(), "none enriched twice: " + enriched);
        return backlog;
    }

    /** Phase 2: SIGTERM timeline-service while articles are posted and flow; start it again. */
    private Collection<SteadyLoad.Posted> timelineStopsWhileArticlesFlow(ResumingSseClient stream) throws Exception {
        try (SteadyLoad load = new SteadyLoad(url(INGEST), TOKEN, 4)) {
            // Given articles flowing end to end
            long startedAt = System.nanoTime();
            load.start();
            awaitFlowing(stream, load, startedAt);

            // When timeline-service gets SIGTERM, and is started again once it has exited
            StoppableService timeline = SERVICES.get(TIMELINE);
            long sigtermAt = timeline.terminate();
            int exit = timeline.awaitExit(EXIT_BOUND);
            double exitSeconds = DeliveryAudit.seconds(System.nanoTime() - sigtermAt);
            awaitNoMembers(MERGER_GROUP);
            launch(TIMELINE);
            SERVICES.get(TIMELINE).awaitReady(READY);
            long readyAt = System.nanoTime();
            awaitFlowing(stream, load, readyAt);
            load.stop();

            Map<String, Object> phase = new LinkedHashMap<>();
            phase.put("articlesPosted", load.posted().size());
            phase.put("exitCode", exit);
            phase.put("secondsToExit", exitSeconds);
            phase.put("forcedByShutdownTimeout", timeline.forcedByShutdownTimeout());
            phase.put("sigtermToFlowingAgainSeconds",
                    DeliveryAudit.secondsUntilFlowing(stream, load.posted(), readyAt, sigtermAt));
            figures.put("timeline", phase);
            assertTrue(CLEAN_EXIT.contains(exit), "timeline-service exit code " + exit + ":\n" + timeline.logTail());
            assertFalse(timeline.forcedByShutdownTimeout(),
                    "the open stream held the stop until the shutdown timeout:\n" + timeline.logTail());
            assertEquals(List.of(), load.unexpected());
            // ingest is not the service being stopped, but on a busy machine the broker can take longer
            // than ingest's ack timeout while timeline-service restarts; then ingest answers 503 with
            // Retry-After and the client re-posts, which the spec says is always safe. Nothing may go
            // unanswered, and every article must be accepted in the end.
            List<String> notAcknowledged = load.unacknowledged();
            phase.put("refusedWith503", load.posted().stream().filter(p -> p.refused).count());
            assertTrue(load.posted().stream().noneMatch(p -> p.unanswered),
                    "ingest answered every post while timeline-service restarted: " + notAcknowledged);
            phase.put("repostedAfter503", load.repostUnacknowledged(Duration.ofMinutes(1)));
            assertEquals(List.of(), load.unacknowledged(), "ingest accepted every article of the load");
            return load.posted();
        }
    }

    /** Phase 3: SIGTERM ingest-service while it is storing a large NDJSON batch. */
    private void ingestAnswersTheBatchInProgressAndRefusesNewRequests() throws Exception {
        // The other two are done with; stopping them leaves the cores to ingest.
        SERVICES.get(NLP).terminate();
        SERVICES.get(TIMELINE).terminate();

        // Given a batch whose first half ingest has received and is storing, the rest still to come
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            lines.add(article("batch", i, LocalDate.of(1961, 1, 1)));
        }
        byte[] head = (String.join("\n", lines.subList(0, BATCH / 2)) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = (String.join("\n", lines.subList(BATCH / 2, BATCH)) + "\n").getBytes(StandardCharsets.UTF_8);
        CountDownLatch sigtermSent = new CountDownLatch(1);
        long rawBefore = endOffsets(Topics.ARTICLES_RAW);
        HttpRequest batch = HttpRequest.newBuilder(URI.create(url(INGEST) + "/api/articles/batch"))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(head), new HeldBack(tail, sigtermSent))))
                .build();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(batch, HttpResponse.BodyHandlers.ofString());
        await("ingest stores the first items of the batch").atMost(GENEROUS).pollInterval(Duration.ofMillis(50))
                .until(() -> answer.isDone() || endOffsets(Topics.ARTICLES_RAW) > rawBefore);
        assertTrue(!answer.isDone(), "the batch was still in progress at SIGTERM: " + answer);

        // When ingest-service gets SIGTERM, the rest of the batch arriving after it
        StoppableService ingest = SERVICES.get(INGEST);
        long sigtermAt = ingest.terminate();
        long storedAtSigterm = endOffsets(Topics.ARTICLES_RAW) - rawBefore;
        sigtermSent.countDown();
        await("ingest-service begins its shutdown").atMost(GENEROUS).pollInterval(Duration.ofMillis(20))
                .until(ingest::shutdownBegun);
        String newRequest = newRequestAfterSigterm();

        // Then the batch is answered with every item accepted, all of them stored, and the new request refused
        HttpResponse<String> r = answer.get(90, TimeUnit.SECONDS);
        int exit = ingest.awaitExit(EXIT_BOUND);
        double exitSeconds = DeliveryAudit.seconds(System.nanoTime() - sigtermAt);
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("batchItems", BATCH);
        phase.put("storedAtSigterm", storedAtSigterm);
        phase.put("batchStatus", r.statusCode());
        phase.put("newRequestAfterSigterm", newRequest);
        phase.put("exitCode", exit);
        phase.put("secondsToExit", exitSeconds);
        phase.put("forcedByShutdownTimeout", ingest.forcedByShutdownTimeout());
        figures.put("ingest", phase);
        assertEquals(200, r.statusCode(), "the batch was answered: " + r.body());
        JsonNode body = Json.mapper().readTree(r.body());
        List<String> ids = new ArrayList<>();
        int accepted = 0;
        for (JsonNode item : body.path("results")) {
            if (item.path("status").asInt() == 202) {
                accepted++;
                ids.add(item.path("id").asText());
            }
        }
        Map<String, Integer> stored = countByKey(Topics.ARTICLES_RAW, ids);
        phase.put("batchAccepted", accepted);
        phase.put("batchStored", stored.size());
        assertEquals(BATCH, accepted, "every item of the batch answered 202: " + r.body());
        assertEquals(BATCH, stored.size(), "every accepted item is on " + Topics.ARTICLES_RAW);
        assertTrue(newRequest.equals("503") || newRequest.equals("refused"),
                "a request after SIGTERM is refused, not served nor left hanging: " + newRequest);
        assertTrue(CLEAN_EXIT.contains(exit), "ingest-service exit code " + exit + ":\n" + ingest.logTail());
    }

    /** What a request sent after SIGTERM got: its status, "refused" (no connection) or "hung". */
    private String newRequestAfterSigterm() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(INGEST) + "/api/articles"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(article("late", 0, LocalDate.of(1959, 1, 1))))
                .build();
        try {
            return Integer.toString(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return "hung";
        } catch (IOException e) {
            return "refused";
        }
    }

    /** Yields its bytes only once the latch is released: the part of a request body sent after an event. */
    private static final class HeldBack extends InputStream {
        private final InputStream bytes;
        private final CountDownLatch latch;

        HeldBack(byte[] bytes, CountDownLatch latch) {
            this.bytes = new ByteArrayInputStream(bytes);
            this.latch = latch;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                if (!latch.await(2, TimeUnit.MINUTES)) {
                    throw new IOException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return bytes.read(b, off, len);
        }
    }

    /** An article on its own day, two days from any other of its series, so that no two ever merge. */
    private String article(String series, int n, LocalDate firstDay) {
        String city = CITIES.get(n % CITIES.size());
        return Json.mapper().createObjectNode()
                .put("title", "Missile strike on " + city + " (shutdown test, " + series + " " + n + ")")
                .put("body", "A missile struck an apartment block in " + city + ", wounding " + (2 + n % 17)
                        + " residents, the city's mayor said. Rescue teams searched the rubble for hours.")
                .put("url", "https://shutdown.newsline.example/" + run + "/" + series + "/" + n)
                .put("source", "Newsline shutdown test")
                .put("publishedAt", firstDay.plusDays(2L * n).atTime(10, 0).toInstant(ZoneOffset.UTC).toString())
                .toString();
    }

    private JsonNode postBatch(String ndjson) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(INGEST) + "/api/articles/batch"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }

    /** {@code newsline_nlp_enrich_seconds_count} of the running nlp-service, over both outcomes. */
    private long enrichCount() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(url(NLP) + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("newsline_nlp_enrich_seconds_count")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    private static List<String> ids(Collection<SteadyLoad.Posted> posted) {
        return posted.stream().map(p -> p.id).toList();
    }

    /** Waits until each of these articles is on news.articles.enriched; returns how often each is there. */
    private Map<String, Integer> awaitEnriched(List<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        await("every article enriched").atMost(GENEROUS).pollInterval(Duration.ofSeconds(2)).until(() -> {
            counts.clear();
            counts.putAll(countByKey(Topics.ARTICLES_ENRICHED, ids));
            return counts.size() == ids.size();
        });
        return counts;
    }

    /** How many records of the topic (read to its current end) have each of these keys; absent = none. */
    private Map<String, Integer> countByKey(String topic, Collection<String> keys) throws Exception {
        Set<String> wanted = Set.copyOf(keys);
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, String> r : readToEnd(topic)) {
            if (wanted.contains(r.key())) {
                counts.merge(r.key(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private List<ConsumerRecord<String, String>> readToEnd(String topic) throws Exception {
        Map<TopicPartition, Long> ends = ends(topic);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // What readers see: the merger writes its dead letters in transactions.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.assign(ends.keySet());
            c.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }

    private Map<TopicPartition, Long> ends(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private long endOffsets(String topic) throws Exception {
        return ends(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The group's committed offset of each partition of the topic. Where it has none: the end offset when
     * {@code endIfNone} (a baseline: the group has read nothing of this test yet), else no entry.
     */
    private Map<TopicPartition, Long> committed(String group, String topic, boolean endIfNone) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> c = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> result = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> e : ends(topic).entrySet()) {
            OffsetAndMetadata o = c.get(e.getKey());
            if (o != null) {
                result.put(e.getKey(), o.offset());
            } else if (endIfNone) {
                result.put(e.getKey(), e.getValue());
            }
        }
        return result;
    }

    /** A few seconds, far below the 45 s session timeout: only a consumer that left the group is gone by then. */
    private void awaitNoMembers(String group) {
        await("consumer group " + group + " has no members").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().isEmpty());
    }

    /** Waits until an article first posted after this moment comes out of the stream. */
    private static void awaitFlowing(ResumingSseClient stream, SteadyLoad load, long postedAfterNanos) {
        await("an article posted now comes out of the stream").atMost(GENEROUS).pollInterval(Duration.ofSeconds(1))
                .until(() -> DeliveryAudit.secondsUntilFlowing(stream, load.posted(), postedAfterNanos, postedAfterNanos)
                        != null);
    }

    /** Waits until nlp-service and the merger committed everything and timeline-service serves news.timeline to its end. */
    private long awaitSettled() throws Exception {
        await("nlp-service and the merger committed every article").atMost(GENEROUS).pollInterval(Duration.ofSeconds(1))
                .until(() -> committedToEnd(NLP_GROUP, Topics.ARTICLES_RAW)
                        && committedToEnd(MERGER_GROUP, Topics.ARTICLES_ENRICHED));
        long end = TimelineTopic.lastSequence(broker.bootstrapServers());
        await("timeline-service serves news.timeline to " + end).atMost(Duration.ofMinutes(1))
                .until(() -> timeline().sequence() == end);
        return end;
    }

    private boolean committedToEnd(String group, String topic) throws Exception {
        Map<TopicPartition, Long> committed = committed(group, topic, false);
        return ends(topic).entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private RunningSystem.Page timeline() throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        long sequence = -1;
        String cursor = null;
        do {
            String uri = url(TIMELINE) + "/api/timeline?limit=1000"
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
        return new RunningSystem.Page(items, sequence);
    }

    private List<RunningSystem.TimelineRecord> timelineRecords(long end) throws Exception {
        return TimelineTopic.committed(broker.bootstrapServers()).stream().filter(r -> r.sequence() <= end).toList();
    }

    private List<SseClient.Message> freshReplay(RunningSystem.Page page) {
        long last = page.items().stream().mapToLong(i -> i.path("sequence").asLong()).max().orElse(0);
        try (SseClient fresh = new SseClient(url(TIMELINE) + "/api/timeline/stream?since=0")) {
            await("a fresh subscriber replays up to " + last).atMost(Duration.ofMinutes(1))
                    .until(() -> fresh.messages().stream().anyMatch(m -> Long.toString(last).equals(m.id())));
            return fresh.messages();
        }
    }

    private static String url(String module) {
        return "http://127.0.0.1:" + PORTS.get(module);
    }

    private static void launch(String module) {
        SERVICES.put(module, StoppableService.start(module, PORTS.get(module),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "NEWSLINE_TOKENS", TOKEN), logs));
    }

    /**
     * A packaged service as a child process that the test can stop with SIGTERM and whose exit code it
     * reads ({@link ServiceProcess} only kills or closes).
     */
    private static final class StoppableService {
        private final String name;
        private final Process process;
        private final Path log;
        private volatile long logSizeAtSigterm = -1;

        private StoppableService(String name, Process process, Path log) {
            this.name = name;
            this.process = process;
            this.log = log;
        }

        static StoppableService start(String module, int port, Map<String, String> env, Path logDir) {
            Path jar = ServiceProcess.servicesRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first (mvn verify does)");
            }
            try {
                Files.createDirectories(logDir);
                Path log = logDir.resolve(module + ".log");
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", jar.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                pb.environment().put("TIMELINE_INDEX_DIR", logDir.resolve(module + "-index").toAbsolutePath().toString());
                pb.environment().putAll(env);
                pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
                return new StoppableService(module, pb.start(), log);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + module, e);
            }
        }

        void awaitReady(Duration timeout) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI ready = URI.create(url(name) + "/q/health/ready");
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    fail(name + " exited with " + process.exitValue() + ":\n" + logTail());
                }
                try {
                    if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            fail(name + " was not ready within " + timeout + ":\n" + logTail());
        }

        /** SIGTERM (what {@link Process#destroy()} sends on Linux); returns when it was sent. */
        long terminate() {
            long at = System.nanoTime();
            try {
                logSizeAtSigterm = Files.size(log);
            } catch (IOException e) {
                logSizeAtSigterm = 0;
            }
            process.destroy();
            return at;
        }

        /**
         * Whether Quarkus gave up waiting for the graceful part after {@code quarkus.shutdown.timeout} and
         * stopped anyway. A figure, not asserted: the rest of the shutdown still runs after it (consumers
         * commit and leave), and what that must achieve is asserted by the test itself.
         */
        boolean forcedByShutdownTimeout() {
            return loggedSinceSigterm("Timed out waiting for graceful shutdown");
        }

        /**
         * Whether the service has begun its shutdown: Quarkus logs that it waits for the HTTP requests in
         * progress, and from then on refuses new ones. SIGTERM is only a signal; a request that reaches a
         * busy JVM before it handles the signal is served, rightly, so the test waits for this first.
         */
        boolean shutdownBegun() {
            return !process.isAlive() || loggedSinceSigterm("Waiting for HTTP requests to complete");
        }

        private boolean loggedSinceSigterm(String line) {
            try {
                byte[] all = Files.readAllBytes(log);
                int from = (int) Math.min(Math.max(logSizeAtSigterm, 0), all.length);
                return new String(all, from, all.length - from, StandardCharsets.UTF_8).contains(line);
            } catch (IOException e) {
                return false;
            }
        }

        /** Waits for the process to end by itself; a hung one is killed and the test fails. */
        int awaitExit(Duration bound) {
            try {
                if (process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                    return process.exitValue();
                }
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            throw new AssertionError(name + " did not exit within " + bound + " of SIGTERM:\n" + logTail());
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                return "(no log)";
            }
        }
    }
}
