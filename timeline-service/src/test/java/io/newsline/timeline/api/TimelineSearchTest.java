package io.newsline.timeline.api;

import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import org.junit.jupiter.api.Test;

/** GET /api/timeline?q=: full text over titles, subtypes, evidence, entities and places, with the other filters. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class TimelineSearchTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The query as a client sends it, encoded once (RestAssured would encode the encoded text again). */
    private static io.restassured.response.Response get(String query) {
        return given().urlEncodingEnabled(false).when().get("/api/timeline?" + query);
    }

    private static JsonPath search(String q, String more) {
        return get("q=" + enc(q) + more).then().statusCode(200).extract().jsonPath();
    }

    /** The town's own tag: a word no other test's events have, so each search sees only this test's events. */
    private static String tag(Town town) {
        return town.name().substring(town.name().indexOf(' ') + 1);
    }

    @Test
    void searchFindsEventsByTheirWordsInAnyCaseAndScriptAndCombinesWithTypeDatesAndTheCursor() {
        Town town = Town.fresh();
        String tag = tag(town);
        Broker.publish(article("alpha", "2025-07-01T08:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, "2025-07-01", town.location(), 1, null,
                        "Shells hit the grain elevator by the river port.")));
        Broker.publish(article("beta", "2025-07-03T08:00:00Z", List.of(town.place()),
                event(EventType.PROTEST, "2025-07-03", town.location(), null, null,
                        "Мешканці протестували біля міської ради.")));
        Broker.publish(article("gamma", "2025-07-05T08:00:00Z", List.of(town.place()),
                event(EventType.DRONE_STRIKE, "2025-07-05", town.location(), null, 2, "Drones struck a depot.",
                        "Mykola Zasiadko")));
        await().atMost(WAIT).until(() -> search(tag, "").getList("items").size() == 3);

        // Words of the evidence, any case; a word ending in * is a prefix.
        assertEquals(List.of("2025-07-01"), search("ELEVATOR " + tag, "").getList("items.date"));
        assertEquals(List.of("2025-07-01"), search("elevat* " + tag, "").getList("items.date"));
        // Cyrillic, folded the way place names are: upper case finds lower case.
        assertEquals(List.of("2025-07-03"), search("МІСЬКОЇ РАДИ " + tag, "").getList("items.date"));
        // An entity and the event's title (its type and place).
        assertEquals(List.of("2025-07-05"), search("zasiadko " + tag, "").getList("items.date"));
        assertEquals(List.of("2025-07-05"), search("drone strike " + tag, "").getList("items.date"));
        // Every word must be there.
        assertEquals(0, search("elevator depot " + tag, "").getList("items").size());

        // Combined with the other filters.
        assertEquals(List.of("DRONE_STRIKE"), search(tag, "&type=drone_strike,air_strike").getList("items.type"));
        assertEquals(List.of("2025-07-03"), search(tag, "&from=2025-07-02&to=2025-07-04").getList("items.date"));
        assertEquals(List.of("2025-07-01"), search(tag, "&place=" + enc(town.name()) + "&to=2025-07-02")
                .getList("items.date"));

        // Paging with the cursor keeps the search.
        JsonPath first = search(tag, "&limit=2");
        assertEquals(List.of("2025-07-01", "2025-07-03"), first.getList("items.date"));
        assertNotNull(first.getString("nextCursor"));
        JsonPath second = search(tag, "&limit=2&cursor=" + first.getString("nextCursor"));
        assertEquals(List.of("2025-07-05"), second.getList("items.date"));
        get("q=" + enc(tag) + "&limit=2&cursor=" + first.getString("nextCursor")).then().body("nextCursor", nullValue());
    }

    @Test
    void theStreamTakesTheSameSearch() {
        Town town = Town.fresh();
        String tag = tag(town);
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/timeline/stream?q=" + enc("bridge " + tag));
        try (SseClient sse = SseClient.open(uri)) {
            await().atMost(WAIT).until(() -> sse.status() == 200);
            Broker.publish(article("alpha", "2025-07-10T08:00:00Z", List.of(town.place()),
                    event(EventType.SHELLING, "2025-07-10", town.location(), null, null, "A school was hit.")));
            Broker.publish(article("beta", "2025-07-11T08:00:00Z", List.of(town.place()),
                    event(EventType.AIR_STRIKE, "2025-07-11", town.location(), null, null, "A bridge was hit.")));
            await().atMost(WAIT).until(() -> sse.events().size() == 1);
            assertEquals("2025-07-11", sse.events().get(0).json().get("date").asText());
        }
    }

    @Test
    void aSearchWithNoWordOrTooLongIsA400NamingQ() {
        get("q=" + enc("!!! ???")).then().statusCode(400).body("errors.field", hasItems("q"));
        get("q=" + "a".repeat(201)).then().statusCode(400).body("errors.field", hasItems("q"));
    }
}
