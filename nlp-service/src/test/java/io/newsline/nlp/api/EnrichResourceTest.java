package io.newsline.nlp.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.newsline.localkafka.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code POST /api/enrich} over HTTP, as the scorer and operators call it. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class EnrichResourceTest {

    @Test
    void anArticleComesBackEnrichedWithoutAToken() {
        given().contentType("application/json")
                .body("""
                        {"title": "Strikes on Kharkiv", "language": "en", "publishedAt": "2025-06-07T12:00:00Z",
                         "body": "Russian missiles hit Kharkiv overnight, Mayor Ihor Terekhov said on Saturday."}
                        """)
                .when().post("/api/enrich")
                .then().statusCode(200)
                .body("entities.findAll { it.type == 'PERSON' }.text", hasItem("Ihor Terekhov"))
                .body("locations.find { it.name == 'Kharkiv' }.lat", notNullValue())
                .body("nlp.language", equalTo("en"))
                .body("nlp.version", notNullValue());
    }

    @Test
    void aBodyThatIsNotAnArticleIsAProblem() {
        given().contentType("application/json").body("{\"title\": \"no body here\"}")
                .when().post("/api/enrich")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("body"));

        given().contentType("application/json").body("this is not json")
                .when().post("/api/enrich")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void readinessIncludesTheLoadedPipeline() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().when().get("/q/health/ready")
                        .then().statusCode(200)
                        .body("checks.find { it.name == 'nlp-pipeline' }.data.models", equalTo("loaded")));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/enrich"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
