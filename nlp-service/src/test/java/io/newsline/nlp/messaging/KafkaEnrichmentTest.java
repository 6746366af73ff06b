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
    void everyKindOfPoisonRecordIsDeadLetteredWithItsReasonAndTheArticleBehindThemOnTheSamePartitionIsEnriched()
            throws Exception {
        String run = UUID.randomUUID().toString();
        String notJson = "not-json-" + run;
        String notUtf8 = "not-utf8-" + run;
        String tooLong = "nlp-refuses-" + run;
        String behind = "behind-" + run;
        byte[] notJsonValue = "<html>this is not JSON</html>".getBytes(StandardCharsets.UTF_8);
        // Well-formed JSON whose title holds a byte sequence that is not UTF-8 (0xC3 then '(').
        byte[] notUtf8Value = ("{\"id\":\"" + notUtf8 + "\",\"title\":\"Caf\u00c3(\",\"body\":\"A body.\"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        // Readable JSON the NLP refuses: a body over the contract's 200,000 characters.
        byte[] tooLongValue = article(tooLong, "A very long report", "Kyiv. ".repeat(40_000))
                .getBytes(StandardCharsets.UTF_8);

        // Given the three poison records and a good article after them, all on partition 1
        TestTopics.sendTo(Topics.ARTICLES_RAW, 1, notJson, notJsonValue);
        TestTopics.sendTo(Topics.ARTICLES_RAW, 1, notUtf8, notUtf8Value);
        TestTopics.sendTo(Topics.ARTICLES_RAW, 1, tooLong, tooLongValue);
        TestTopics.sendTo(Topics.ARTICLES_RAW, 1, behind, article(behind, "Floods in Passau",
                "The Danube flooded the old town of Passau on Sunday, the mayor said.").getBytes(StandardCharsets.UTF_8));

        // Then the article behind them is enriched
        EnrichedArticle after = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> first(behind), e -> e != null);
        assertTrue(after.locations().stream().anyMatch(p -> p.name().contains("Passau")), after.locations().toString());
        // And each poison record is on the dead-letter topic, bytes as received, with its own reason
        assertDeadLetter(notJson, notJsonValue, "not Article JSON");
        assertDeadLetter(notUtf8, notUtf8Value, "UTF-8");
        assertDeadLetter(tooLong, tooLongValue, "body is longer than 200000 characters");
        assertTrue(TestTopics.withKey(Topics.ARTICLES_ENRICHED, notUtf8).isEmpty());
        assertTrue(TestTopics.withKey(Topics.ARTICLES_ENRICHED, tooLong).isEmpty());
    }

    private static void assertDeadLetter(String key, byte[] value, String reasonPart) {
        List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> TestTopics.withKey(Topics.ARTICLES_DLQ, key), l -> !l.isEmpty());
        assertEquals(1, dead.size(), key + " dead-lettered once");
        assertArrayEquals(value, dead.get(0).value(), "the dead letter keeps the bytes as received");
        String reason = TestTopics.header(dead.get(0), "dead-letter-reason");
        assertTrue(reason != null && reason.contains(reasonPart), key + ": " + reason);
        assertEquals(Topics.ARTICLES_RAW, TestTopics.header(dead.get(0), "dead-letter-topic"));
        assertEquals("1", TestTopics.header(dead.get(0), "dead-letter-partition"));
    }

    @Test
    void metricsShowTheGroupsLagAndHowLongEnrichingTakes() throws Exception {
        String id = "metered-" + UUID.randomUUID();

        TestTopics.send(Topics.ARTICLES_RAW, id, article(id, "Storm in Gdansk",
                "A storm tore roofs off houses in Gdansk on Tuesday, firefighters said."));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> first(id) != null);

        // Once everything on the topic is enriched and committed, the group's lag on every partition is 0
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> lags = Metrics.lines("newsline_consumer_lag_records{");
            assertEquals(3, lags.size(), lags.toString());
            for (String line : lags) {
                assertTrue(line.contains("group=\"nlp-service\"") && line.contains("topic=\"news.articles.raw\""), line);
                assertEquals(0.0, Metrics.value(line), line);
            }
        });
        // Kafka's own client metrics label the same topic the client's way, as the README warns.
        // (the client registers them per partition once it has fetched from it, so they may come a moment later)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> clientLags = Metrics.lines("kafka_consumer_fetch_manager_records_lag{");
            assertTrue(clientLags.stream().anyMatch(l -> l.contains("topic=\"news_articles_raw\"")), clientLags.toString());
            assertTrue(clientLags.stream().noneMatch(l -> l.contains("topic=\"news.articles.raw\"")), clientLags.toString());
        });
        assertTrue(Metrics.value(Metrics.lines("newsline_nlp_enrich_seconds_count{outcome=\"enriched\"").get(0)) >= 1);
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
