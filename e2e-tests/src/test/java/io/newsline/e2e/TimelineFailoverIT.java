package io.newsline.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import io.newsline.localkafka.KafkaBrokerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scale-out and failover of timeline-service with real processes: two instances serve one timeline;
 * when the merging one is killed (SIGKILL, no goodbye to the consumer group) the other takes over the
 * merging, continues the sequence and folds each article once; the killed one, started again, rebuilds
 * the same timeline from {@code news.timeline} and leaves the merging to the survivor.
 */
class TimelineFailoverIT {

    private static final String TOKEN = "e2e-" + Long.toHexString(System.nanoTime());
    private static final String MERGER_GROUP = "timeline-merger";
    private static final String PARTITIONS_GAUGE = "newsline_timeline_merger_partitions";
    /**
     * The service's 10 s session timeout would make failover wait that long after the kill; 6 s is the
     * broker's smallest allowed.
     */
    private static final List<String> FAST_FAILOVER = java.util.stream.Stream.concat(
            RunningSystem.FAST_MERGER_FAILOVER.stream(),
            java.util.stream.Stream.of("-Dquarkus.log.category.\"io.newsline.timeline.messaging.ArticleFolder\".level=DEBUG"))
            .toList();

    private static KafkaBrokerProcess broker;
    private static Admin admin;
    private static Path logs;
    private static Map<String, String> env;
    private static ServiceProcess ingest;
    private static ServiceProcess nlp;
    private static final List<ServiceProcess> timelines = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSystem() {
        broker = KafkaBrokerProcess.startFresh();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        logs = ServiceProcess.repositoryRoot().resolve("e2e-tests/target/e2e-logs/failover");
        env = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "NEWSLINE_TOKENS", TOKEN);
        ingest = ServiceProcess.start("ingest-service", KafkaBrokerProcess.freePort(), env, logs);
        nlp = ServiceProcess.start("nlp-service", KafkaBrokerProcess.freePort(), env, logs);
        ServiceProcess first = startTimeline("timeline-a", KafkaBrokerProcess.freePort());
        for (ServiceProcess s : new ServiceProcess[] {ingest, nlp, first}) {
            s.awaitReady(Duration.ofSeconds(120));
        }
        // Started only once the first is up, so which one runs longer (and merges) is not a race.
        startTimeline("timeline-b", KafkaBrokerProcess.freePort()).awaitReady(Duration.ofSeconds(120));
    }

    private static ServiceProcess startTimeline(String name, int port) {
        ServiceProcess p = ServiceProcess.start(name, "timeline-service", port, env, FAST_FAILOVER, logs);
        timelines.add(p);
        return p;
    }

    @AfterAll
    static void stopSystem() {
        List<AutoCloseable> all = new ArrayList<>(timelines);
        all.add(nlp);
        all.add(ingest);
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

    @Test
    void theSurvivorTakesOverTheMergingAndTheRestartedInstanceRebuildsTheSameTimeline() throws Exception {
        ServiceProcess a = timelines.get(0);
        ServiceProcess b = timelines.get(1);

        // Given two instances in one merger group, exactly one of which owns the enriched partitions
        awaitStableGroupOf(2);
        ServiceProcess merger = await("one instance owns every enriched partition")
                .atMost(Duration.ofSeconds(60)).until(() -> soleMerger(a, b), m -> m != null);
        assertEquals(a, merger, "the assignor prefers the longest-running instance, and timeline-a started first");
        ServiceProcess survivor = merger == a ? b : a;

        // When an article is posted, both instances serve its event: same id, revision and sequence
        String first = post("""
                {"title": "Shelling damages school in Kharkiv",
                 "body": "Russian artillery shelled a school in Kharkiv on Monday morning, injuring two teachers, Mayor Ihor Terekhov said. Firefighters put out the blaze within an hour.",
                 "source": "Newsline failover test",
                 "publishedAt": "2025-04-15T10:00:00Z"}
                """);
        Map<String, String> firstOnSurvivor = awaitEventsOf(survivor, first);
        await("both instances serve the first article's events alike and the whole of news.timeline")
                .atMost(Duration.ofSeconds(30)).until(() -> {
                    long end = timelineEnd();
                    return timeline(merger).get("sequence").asLong() == end
                            && timeline(survivor).get("sequence").asLong() == end
                            && eventsOfAsMap(timeline(merger), first).equals(eventsOfAsMap(timeline(survivor), first));
                });
        firstOnSurvivor = eventsOfAsMap(timeline(survivor), first);
        long firstSequence = timeline(survivor).get("sequence").asLong();
        assertTrue(firstSequence >= 1, "the feed has a position after the first article");

        // And a subscriber follows the survivor from there
        String second;
        try (SseClient stream = new SseClient(survivor.baseUrl() + "/api/timeline/stream?since=" + firstSequence)) {
            // When the merger dies without leaving the group and another article is posted
            merger.kill();
            second = post("""
                    {"title": "River floods streets of Lviv after days of rain",
                     "body": "The Poltva river burst its banks in Lviv on Friday after three days of heavy rain, flooding dozens of streets, Mayor Andriy Sadovyi said. Rescuers evacuated 40 residents.",
                     "source": "Newsline failover test",
                     "publishedAt": "2025-06-20T08:00:00Z"}
                    """);

            // Then the survivor merges it: on its GET, with a sequence past the first article's
            Map<String, String> secondOnSurvivor = awaitEventsOf(survivor, second);
            assertEquals(survivor, await("the survivor owns every enriched partition").atMost(Duration.ofSeconds(30))
                    .until(() -> soleMerger(survivor), m -> m != null));
            for (JsonNode e : eventsOf(timeline(survivor), second)) {
                assertTrue(e.get("sequence").asLong() > firstSequence,
                        "the sequence continues past " + firstSequence + ": " + e);
            }

            // And once the merger group has folded everything, the stream carried each change exactly once
            long end = awaitMergerCaughtUp();
            await("the survivor applied news.timeline to its end " + end).atMost(Duration.ofSeconds(30))
                    .until(() -> timeline(survivor).get("sequence").asLong() == end);
            await("the stream delivered news.timeline to its end " + end).atMost(Duration.ofSeconds(30))
                    .until(() -> stream.messages().stream().anyMatch(m -> Long.toString(end).equals(m.id())));
            Map<String, List<SseClient.Message>> byEvent = new TreeMap<>();
            for (SseClient.Message m : stream.messages()) {
                JsonNode data = Json.mapper().readTree(m.data());
                assertEquals(m.id(), data.path("sequence").asText(), "the SSE id is the record's sequence: " + m);
                byEvent.computeIfAbsent(data.get("id").asText(), k -> new ArrayList<>()).add(m);
            }
            assertEquals(secondOnSurvivor.keySet(), byEvent.keySet(),
                    "after the first article's sequence the stream carries the second article's events only;"
                            + " a first-article event here means the new merger folded it again: " + byEvent);
            byEvent.forEach((id, messages) -> {
                assertEquals(1, messages.size(), "one message per event of the second article: " + messages);
                assertEquals("created", messages.get(0).event(), messages.get(0).toString());
            });
            assertEquals(firstOnSurvivor, eventsOfAsMap(timeline(survivor), first),
                    "the first article's events are untouched by the takeover");
        }

        // When the killed instance starts again
        ServiceProcess restarted = startTimeline("timeline-a-restarted", merger.port());
        restarted.awaitReady(Duration.ofSeconds(120));

        // Then it is ready with exactly the survivor's timeline, rebuilt from news.timeline
        JsonNode survivorView = timeline(survivor);
        JsonNode restartedView = timeline(restarted);
        assertEquals(survivorView.get("sequence").asLong(), restartedView.get("sequence").asLong(),
                "the restarted instance reached the survivor's feed position before it reported ready");
        assertEquals(summary(survivorView), summary(restartedView), "both serve the same items in the same order");
        assertFalse(eventsOf(restartedView, first).isEmpty(), "the restarted instance has the first article");
        assertFalse(eventsOf(restartedView, second).isEmpty(), "the restarted instance has the second article");

        // And the survivor keeps merging: an instance that joins does not take the work away
        awaitStableGroupOf(2);
        assertEquals(survivor, await("the survivor still owns every enriched partition")
                .atMost(Duration.ofSeconds(30)).until(() -> soleMerger(survivor, restarted), m -> m != null));
    }

    private String post(String article) throws Exception {
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(ingest.baseUrl() + "/api/articles"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(article)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, posted.statusCode(), posted.body());
        return Json.mapper().readTree(posted.body()).get("id").asText();
    }

    private JsonNode timeline(ServiceProcess instance) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create(instance.baseUrl() + "/api/timeline?limit=1000")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), instance.name() + ": " + r.body());
        return Json.mapper().readTree(r.body());
    }

    /** The instance's events reported by this article, as id → "r<revision>@<sequence>", once there are any. */
    private Map<String, String> awaitEventsOf(ServiceProcess instance, String articleId) {
        return await(instance.name() + " serves the events of article " + articleId).atMost(Duration.ofSeconds(90))
                .until(() -> eventsOfAsMap(timeline(instance), articleId), m -> !m.isEmpty());
    }

    private static Map<String, String> eventsOfAsMap(JsonNode page, String articleId) {
        return eventsOf(page, articleId).stream().collect(Collectors.toMap(
                e -> e.get("id").asText(), e -> "r" + e.get("revision").asInt() + "@" + e.get("sequence").asLong(),
                (x, y) -> {
                    throw new AssertionError("an event listed twice: " + x + ", " + y);
                }, TreeMap::new));
    }

    private static List<JsonNode> eventsOf(JsonNode page, String articleId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            for (JsonNode s : item.path("sources")) {
                if (articleId.equals(s.path("articleId").asText())) {
                    found.add(item);
                    break;
                }
            }
        }
        return found;
    }

    private static List<String> summary(JsonNode page) {
        List<String> lines = new ArrayList<>();
        page.get("items").forEach(e -> lines.add(e.get("id").asText() + " r" + e.get("revision").asInt() + "@"
                + e.get("sequence").asLong() + " " + e.path("sourceCount").asInt()));
        return lines;
    }

    /** The one instance among these whose merger owns partitions while all the others own none, else null. */
    private ServiceProcess soleMerger(ServiceProcess... instances) throws Exception {
        ServiceProcess owner = null;
        for (ServiceProcess p : instances) {
            if (mergerPartitions(p) > 0) {
                if (owner != null) {
                    return null;
                }
                owner = p;
            }
        }
        return owner;
    }

    private double mergerPartitions(ServiceProcess instance) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String line : r.body().split("\n")) {
            if (line.startsWith(PARTITIONS_GAUGE + " ") || line.startsWith(PARTITIONS_GAUGE + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(instance.name() + " has no " + PARTITIONS_GAUGE + " metric");
    }

    private static void awaitStableGroupOf(int members) {
        await("the merger group is stable with " + members + " members").atMost(Duration.ofSeconds(60)).until(() -> {
            ConsumerGroupDescription g = admin.describeConsumerGroups(Set.of(MERGER_GROUP))
                    .describedGroups().get(MERGER_GROUP).get();
            return g.groupState() == GroupState.STABLE && g.members().size() == members;
        });
    }

    /**
     * Waits until the merger group committed every enriched article (it commits only after the timeline
     * records of an article were acknowledged), then gives the end of news.timeline: the last sequence.
     */
    private static long awaitMergerCaughtUp() throws Exception {
        await("the merger group committed every enriched article").atMost(Duration.ofSeconds(60)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(MERGER_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(Set.of(Topics.ARTICLES_ENRICHED)).allTopicNames().get().get(Topics.ARTICLES_ENRICHED)
                    .partitions().forEach(p -> latest.put(new TopicPartition(Topics.ARTICLES_ENRICHED, p.partition()),
                            OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(e -> {
                OffsetAndMetadata c = committed.get(e.getKey());
                long done = c == null ? 0 : c.offset();
                return done >= e.getValue().offset();
            });
        });
        return timelineEnd();
    }

    /** The sequence of the last committed record of news.timeline (transaction markers take offsets too). */
    private static long timelineEnd() throws Exception {
        return TimelineTopic.lastSequence(broker.bootstrapServers());
    }
}
