package io.newsline.timeline.api;

import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsline.contracts.model.EventType;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.timeline.testing.Articles.Town;
import io.newsline.timeline.testing.Broker;
import io.newsline.timeline.testing.SseClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The filters of GET /api/timeline and of the stream, and the 400s for filters that cannot be read. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class TimelineQueryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonPath timeline(String query) {
        return given().when().get("/api/timeline?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void filtersByPlaceRegionGeonamesIdTypeEntityBoxAndDateAndPagesWithACursor() {
        Town town = Town.fresh();
        String person = "Olena Testenko" + town.name().substring(town.name().length() - 4);
        Broker.publish(article("alpha", "2025-04-01T08:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, "2025-04-01", town.location(), 1, null, "Shelling.", person)));
        Broker.publish(article("alpha", "2025-04-03T08:00:00Z", List.of(town.place()),
                event(EventType.PROTEST, "2025-04-03", town.location(), null, null, "A protest.")));
        Broker.publish(article("alpha", "2025-04-05T08:00:00Z", List.of(town.place()),
                event(EventType.DRONE_STRIKE, "2025-04-05", town.location(), null, 3, "Drones.")));
        String at = "place=" + enc(town.name());
        await().atMost(WAIT).until(() -> timeline(at).getList("items").size() == 3);

        // A region, by its name with another region word, and the town's GeoNames id, find the same events.
        assertEquals(3, timeline("place=" + enc(town.admin1().replace("Testshire", "testshire") + " oblast"))
                .getList("items").size());
        assertEquals(3, timeline("place=" + town.geonameId()).getList("items").size());
        assertEquals(List.of("SHELLING", "DRONE_STRIKE"),
                timeline(at + "&type=shelling,DRONE_STRIKE").getList("items.type"));
        String surname = person.split(" ")[1].toLowerCase(Locale.ROOT);
        assertEquals(List.of("2025-04-01"), timeline("entity=" + enc(surname)).getList("items.date"));
        String box = (town.lon() - 0.1) + "," + (town.lat() - 0.1) + "," + (town.lon() + 0.1) + "," + (town.lat() + 0.1);
        assertEquals(3, timeline("bbox=" + box).getList("items").size());
        assertEquals(List.of("2025-04-03"), timeline(at + "&from=2025-04-02&to=2025-04-04").getList("items.date"));

        JsonPath first = timeline(at + "&limit=2");
        assertEquals(List.of("2025-04-01", "2025-04-03"), first.getList("items.date"));
        JsonPath second = timeline(at + "&limit=2&cursor=" + first.getString("nextCursor"));
        assertEquals(List.of("2025-04-05"), second.getList("items.date"));
        given().when().get("/api/timeline?" + at + "&limit=2&cursor=" + first.getString("nextCursor"))
                .then().body("nextCursor", nullValue());
    }

    @Test
    void badFiltersGetA400ProblemNamingEachField() {
        given().when().get("/api/timeline?from=2025-02-30&type=BOMBING&bbox=1,2,3&limit=0&cursor=xyz&status=maybe")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:newsline:problem:invalid-fields"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("from", "type", "bbox", "status", "limit", "cursor"))
                .body("extensions", org.hamcrest.Matchers.nullValue());
        given().when().get("/api/timeline?limit=5000").then().statusCode(400).body("errors.field", hasItems("limit"));
        given().when().get("/api/timeline?from=2025-06-02&to=2025-06-01").then().statusCode(400);
        given().when().get("/api/timeline/stream?since=-3").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("since"));
        given().header("Last-Event-ID", "abc").when().get("/api/timeline/stream").then().statusCode(400)
                .body("errors[0].field", equalTo("Last-Event-ID"));
    }

    @Test
    void anUpdateThatNoLongerMatchesTheStreamsFiltersIsSentAsRemoved() {
        Town town = Town.fresh();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/timeline/stream?status=single-source&place="
                + enc(town.name()));
        try (SseClient sse = SseClient.open(uri)) {
            await().atMost(WAIT).until(() -> sse.status() == 200);
            Broker.publish(article("alpha", "2025-04-10T08:00:00Z", List.of(town.place()),
                    event(EventType.SHELLING, "2025-04-10", town.location(), 2, null, "Two killed.")));
            await().atMost(WAIT).until(() -> sse.events().size() == 1);
            // A second outlet corroborates it: it is no longer single-source.
            Broker.publish(article("beta", "2025-04-10T09:00:00Z", List.of(town.place()),
                    event(EventType.SHELLING, "2025-04-10", town.location(), 2, null, "Two people were killed.")));
            await().atMost(WAIT).until(() -> sse.events().size() == 2);

            SseClient.Message removed = sse.events().get(1);
            assertEquals("removed", removed.event());
            assertEquals(sse.events().get(0).json().get("id").asText(), removed.json().get("id").asText());
            assertEquals("filtered", removed.json().get("reason").asText());
        }
    }

    @Test
    void theEmptyAnswerReflectsTheFeedPosition() {
        given().when().get("/api/timeline?place=" + enc("Nowhere " + System.nanoTime())).then().statusCode(200)
                .body("items", hasSize(0)).body("nextCursor", nullValue());
    }
}
