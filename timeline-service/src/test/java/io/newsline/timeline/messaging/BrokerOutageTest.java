package io.newsline.timeline.messaging;

import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.EventType;
import io.newsline.localkafka.KafkaBrokerProcess;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.timeline.domain.TimelineView;
import io.newsline.timeline.testing.Articles.Town;
import io.newsline.timeline.testing.Broker;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees when the broker goes away and comes back: timeline-service stays live, turns not
 * ready, turns ready again, and the merger goes on folding; /q/metrics shows the lags and fold times.
 * Stops the JVM's shared broker and starts it again on the same data and port before it ends, so the test
 * classes after it find it as before.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class BrokerOutageTest {

    @Inject
    TimelineView view;

    @Test
    void readinessTurnsDownWhileTheBrokerIsAwayAndUpWhenItIsBackThenTheMergerGoesOn() throws Exception {
        // Given a ready service whose merger has folded everything published so far
        Town before = Town.fresh();
        Broker.publish(article("wire", "2025-04-03T08:00:00Z", List.of(before.place()),
                event(EventType.SHELLING, "2025-04-03", before.location(), 2, null, "Two killed.")));
        await().atMost(Duration.ofSeconds(60)).until(() -> view.events().stream()
                .anyMatch(e -> before.name().equals(e.location().name())));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            given().get("/q/health/ready").then().statusCode(200);
            List<String> lags = RawTopics.metrics("newsline_consumer_lag_records{");
            assertEquals(3, lags.size(), lags.toString());
            for (String line : lags) {
                assertTrue(line.contains("group=\"timeline-merger\"") && line.contains("topic=\"news.articles.enriched\""), line);
                assertEquals(0.0, RawTopics.value(line), line);
            }
            assertEquals(0.0, RawTopics.value(RawTopics.metrics("newsline_timeline_view_lag_records").get(0)));
        });
        assertTrue(RawTopics.value(RawTopics.metrics("newsline_timeline_fold_seconds_count").get(0)) >= 1);

        KafkaBrokerProcess broker = KafkaTestResource.broker();
        broker.stop();
        try {
            // Then it is not ready, but still live: a restart would not help
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            broker.startAgain();
        }

        // When the broker is back, the service is ready again
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        // And an article published after the outage reaches the timeline
        Town after = Town.fresh();
        Broker.publish(article("wire", "2025-04-03T09:00:00Z", List.of(after.place()),
                event(EventType.SHELLING, "2025-04-03", after.location(), 1, null, "One killed.")));
        await().atMost(Duration.ofSeconds(60)).until(() -> view.events().stream()
                .anyMatch(e -> after.name().equals(e.location().name())));
    }
}
