package io.newsline.timeline.messaging;

import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsline.contracts.kafka.TimelineEventSerializer;
import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.timeline.domain.TimelineView;
import io.newsline.timeline.testing.Articles.Town;
import io.newsline.timeline.testing.Broker;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * An instance with {@code timeline.merger.enabled=false}: it serves the timeline it reads from {@code news.timeline}
 * and never merges, so an enriched article it is offered never reaches the topic through it.
 */
@QuarkusTest
@TestProfile(ReaderInstanceTest.Reader.class)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ReaderInstanceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    public static class Reader implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timeline.merger.enabled", "false");
        }
    }

    @Inject
    TimelineView view;

    private static void write(TimelineEvent record) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, TimelineEvent> producer = new KafkaProducer<>(p, new StringSerializer(),
                new TimelineEventSerializer())) {
            producer.send(new ProducerRecord<>(Topics.TIMELINE, record.id(), record)).get(30, TimeUnit.SECONDS);
        }
    }

    private static TimelineEvent eventAt(Town town, String id) {
        return TimelineEvent.of(id).withType(EventType.SHELLING).withDate("2025-04-02", null, DatePrecision.DAY)
                .withLocation(town.location()).withTitle("Shelling in " + town.name())
                .withSources(List.of(EventSource.of("reader-" + id, "alpha", null, "2025-04-02T08:00:00Z")))
                .withRevision(1).withSeen("2025-04-02T08:00:00Z", "2025-04-02T08:00:00Z");
    }

    private static List<String> idsAt(Town town) {
        return given().get("/api/timeline?place=" + URLEncoder.encode(town.name(), StandardCharsets.UTF_8))
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void aReaderServesTheTopicAndNeverWritesToIt() throws Exception {
        await().atMost(WAIT).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200).body("checks.data.role", hasItem("off"));
        long start = view.lastSequence();

        // Given a record a merger elsewhere wrote, it serves it
        Town served = Town.fresh();
        write(eventAt(served, "ev-reader-" + served.geonameId()));
        await().atMost(WAIT).until(() -> idsAt(served).size() == 1);

        // When an enriched article arrives, and after it another record from the merger elsewhere
        Town offered = Town.fresh();
        Broker.publish(article("bravo", "2025-04-03T08:00:00Z", List.of(offered.place()),
                event(EventType.SHELLING, "2025-04-03", offered.location(), 1, null, "One killed.")));
        Town later = Town.fresh();
        write(eventAt(later, "ev-reader-" + later.geonameId()));
        await().atMost(WAIT).until(() -> idsAt(later).size() == 1);
        // A merger folds an article within milliseconds; give a wrong one time to show itself.
        Thread.sleep(3_000);

        // Then news.timeline holds only the two records written elsewhere, and the article is on no timeline
        assertEquals(2, Broker.timelineSequences(start, Long.MAX_VALUE).size(), "records after " + start);
        assertEquals(List.of(), idsAt(offered));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newsline_timeline_merger_partitions 0.0"));
    }
}
