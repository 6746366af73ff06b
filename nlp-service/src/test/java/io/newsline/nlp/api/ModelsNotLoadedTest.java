package io.newsline.nlp.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.newsline.localkafka.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees when the NER model cannot be loaded (a wrong path in the configuration): the
 * service is live, not ready, says why, and answers enrichment requests with a 503 instead of a guess.
 */
@QuarkusTest
@TestProfile(ModelsNotLoadedTest.MissingModel.class)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ModelsNotLoadedTest {

    /** A model that does not exist, and a consumer group of its own so no other test's articles are held. */
    public static class MissingModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsline.nlp.model", "models/not-there.crf.ser.gz",
                    "mp.messaging.incoming.articles-in.group.id", "nlp-without-models");
        }
    }

    @Test
    void readinessIsDownWithTheReasonWhileTheServiceStaysLive() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(503)
                        .body("status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'nlp-pipeline' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'nlp-pipeline' }.data.models", equalTo("failed"))
                        .body("checks.find { it.name == 'nlp-pipeline' }.data.problem", containsString("not-there")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void anArticleToEnrichGetsAProblemInsteadOfAnAnswerWithoutNames() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().contentType("application/json")
                        .body("{\"title\": \"Storm closes harbour\", \"body\": \"A storm closed the harbour on Monday.\"}")
                        .when().post("/api/enrich")
                        .then().statusCode(503)
                        .contentType(startsWith("application/problem+json"))
                        .body("detail", containsString("could not be loaded")));
    }
}
