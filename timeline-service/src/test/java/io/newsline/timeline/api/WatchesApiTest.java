package io.newsline.timeline.api;

import io.newsline.contracts.problem.Problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.timeline.testing.Broker;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Saving, reading and deleting watches: tokens, validation, what answers show and what the topic keeps. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class WatchesApiTest {

    static final String TOKEN = "test-token";
    private static final String SECRET = "a-secret-of-" + UUID.randomUUID();

    private static String watch(String name, String url) {
        return """
                {"name": "%s",
                 "filter": {"type": "shelling,air_strike", "near": {"lat": 49.99, "lon": 36.23, "km": 40}, "minKilled": 1},
                 "webhook": {"url": "%s", "secret": "%s"}}""".formatted(name, url, SECRET);
    }

    @Test
    void aWatchIsSavedShownWithItsStatusAndDeletedAndItsSecretIsNeverShown() {
        String name = "kharkiv-" + UUID.randomUUID().toString().substring(0, 8);
        // When an analyst saves a watch
        String created = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(watch(name, "http://127.0.0.1:9/hooks/credential-in-path?token=abc"))
                .post("/api/watches")
                .then().statusCode(201)
                .header("Location", endsWith("/api/watches/" + name))
                .body("name", equalTo(name))
                .body("filter.type", equalTo(List.of("shelling", "air_strike")))
                .body("filter.near.km", equalTo(40.0f))
                .body("filter.minKilled", equalTo(1))
                .body("webhook.url", equalTo("http://127.0.0.1:9/…"))
                .body("status.position", notNullValue())
                .body("links.feed", containsString("/api/watches/" + name + "/feed.atom"))
                .extract().asString();
        assertFalse(created.contains(SECRET), created);
        assertFalse(created.contains("credential-in-path"), "the webhook's path may carry a credential: " + created);

        // Then it is listed and shown with its delivery status, never with its secret
        String shown = given().get("/api/watches/" + name).then().statusCode(200)
                .body("status.pending", equalTo(0))
                .body("status.delivered", equalTo(0))
                .body("status.failures", equalTo(0))
                .extract().asString();
        assertFalse(shown.contains(SECRET));
        String all = given().get("/api/watches").then().statusCode(200).body("name", hasItem(name)).extract().asString();
        assertFalse(all.contains(SECRET));

        // And a second one of that name is refused
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(watch(name, "http://127.0.0.1:9/other"))
                .post("/api/watches").then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("name"));

        // When it is deleted, it is gone
        given().auth().oauth2(TOKEN).delete("/api/watches/" + name).then().statusCode(204);
        given().get("/api/watches/" + name).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(TOKEN).delete("/api/watches/" + name).then().statusCode(404);
        given().get("/api/watches/" + name + "/feed.atom").then().statusCode(404);
    }

    @Test
    void aWatchIsKeptInTheCompactedTopicUnderItsNameAndItsDeletionIsATombstone() throws Exception {
        String name = "kept-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(watch(name, "http://127.0.0.1:9/hook"))
                .post("/api/watches").then().statusCode(201);
        given().auth().oauth2(TOKEN).delete("/api/watches/" + name).then().statusCode(204);

        List<ConsumerRecord<String, String>> records = recordsOf(Topics.TIMELINE_WATCHES, name);
        assertEquals(2, records.size(), "the watch, then its tombstone");
        JsonNode stored = Json.mapper().readTree(records.get(0).value());
        assertEquals(List.of("shelling", "air_strike"), List.of(stored.at("/filter/type/0").asText(),
                stored.at("/filter/type/1").asText()));
        assertTrue(stored.at("/startSequence").canConvertToLong());
        assertEquals(null, records.get(1).value());
    }

    @Test
    void writesNeedAWriteToken() {
        String body = watch("no-token", "http://127.0.0.1:9/hook");
        given().contentType(ContentType.JSON).body(body).post("/api/watches")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE).header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(body).post("/api/watches")
                .then().statusCode(401).body("detail", containsString("not known"));
        given().delete("/api/watches/no-token").then().statusCode(401);
        given().get("/api/watches/no-token").then().statusCode(404);
    }

    @Test
    void aBadWatchGetsA400ProblemNamingEachField() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("""
                        {"name": "", "filter": {"near": {"lat": 50, "lon": 200, "km": 10}, "status": "maybe"},
                         "webhook": {"url": "file:///etc/passwd", "secret": "short"}}""")
                .post("/api/watches")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItems("name", "filter.near.lon", "filter.status", "webhook.url", "webhook.secret"))
                .body("detail", org.hamcrest.Matchers.not(containsString("short")));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{not json")
                .post("/api/watches").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(TOKEN).contentType(ContentType.TEXT).body("name=x")
                .post("/api/watches").then().statusCode(415);
    }

    @Test
    void operatorsFindTheWatchesInTheApiDescriptionAndInReadiness() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/watches"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/watches/{name}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/watches/{name}/feed.atom"))
                .body("paths.'/api/watches'.post.responses", org.hamcrest.Matchers.hasKey("201"))
                .body("paths.'/api/timeline'.get.parameters.name", hasItem("format"))
                .body("paths.'/api/timeline'.get.responses.'200'.content",
                        org.hamcrest.Matchers.hasKey("application/geo+json"));
        // One instance: it delivers, and says so.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'watches' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'watches' }.data.role", equalTo("delivering")));
    }

    /** Every record of a one-partition topic with this key, read from the beginning. */
    static List<ConsumerRecord<String, String>> recordsOf(String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        TopicPartition tp = new TopicPartition(topic, 0);
        Map<String, List<ConsumerRecord<String, String>>> byKey = new HashMap<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    byKey.computeIfAbsent(r.key(), k -> new java.util.ArrayList<>()).add(r);
                }
                return c.position(tp) >= end;
            });
        }
        return byKey.getOrDefault(key, List.of());
    }
}
