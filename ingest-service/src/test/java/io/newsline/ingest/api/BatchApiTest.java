package io.newsline.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsline.contracts.kafka.Topics;
import io.newsline.localkafka.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Order(2)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class BatchApiTest {

    private static final String TOKEN = ArticlesApiTest.TOKEN;

    private static String good(String tag) {
        return "{\"title\": \"Batch " + tag + "\", \"body\": \"Body " + tag + "\", \"url\": \"https://example.org/batch/" + tag + "\"}";
    }

    @Test
    void ndjsonWithMixedItemsAnswersOneResultPerItemInOrder() throws Exception {
        String run = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write((good(run + "-a") + "\n").getBytes(StandardCharsets.UTF_8));
        body.write("{\"title\": \"no body\"}\n".getBytes(StandardCharsets.UTF_8));
        body.write("{not json\n".getBytes(StandardCharsets.UTF_8));
        body.write("\n".getBytes(StandardCharsets.UTF_8)); // blank lines are not items
        body.write(new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '\n'});
        body.write((good(run + "-a") + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(good(run + "-b").getBytes(StandardCharsets.UTF_8)); // no final line break
        long before = KafkaTopics.endOffsets(Topics.ARTICLES_RAW);

        Requests.ndjson(TOKEN).body(body.toByteArray())
                .post("/api/articles/batch")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("items", equalTo(6))
                .body("accepted", equalTo(2)).body("duplicates", equalTo(1)).body("rejected", equalTo(3))
                .body("results", hasSize(6))
                .body("results[0].index", equalTo(0)).body("results[0].status", equalTo(202))
                .body("results[0].duplicate", equalTo(false))
                .body("results[1].status", equalTo(400)).body("results[1].problem.errors[0].field", equalTo("body"))
                .body("results[1].id", nullValue())
                .body("results[2].problem.type", equalTo("urn:newsline:problem:bad-json"))
                .body("results[3].problem.type", equalTo("urn:newsline:problem:bad-encoding"))
                .body("results[4].status", equalTo(202)).body("results[4].duplicate", equalTo(true))
                .body("results[5].status", equalTo(202)).body("results[5].duplicate", equalTo(false));

        assertEquals(before + 2, KafkaTopics.endOffsets(Topics.ARTICLES_RAW));
    }

    @Test
    void aJsonArrayWithMixedItems() {
        String run = UUID.randomUUID().toString();
        String body = "[" + good(run + "-x") + ", {\"title\": \"t\", \"body\": \"b\", \"url\": \"mailto:a@b.c\"}, 42, "
                + good(run + "-y") + "]";
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .post("/api/articles/batch")
                .then().statusCode(200)
                .body("items", equalTo(4)).body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("results[1].problem.errors[0].field", equalTo("url"))
                .body("results[2].problem.errors[0].message", equalTo("an article is a JSON object"))
                .body("results[3].status", equalTo(202));
    }

    @Test
    void anArrayThatBreaksOffKeepsTheItemsBeforeAndNamesTheBreak() {
        String run = UUID.randomUUID().toString();
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("[" + good(run) + ", {\"title\": ")
                .post("/api/articles/batch")
                .then().statusCode(200)
                .body("items", equalTo(2))
                .body("results[0].status", equalTo(202))
                .body("results[1].status", equalTo(400))
                .body("results[1].problem.detail", containsString("not read"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(good(run))
                .post("/api/articles/batch")
                .then().statusCode(400).body("type", equalTo("urn:newsline:problem:bad-json"));
    }

    @Test
    void itemsBeyondTheBatchLimitAreRefusedWithoutBeingRead() {
        String run = UUID.randomUUID().toString();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 22; i++) {
            ndjson.append(good(run + "-" + i)).append('\n');
        }
        long before = KafkaTopics.endOffsets(Topics.ARTICLES_RAW);
        Requests.ndjson(TOKEN).body(ndjson.toString())
                .post("/api/articles/batch")
                .then().statusCode(200)
                .body("items", equalTo(22)).body("accepted", equalTo(20)).body("rejected", equalTo(2))
                .body("results[20].status", equalTo(413)).body("results[21].status", equalTo(413));
        assertEquals(before + 20, KafkaTopics.endOffsets(Topics.ARTICLES_RAW));
    }

    @Test
    void batchesNeedATokenAndAKnownMediaType() {
        Requests.ndjson(null).body(good("x")).post("/api/articles/batch").then().statusCode(401);
        given().auth().oauth2(TOKEN).contentType("text/csv").body("a,b").post("/api/articles/batch")
                .then().statusCode(415).body("detail", containsString("application/x-ndjson"));
    }
}
