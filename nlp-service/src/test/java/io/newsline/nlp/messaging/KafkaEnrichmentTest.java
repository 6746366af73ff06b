package io.newsline.nlp.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.EntityType;
import io.newsline.localkafka.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** nlp-service on the real local broker: raw articles in, enriched articles and dead letters out. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class KafkaEnrichmentTest {

    private static String article(String id, String title, String body) throws Exception {
        return Json.mapper().writeValueAsString(java.util.Map.of(
                "id", id, "title", title, "body", body, "source", "Test Wire",
                "publishedAt", "2025-05-10T08:00:00Z", "language", "en"));
    }

    @Test
    void anArticleOnTheRawTopicComesOutEnrichedUnderItsId() throws Exception {
        String id = "kafka-" + UUID.randomUUID();

        TestTopics.send(Topics.ARTICLES_RAW, id, article(id, "Drone strike on Odesa port",
                "Russian drones hit the port of Odesa overnight, regional governor Oleh Kiper said on Saturday."));

        EnrichedArticle enriched = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> first(id), e -> e != null);
        assertEquals(id, enriched.id());
        assertTrue(enriched.entities().stream().anyMatch(e -> e.type() == EntityType.PERSON && e.text().equals("Oleh Kiper")),
                enriched.entities().toString());
        assertTrue(enriched.locations().stream().anyMatch(p -> p.name().contains("Odesa") && p.lat() != null),
                enriched.locations().toString());
        assertEquals("en", enriched.nlp().language());
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithItsReasonAndTheNextRecordIsStillEnriched() throws Exception {
        String poison = "poison-" + UUID.randomUUID();
        String next = "after-" + UUID.randomUUID();
        byte[] garbage = {'{', 'n', 'o', 't', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'j', 's', 'o', 'n'};

        // Same key partition is not guaranteed for two keys, so the check is that the stream goes on at all.
        TestTopics.send(Topics.ARTICLES_RAW, poison, garbage);
        TestTopics.send(Topics.ARTICLES_RAW, next, article(next, "Floods in Bavaria",
                "Heavy rain flooded streets in Munich on Friday, the city council said."));

        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestTopics.withKey(Topics.ARTICLES_DLQ, poison), l -> !l.isEmpty()).get(0);
        assertArrayEquals(garbage, dead.value(), "the dead letter keeps the bytes as received");
        String reason = TestTopics.header(dead, "dead-letter-reason");
        assertNotNull(reason);
        assertTrue(reason.contains("not Article JSON"), reason);
        assertEquals(Topics.ARTICLES_RAW, TestTopics.header(dead, "dead-letter-topic"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> first(next) != null || !TestTopics.withKey(Topics.ARTICLES_DLQ, next).isEmpty());
        List<ConsumerRecord<String, byte[]>> wronglyDead = TestTopics.withKey(Topics.ARTICLES_DLQ, next);
        assertTrue(wronglyDead.isEmpty(), () -> "the good record was dead-lettered: "
                + TestTopics.header(wronglyDead.get(0), "dead-letter-reason") + " / "
                + TestTopics.header(wronglyDead.get(0), "dead-letter-cause"));
        EnrichedArticle after = first(next);
        assertTrue(after.locations().stream().anyMatch(p -> p.name().contains("Munich")), after.locations().toString());
    }

    @Test
    void aRecordThatIsJsonButNotAnArticleIsDeadLettered() throws Exception {
        String key = "no-body-" + UUID.randomUUID();

        TestTopics.send(Topics.ARTICLES_RAW, key, "{\"id\":\"" + key + "\",\"title\":\"only a title\"}");

        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestTopics.withKey(Topics.ARTICLES_DLQ, key), l -> !l.isEmpty()).get(0);
        assertTrue(TestTopics.header(dead, "dead-letter-reason").contains("body is required"));
    }

    @Test
    void recordsOfOneKeyAreEnrichedInTheOrderTheyCame() throws Exception {
        String id = "ordered-" + UUID.randomUUID();
        List<String> titles = List.of("First report from Lviv", "Second report from Lviv", "Third report from Lviv");

        for (String title : titles) {
            TestTopics.send(Topics.ARTICLES_RAW, id, article(id, title, "Air raid sirens sounded in Lviv on Monday night."));
        }

        List<ConsumerRecord<String, byte[]>> out = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestTopics.withKey(Topics.ARTICLES_ENRICHED, id), l -> l.size() >= titles.size());
        List<String> seen = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : out) {
            seen.add(Json.mapper().readValue(r.value(), EnrichedArticle.class).title());
        }
        assertEquals(titles, seen);
    }

    private static EnrichedArticle first(String key) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = TestTopics.withKey(Topics.ARTICLES_ENRICHED, key);
        return records.isEmpty() ? null
                : Json.mapper().readValue(new String(records.get(0).value(), StandardCharsets.UTF_8), EnrichedArticle.class);
    }
}
