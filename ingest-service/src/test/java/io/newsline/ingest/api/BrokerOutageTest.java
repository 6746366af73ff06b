package io.newsline.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.kafka.Topics;
import io.newsline.localkafka.KafkaBrokerProcess;
import io.newsline.localkafka.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Stops the shared broker, so it runs after the other default-profile classes, and starts it again on the
 * same data and port before it ends, leaving it as the classes after it expect.
 */
@QuarkusTest
@Order(5)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class BrokerOutageTest {

    @org.junit.jupiter.api.BeforeEach
    void shareBroker() {
        KafkaTopics.shareBroker();
    }

    @Test
    void withTheBrokerDownAPostGets503WithRetryAfterAndARepostAfterwardsIsSafe() {
        String body = "{\"title\": \"Outage\", \"body\": \"During the outage.\", \"url\": \"https://example.org/outage/"
                + UUID.randomUUID() + "\"}";
        KafkaBrokerProcess broker = KafkaTestResource.broker();
        broker.stop();
        KafkaBrokerProcess restarted = null;
        try {
            given().auth().oauth2("test-token").contentType(ContentType.JSON).body(body)
                    .post("/api/articles")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "2")
                    .body("type", equalTo("urn:newsline:problem:unavailable"));
            Requests.ndjson("test-token").body(body + "\n")
                    .post("/api/articles/batch")
                    .then().statusCode(200).header("Retry-After", notNullValue())
                    .body("results[0].status", equalTo(503));
            // Still alive (a dead broker is not a reason to restart ingest), not ready.
            given().get("/q/health/live").then().statusCode(200);
            given().get("/q/health/ready").then().statusCode(503);
            // Now that ingest knows the broker is unreachable, a post is refused without waiting for it: the
            // answer says so, and no acknowledgement wait is recorded for it.
            double waitsBefore = sample(metrics(), "newsline_ingest_ack_seconds_count{outcome=\"unavailable\"");
            given().auth().oauth2("test-token").contentType(ContentType.JSON).body(body)
                    .post("/api/articles")
                    .then().statusCode(503).header("Retry-After", "2")
                    .body("type", equalTo("urn:newsline:problem:unavailable"))
                    .body("detail", startsWith("Kafka is unreachable"));
            assertEquals(waitsBefore, sample(metrics(), "newsline_ingest_ack_seconds_count{outcome=\"unavailable\""));
        } finally {
            restarted = broker.restart();
            KafkaBrokerProcess running = restarted;
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "test-kafka-stop-restarted"));
        }

        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200));
        // The outcome of the 503 was unknown; re-posting is safe: either it is stored now or recognised.
        String id = given().auth().oauth2("second-test-token").contentType(ContentType.JSON).body(body)
                .post("/api/articles").then().statusCode(202).extract().path("id");
        given().auth().oauth2("second-test-token").contentType(ContentType.JSON).body(body)
                .post("/api/articles").then().statusCode(202).body("duplicate", equalTo(true));
        assertEquals(1, KafkaTopics.valuesWithKey(Topics.ARTICLES_RAW, id).size());
        // Operators see on /q/metrics how long the broker took to acknowledge, and the duplicate recognised
        String metrics = metrics();
        assertTrue(sampleAtLeastOne(metrics, "newsline_ingest_ack_seconds_count{outcome=\"accepted\""), metrics);
        assertTrue(sampleAtLeastOne(metrics, "newsline_ingest_ack_seconds_count{outcome=\"duplicate\""), metrics);
    }

    private static String metrics() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of a sample, 0 when it is not there yet. */
    private static double sample(String metrics, String sample) {
        return metrics.lines().filter(l -> l.startsWith(sample))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static boolean sampleAtLeastOne(String metrics, String sample) {
        return metrics.lines().filter(l -> l.startsWith(sample))
                .anyMatch(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1);
    }
}
