package io.newsline.timeline.messaging;

import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.EventType;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.timeline.domain.TimelineView;
import io.newsline.timeline.testing.Articles.Town;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Records on news.articles.enriched the merger cannot read go to the dead-letter topic; the merger goes on. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class UnreadableArticlesTest {

    @Inject
    TimelineView view;

    @Test
    void unreadableRecordsAreDeadLetteredWithTheirReasonAndTheArticleBehindThemIsFolded() throws Exception {
        String run = UUID.randomUUID().toString();
        String notJson = "not-json-" + run;
        String notUtf8 = "not-utf8-" + run;
        String noId = "no-id-" + run;
        byte[] notJsonValue = "{\"id\": oops".getBytes(StandardCharsets.UTF_8);
        // Well-formed JSON whose title holds a byte sequence that is not UTF-8 (0xC3 then '(').
        byte[] notUtf8Value = ("{\"id\":\"" + notUtf8 + "\",\"title\":\"Caf\u00c3(\"}").getBytes(StandardCharsets.ISO_8859_1);
        byte[] noIdValue = "{\"title\":\"an article without its id\"}".getBytes(StandardCharsets.UTF_8);
        Town town = Town.fresh();
        EnrichedArticle good = article("wire", "2025-04-02T08:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, "2025-04-02", town.location(), 1, null, "One killed."));

        // Given three unreadable records and a good article behind them, all on partition 2
        RawTopics.send(Topics.ARTICLES_ENRICHED, 2, notJson, notJsonValue);
        RawTopics.send(Topics.ARTICLES_ENRICHED, 2, notUtf8, notUtf8Value);
        RawTopics.send(Topics.ARTICLES_ENRICHED, 2, noId, noIdValue);
        RawTopics.send(Topics.ARTICLES_ENRICHED, 2, good.id(), Json.mapper().writeValueAsBytes(good));

        // Then the good article is on the timeline
        await().atMost(Duration.ofSeconds(60)).until(() -> view.events().stream()
                .anyMatch(e -> town.name().equals(e.location().name())));
        // And each unreadable record is on news.articles.dlq, bytes as received, saying why and where from
        assertDeadLetter(notJson, notJsonValue, "not EnrichedArticle JSON");
        assertDeadLetter(notUtf8, notUtf8Value, "UTF-8");
        assertDeadLetter(noId, noIdValue, "id is required");
        assertTrue(RawTopics.value(RawTopics.metrics("newsline_timeline_articles_dead_lettered_total").get(0)) >= 3);
    }

    private static void assertDeadLetter(String key, byte[] value, String reasonPart) {
        List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> RawTopics.withKey(Topics.ARTICLES_DLQ, key), l -> !l.isEmpty());
        assertEquals(1, dead.size(), key + " dead-lettered once");
        assertArrayEquals(value, dead.get(0).value(), "the dead letter keeps the bytes as received");
        String reason = RawTopics.header(dead.get(0), "dead-letter-reason");
        assertTrue(reason != null && reason.contains(reasonPart), key + ": " + reason);
        // Where ./newsline dlq redrive sends it back to once fixed
        assertEquals(Topics.ARTICLES_ENRICHED, RawTopics.header(dead.get(0), "dead-letter-topic"));
        assertEquals("2", RawTopics.header(dead.get(0), "dead-letter-partition"));
    }
}
