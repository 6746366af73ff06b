package io.newsline.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.newsline.localkafka.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * With {@code newsline.outbound.refuse-private-addresses} on, as it is by default: a feed at a loopback, private or
 * link-local address is refused with a 400 naming the url, and a configured one is never fetched. Nothing here
 * sends a request to such an address: the guard refuses before connecting.
 */
@QuarkusTest
@TestProfile(SecondInstanceProfile.class)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class FeedAddressGuardTest {

    @Test
    void feedsAtInternalAddressesAreRefusedNamingTheUrl() {
        for (String url : new String[] {"http://127.0.0.1:8081/api/articles", "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.7/feed.xml", "http://localhost/rss"}) {
            given().auth().oauth2("guard-test-token").contentType(ContentType.JSON)
                    .body("{\"name\": \"internal\", \"url\": \"" + url + "\"}")
                    .post("/api/feeds")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("newsline.outbound.refuse-private-addresses"));
        }
    }

    @Test
    void aConfiguredFeedAtALoopbackAddressIsNeverFetched() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(SecondInstanceProfile.READ_TOKEN).get("/api/feeds/unreachable")
                        .then().statusCode(200)
                        .body("lastError", containsString("refused"))
                        .body("lastHttpStatus", equalTo(null)));
    }
}
