package io.newsline.timeline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;

import io.newsline.localkafka.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With NEWSLINE_READ_TOKENS set, reads need the token: as a bearer token, or once in the URL and then a cookie. */
@QuarkusTest
@TestProfile(ReadTokenTest.WithReadTokens.class)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ReadTokenTest {

    public static class WithReadTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timeline.read-tokens", "old-read-token, reader-7f3a", "timeline.tokens", "writer-91c2");
        }
    }

    @Test
    void readsWithoutAValidTokenAreRefused() {
        given().when().get("/api/timeline").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:newsline:problem:unauthorized"));
        given().header("Authorization", "Bearer wrong").when().get("/api/timeline").then().statusCode(401);
        given().when().get("/api/timeline/stream?access_token=wrong").then().statusCode(401);
    }

    @Test
    void aBearerTokenOpensReads() {
        given().header("Authorization", "Bearer reader-7f3a").when().get("/api/timeline").then().statusCode(200);
    }

    @Test
    void aWriteTokenReadsTooAsInEveryService() {
        given().header("Authorization", "Bearer writer-91c2").when().get("/api/timeline").then().statusCode(200);
    }

    @Test
    void aTokenInTheUrlSetsAnHttpOnlyCookieThatOpensLaterReads() {
        String cookie = given().when().get("/api/timeline?access_token=reader-7f3a").then().statusCode(200)
                .header("Set-Cookie", containsStringIgnoringCase("httponly"))
                .extract().cookie(ReadTokenGuard.COOKIE);

        given().cookie(ReadTokenGuard.COOKIE, cookie).when().get("/api/timeline").then().statusCode(200);
    }

    @Test
    void healthStaysOpenForOperators() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
