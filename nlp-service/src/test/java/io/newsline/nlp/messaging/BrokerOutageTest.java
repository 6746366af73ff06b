package io.newsline.nlp.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import io.newsline.localkafka.KafkaBrokerProcess;
import io.newsline.localkafka.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees when the broker goes away and comes back: nlp-service stays live, turns not
 * ready, turns ready again and goes on enriching. Stops the JVM's shared broker and starts it again on the
 * same data and port before it ends, so the test classes after it find it as before.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class BrokerOutageTest {

    @Test
    void readinessTurnsDownWhileTheBrokerIsAwayAndUpWhenItIsBackThenEnrichingGoesOn() throws Exception {
        // Given a ready service with nothing left to process, so no article is caught half-way by the outage
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Metrics.lines("newsline_consumer_lag_records{").stream().mapToDouble(Metrics::value).sum() == 0
                        && !Metrics.lines("newsline_consumer_lag_records{").isEmpty());

        KafkaBrokerProcess broker = KafkaTestResource.broker();
        broker.stop();
        try {
            // Then it is not ready, and says which check failed, but still live: a restart would not help
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503)
                            .body("checks.find { it.status == 'DOWN' }.name",
                                    equalTo("SmallRye Reactive Messaging - readiness check")));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            broker.startAgain();
        }

        // When the broker is back, the service is ready again
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("checks.status", hasItem("UP")));
        // And an article posted after the outage is enriched
        String id = "after-outage-" + UUID.randomUUID();
        TestTopics.send(Topics.ARTICLES_RAW, id, Json.mapper().writeValueAsString(Map.of(
                "id", id, "title", "Ferry strike in Piraeus", "language", "en", "publishedAt", "2025-05-10T08:00:00Z",
                "body", "Dock workers walked off the job in Piraeus on Monday, the union said.")));
        var enriched = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestTopics.withKey(Topics.ARTICLES_ENRICHED, id), l -> !l.isEmpty());
        // nlp-service is at least once (docs/nlp.md): a commit lost to the reconnect may enrich it twice, the same way
        var first = Json.mapper().readTree(enriched.get(0).value()).get("events");
        for (var copy : enriched) {
            assertEquals(first, Json.mapper().readTree(copy.value()).get("events"), "every copy reads the same events");
        }
    }
}
