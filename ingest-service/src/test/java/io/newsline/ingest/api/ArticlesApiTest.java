package io.newsline.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import io.newsline.localkafka.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Order(1)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ArticlesApiTest {

    static final String TOKEN = "test-token";

    static String article(String title, String url) {
        return """
                {"title": "%s", "body": "Shelling hit the centre of Kharkiv on Saturday.", "url": "%s",
                 "source": "Test Wire", "publishedAt": "2025-06-07T10:15:00+03:00", "language": "en"}
                """.formatted(title, url);
    }

    @org.junit.jupiter.api.BeforeEach
    void shareBroker() {
        KafkaTopics.shareBroker();
    }

    @Test
    void anAcceptedArticleIsOnTheRawTopicKeyedByItsId() throws Exception {
        String url = "https://example.org/news/" + UUID.randomUUID();

        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(article("Kharkiv shelled", url))
                .when().post("/api/articles")
                .then().statusCode(202).body("duplicate", equalTo(false)).body("id", startsWith("u-"))
                .extract().path("id");

        List<String> values = KafkaTopics.valuesWithKey(Topics.ARTICLES_RAW, id);
        assertEquals(1, values.size());
        JsonNode published = Json.mapper().readTree(values.get(0));
        assertEquals("Kharkiv shelled", published.get("title").asText());
        assertEquals(url, published.get("url").asText());
        assertEquals("2025-06-07T10:15:00+03:00", published.get("publishedAt").asText());
        assertEquals("text", published.get("format").asText());
        assertTrue(published.hasNonNull("receivedAt"));
        // Remembered for the next start of the service.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                KafkaTopics.valuesWithKey(Topics.INGEST_SEEN, id).size() == 1);
    }

    @Test
    void aRepostOfTheSameUrlIsADuplicateAndNotPublishedAgain() {
        String path = "https://Example.org/news/" + UUID.randomUUID();
        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(article("First", path))
                .post("/api/articles").then().statusCode(202).body("duplicate", equalTo(false)).extract().path("id");

        // Same article: host case, a tracking parameter and a fragment do not make it another one.
        String same = path.replace("Example.org", "example.org") + "?utm_source=x#top";
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(article("First, edited", same))
                .post("/api/articles").then().statusCode(202).body("id", equalTo(id)).body("duplicate", equalTo(true));

        assertEquals(1, KafkaTopics.valuesWithKey(Topics.ARTICLES_RAW, id).size());
    }

    @Test
    void withoutUrlTheSameTitleAndBodyGiveTheSameId() {
        String title = "Quake " + UUID.randomUUID();
        String body = "{\"title\": \"" + title + "\", \"body\": \"A strong earthquake.\"}";
        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .post("/api/articles").then().statusCode(202).body("id", startsWith("t-")).extract().path("id");
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .post("/api/articles").then().statusCode(202).body("id", equalTo(id)).body("duplicate", equalTo(true));
    }

    @Test
    void aPostedIdIsKeptAndHtmlIsTurnedIntoText() throws Exception {
        String id = "wire-" + UUID.randomUUID();
        String body = """
                {"id": "%s", "title": "Storm &amp; floods", "format": "html",
                 "body": "<p>Rain fell.</p><script>alert(1)</script><p>Rivers rose.</p>", "publishedAt": "2025-06-07"}
                """.formatted(id);
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .post("/api/articles").then().statusCode(202).body("id", equalTo(id));

        JsonNode published = Json.mapper().readTree(KafkaTopics.valuesWithKey(Topics.ARTICLES_RAW, id).get(0));
        assertEquals("Storm & floods", published.get("title").asText());
        assertEquals("Rain fell.\n\nRivers rose.", published.get("body").asText());
        assertEquals("2025-06-07T00:00:00Z", published.get("publishedAt").asText());
    }

    @Test
    void plainTextMarkupStaysLiteral() throws Exception {
        String id = "literal-" + UUID.randomUUID();
        String body = "{\"id\": \"" + id + "\", \"title\": \"<b>bold</b> claim\", \"body\": \"a <script>x</script> b\\r\\nc\"}";
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .post("/api/articles").then().statusCode(202);

        JsonNode published = Json.mapper().readTree(KafkaTopics.valuesWithKey(Topics.ARTICLES_RAW, id).get(0));
        assertEquals("<b>bold</b> claim", published.get("title").asText());
        assertEquals("a <script>x</script> b\nc", published.get("body").asText());
    }

    @Test
    void invalidFieldsAreEachNamedAndNothingReachesKafka() {
        long before = KafkaTopics.endOffsets(Topics.ARTICLES_RAW);
        String body = """
                {"title": "", "body": 42, "url": "ftp://example.org/x", "publishedAt": "2999-01-01",
                 "language": "not a tag!", "format": "pdf", "id": "bad id with spaces"}
                """;
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .post("/api/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:newsline:problem:invalid-fields"))
                .body("status", equalTo(400))
                .body("title", equalTo("The request has invalid fields"))
                .body("errors.field", hasItems("title", "body", "url", "publishedAt", "language", "format", "id"))
                .body("errors.find { it.field == 'publishedAt' }.message", containsString("more than one day"));

        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"body\": \"text\"}")
                .post("/api/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("title"))
                .body("errors[0].message", equalTo("is required"));

        String tooLong = "x".repeat(1_001);
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("{\"title\": \"" + tooLong + "\", \"body\": \"b\"}")
                .post("/api/articles")
                .then().statusCode(400).body("errors[0].message", containsString("at most 1,000 characters"));

        assertEquals(before, KafkaTopics.endOffsets(Topics.ARTICLES_RAW));
    }

    @Test
    void malformedJsonIsA400ProblemSayingWhere() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"title\": \"a\",\n \"body\": }")
                .post("/api/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:newsline:problem:bad-json"))
                .body("detail", containsString("line 2"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"title\": \"a\", \"title\": \"b\", \"body\": \"c\"}")
                .post("/api/articles")
                .then().statusCode(400).body("type", equalTo("urn:newsline:problem:bad-json"))
                .body("detail", containsString("Duplicate field"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("[1, 2]")
                .post("/api/articles")
                .then().statusCode(400).body("errors[0].message", equalTo("an article is a JSON object"));
    }

    @Test
    void invalidUtf8IsA400NotACrash() {
        byte[] body = "{\"title\": \"caf\u00e9\", \"body\": \"x\"}".getBytes(StandardCharsets.ISO_8859_1);
        given().auth().oauth2(TOKEN).contentType("application/json").body(body)
                .post("/api/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:newsline:problem:bad-encoding"));
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        String huge = "{\"title\": \"t\", \"body\": \"" + "y".repeat(70_000) + "\"}";
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(huge)
                .post("/api/articles")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:newsline:problem:too-large"))
                .body("detail", containsString("65536"));
    }

    @Test
    void anotherMediaTypeIsA415() {
        given().auth().oauth2(TOKEN).contentType("text/plain").body("{\"title\": \"t\", \"body\": \"b\"}")
                .post("/api/articles")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:newsline:problem:unsupported-media-type"));
        given().auth().oauth2(TOKEN).contentType("application/json; charset=ISO-8859-1").body("{}")
                .post("/api/articles")
                .then().statusCode(415).body("detail", containsString("UTF-8"));
    }

    @Test
    void writesNeedAKnownBearerTokenAndEveryConfiguredTokenWorks() {
        String body = article("Tokens", "https://example.org/tokens/" + UUID.randomUUID());
        given().contentType(ContentType.JSON).body(body).post("/api/articles")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", containsString("no Authorization header"));
        given().auth().oauth2("forged").contentType(ContentType.JSON).body(body).post("/api/articles")
                .then().statusCode(401).body("detail", containsString("not known"));
        given().header("Authorization", "Basic dGVzdC10b2tlbg==").contentType(ContentType.JSON).body(body)
                .post("/api/articles").then().statusCode(401);

        // Two tokens configured at once, as during a rotation: both may write.
        given().auth().oauth2("second-test-token").contentType(ContentType.JSON).body(body).post("/api/articles")
                .then().statusCode(202).body("duplicate", equalTo(false));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body).post("/api/articles")
                .then().statusCode(202).body("duplicate", equalTo(true));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsline_ingest_articles_total"));
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/articles/batch"))
                .body(containsString("/api/feeds/{name}"))
                .body(containsString("urn:newsline:problem:rate-limited"))
                .body(containsString("urn:newsline:problem:unavailable"));
    }
}
