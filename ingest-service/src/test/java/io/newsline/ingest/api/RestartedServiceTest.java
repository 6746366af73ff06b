package io.newsline.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import io.newsline.localkafka.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs on a restarted application (its own profile, so after the default-profile classes): articles the
 * earlier instance published are still recognised as duplicates; the per-token rate limit; read tokens.
 */
@QuarkusTest
@Order(10)
@TestProfile(SecondInstanceProfile.class)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class RestartedServiceTest {

    @Test
    void theRestartedApplicationUsesTheBrokerOfTheFirst() {
        String shared = System.getProperty(KafkaTopics.SHARED_BOOTSTRAP);
        assumeFalse(shared == null, "needs the default-profile test classes to have run in this JVM");
        assertEquals(shared, KafkaTopics.bootstrapServers());
    }

    @Test
    void articlesPublishedBeforeTheRestartAreStillDuplicates() throws Exception {
        List<ConsumerRecord<String, String>> earlier = KafkaTopics.readAll(Topics.ARTICLES_RAW);
        assumeFalse(earlier.isEmpty(), "needs the articles the default-profile test classes published in this JVM");
        long before = KafkaTopics.endOffsets(Topics.ARTICLES_RAW);
        // Re-post the first few as their authors would: the same fields, without what ingest added.
        for (ConsumerRecord<String, String> r : earlier.subList(0, Math.min(3, earlier.size()))) {
            ObjectNode article = (ObjectNode) Json.mapper().readTree(r.value());
            article.remove("receivedAt");
            given().auth().oauth2("test-token").contentType(ContentType.JSON).body(article.toString())
                    .post("/api/articles")
                    .then().statusCode(202).body("id", equalTo(r.key())).body("duplicate", equalTo(true));
        }
        assertEquals(before, KafkaTopics.endOffsets(Topics.ARTICLES_RAW), "no duplicate was published again");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.data.seenIds", greaterThan(0));
    }

    @Test
    void aTokenOverItsRateGets429WithRetryAfterWhileOtherTokensStillWrite() {
        String body = "{\"title\": \"Rate\", \"body\": \"limited\", \"url\": \"https://example.org/rate/" + UUID.randomUUID() + "\"}";
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            int status = given().auth().oauth2("rate-limited-token").contentType(ContentType.JSON).body(body)
                    .post("/api/articles").then().extract().statusCode();
            if (status == 429) {
                limited++;
            }
        }
        assertFalse(limited == 0, "a burst of 12 over a burst allowance of 5 at one per 5 s must meet a 429");
        given().auth().oauth2("rate-limited-token").contentType(ContentType.JSON).body(body)
                .post("/api/articles")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("urn:newsline:problem:rate-limited"));
        given().auth().oauth2("second-test-token").contentType(ContentType.JSON).body(body)
                .post("/api/articles").then().statusCode(202);
    }

    @Test
    void withReadTokensSetReadsNeedAToken() {
        given().get("/api/feeds").then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        given().auth().oauth2("wrong").get("/api/feeds").then().statusCode(401);
        given().auth().oauth2(SecondInstanceProfile.READ_TOKEN).get("/api/feeds").then().statusCode(200);
        given().auth().oauth2("test-token").get("/api/feeds").then().statusCode(200);
        // A read token does not allow writes; health and metrics stay open for operators' probes.
        given().auth().oauth2(SecondInstanceProfile.READ_TOKEN).contentType(ContentType.JSON).body("{}")
                .post("/api/articles").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
    }
}
