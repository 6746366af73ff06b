package io.newsline.timeline.api;

import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.model.EnrichedArticle;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timeline end to end on the real broker: enriched articles in, merged events out over GET and SSE. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class TimelineFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JsonPath timeline(String query) {
        return given().when().get(query.isEmpty() ? "/api/timeline" : "/api/timeline?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static String at(Town town) {
        return "place=" + URLEncoder.encode(town.name(), StandardCharsets.UTF_8);
    }

    private static URI stream(String query) {
        return URI.create("http://localhost:" + RestAssured.port + "/api/timeline/stream?" + query);
    }

    @Test
    void anArticlesEventReachesTheTimelineAndTheLiveStream() {
        Town town = Town.fresh();
        try (SseClient sse = SseClient.open(stream(at(town)))) {
            await().atMost(WAIT).until(() -> sse.status() == 200);
            // Given one article reporting one strike
            EnrichedArticle a = article("alpha", "2025-06-07T09:00:00Z", List.of(town.place()),
                    event(EventType.MISSILE_STRIKE, "2025-06-07", town.location(), 3, 10,
                            "A missile hit the centre, killing 3.", "Ivan Petrenko"));
            // When the NLP publishes it
            Broker.publish(a);
            // Then it is one single-source event on the timeline
            await().atMost(WAIT).until(() -> timeline(at(town)).getList("items").size() == 1);
            JsonPath page = timeline(at(town));
            assertEquals("MISSILE_STRIKE", page.getString("items[0].type"));
            assertEquals("single-source", page.getString("items[0].status"));
            assertEquals(1, page.getInt("items[0].sourceCount"));
            assertEquals(a.id(), page.getString("items[0].sources[0].articleId"));
            assertTrue(page.getLong("sequence") >= page.getLong("items[0].sequence"));
            // And the live stream carries it with its sequence as id
            await().atMost(WAIT).until(() -> !sse.events().isEmpty());
            SseClient.Message m = sse.events().get(0);
            assertEquals("created", m.event());
            assertEquals(page.getString("items[0].id"), m.json().get("id").asText());
            assertEquals(m.id(), m.json().get("sequence").asText());
            assertEquals(page.getLong("items[0].sequence"), Long.parseLong(m.id()));
        }
    }

    @Test
    void twoOutletsReportingOneStrikeMakeOneCorroboratedEvent() {
        Town town = Town.fresh();
        Broker.publish(article("alpha", "2025-06-07T08:00:00Z", List.of(town.place()),
                event(EventType.MISSILE_STRIKE, "2025-06-07", town.location(), 4, null,
                        "Russian missiles struck the city overnight, killing four.")));
        // A second outlet, other wording, calls it an air strike and places it in a district of the town.
        Broker.publish(article("beta", "2025-06-07T11:00:00Z", List.of(town.place()),
                event(EventType.AIR_STRIKE, "2025-06-07", town.nearby("Old Town district"), 4, 12,
                        "Four people died when a glide bomb hit a district of the city.")));
        // And a strike on the same town three days later is another happening.
        Broker.publish(article("gamma", "2025-06-10T08:00:00Z", List.of(town.place()),
                event(EventType.MISSILE_STRIKE, "2025-06-10", town.location(), 1, null,
                        "Another missile hit the city on Tuesday.")));

        await().atMost(WAIT).until(() -> timeline(at(town)).getList("items").size() == 2
                && timeline(at(town)).getInt("items[0].sourceCount") == 2);
        JsonPath page = timeline(at(town));
        assertEquals("2025-06-07", page.getString("items[0].date"));
        assertEquals("corroborated", page.getString("items[0].status"));
        assertEquals(2, page.getInt("items[0].revision"));
        assertEquals(12, page.getInt("items[0].injured"));
        assertEquals("2025-06-10", page.getString("items[1].date"));
        assertEquals(1, page.getInt("items[1].sourceCount"));

        String id = page.getString("items[0].id");
        given().when().get("/api/events/" + id).then().statusCode(200)
                .body("sources.source", contains("alpha", "beta"))
                .body("revisions.revision", contains(1, 2))
                .body("revisions[1].changes", hasItem(startsWith("source added:")));
    }

    @Test
    void conflictingTollsMakeADisputedEventThatKeepsEachSourcesFigures() {
        Town town = Town.fresh();
        Broker.publish(article("alpha", "2025-05-01T08:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, "2025-05-01", town.location(), 5, null, "Shelling killed five.")));
        // An hour apart: two outlets saying five and seven at the same moment disagree (a toll that
        // rises over the day would be an update, not a dispute).
        Broker.publish(article("beta", "2025-05-01T09:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, "2025-05-01", town.location(), 7, null, "Shelling killed seven.")));

        await().atMost(WAIT).until(() -> timeline(at(town)).getList("items").size() == 1
                && timeline(at(town)).getInt("items[0].sourceCount") == 2);
        JsonPath page = timeline(at(town));
        assertEquals("disputed", page.getString("items[0].status"));
        // The event shows the most recent source's toll; each source keeps its own.
        assertEquals(7, page.getInt("items[0].killed"));
        assertEquals(List.of(5, 7), page.getList("items[0].sources.killed", Integer.class));
        given().when().get("/api/timeline?status=disputed&" + at(town)).then().statusCode(200)
                .body("items", hasSize(1));
        given().when().get("/api/timeline?status=corroborated&" + at(town)).then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void aLateArticleAboutAnOldEventLandsAtItsPlaceInThePast() {
        Town town = Town.fresh();
        Broker.publish(article("alpha", "2024-03-10T08:00:00Z", List.of(town.place()),
                event(EventType.DRONE_STRIKE, "2024-03-10", town.location(), null, 2, "Drones hit a depot.")));
        Broker.publish(article("alpha", "2024-03-12T08:00:00Z", List.of(town.place()),
                event(EventType.PROTEST, "2024-03-12", town.location(), null, null, "Hundreds protested.")));
        await().atMost(WAIT).until(() -> timeline(at(town)).getList("items").size() == 2);
        long before = timeline("").getLong("sequence");

        try (SseClient sse = SseClient.open(stream("since=" + before + "&" + at(town)))) {
            // Published a year later, about a day between the two.
            Broker.publish(article("beta", "2025-03-11T08:00:00Z", List.of(town.place()),
                    event(EventType.DISASTER, "2024-03-11", town.location(), 1, null,
                            "Last year's flood on 11 March killed one.")));
            await().atMost(WAIT).until(() -> timeline(at(town)).getList("items").size() == 3);
            assertEquals(List.of("2024-03-10", "2024-03-11", "2024-03-12"), timeline(at(town)).getList("items.date"));
            await().atMost(WAIT).until(() -> !sse.events().isEmpty());
            JsonNode late = sse.events().get(0).json();
            assertEquals("2024-03-11", late.get("date").asText());
            assertEquals(1, late.get("revision").asInt());
        }
    }

    @Test
    void aClientResumingWithLastEventIdGetsExactlyWhatItMissed() {
        Town town = Town.fresh();
        Broker.publish(article("alpha", "2025-01-05T08:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, "2025-01-05", town.location(), 1, null, "Shelling killed one.")));
        String lastId;
        try (SseClient first = SseClient.open(stream("since=0&" + at(town)))) {
            await().atMost(WAIT).until(() -> first.events().size() == 1);
            lastId = first.events().get(0).id();
        }
        // While the client is away: an update of the event it has, and two new events.
        Broker.publish(article("beta", "2025-01-05T12:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, "2025-01-05", town.location(), 1, null, "One killed in shelling.")));
        Broker.publish(article("alpha", "2025-01-08T08:00:00Z", List.of(town.place()),
                event(EventType.PROTEST, "2025-01-08", town.location(), null, null, "A rally was held.")));
        Broker.publish(article("alpha", "2025-01-09T08:00:00Z", List.of(town.place()),
                event(EventType.CRIME, "2025-01-09", town.location(), null, null, "A bank was robbed.")));
        await().atMost(WAIT).until(() -> timeline(at(town)).getList("items").size() == 3
                && timeline(at(town)).getInt("items[0].sourceCount") == 2);

        try (SseClient resumed = SseClient.open(stream(at(town)), Map.of("Last-Event-ID", lastId))) {
            await().atMost(WAIT).until(() -> resumed.events().size() == 3);
            // Then live, with nothing repeated: a fourth event arrives once.
            Broker.publish(article("alpha", "2025-01-10T08:00:00Z", List.of(town.place()),
                    event(EventType.RIOT, "2025-01-10", town.location(), null, null, "A riot broke out.")));
            await().atMost(WAIT).until(() -> resumed.events().size() == 4);
            List<SseClient.Message> got = resumed.events();
            List<Long> ids = got.stream().map(m -> Long.parseLong(m.id())).toList();
            assertTrue(ids.stream().allMatch(i -> i > Long.parseLong(lastId)), "only what came after " + lastId);
            assertEquals(ids.stream().sorted().distinct().toList(), ids, "in sequence order, each once");
            assertEquals(List.of("updated", "created", "created", "created"), got.stream().map(SseClient.Message::event).toList());
            assertEquals(List.of("SHELLING", "PROTEST", "CRIME", "RIOT"),
                    got.stream().map(m -> m.json().get("type").asText()).toList());
        }
    }

    @Test
    void theStreamIsFramedAsTheDocsShowWithASpaceAfterEachColon() {
        Town town = Town.fresh();
        try (SseClient sse = SseClient.open(stream(at(town)))) {
            await().atMost(WAIT).until(() -> sse.status() == 200);
            Broker.publish(article("alpha", "2025-06-07T09:00:00Z", List.of(town.place()),
                    event(EventType.SHELLING, "2025-06-07", town.location(), null, null, "Shelling hit the centre.")));
            await().atMost(WAIT).until(() -> !sse.events().isEmpty()
                    && sse.messages().stream().anyMatch(m -> m.comment() != null));

            List<String> lines = sse.lines();
            int id = lines.indexOf("id: " + sse.events().get(0).id());
            assertTrue(id >= 0, lines.toString());
            assertEquals("event: created", lines.get(id + 1));
            assertTrue(lines.get(id + 2).startsWith("data: {\""), lines.get(id + 2));
            assertEquals("", lines.get(id + 3), "a blank line ends the message");
            assertTrue(lines.contains(": ping"), lines.toString());
            assertTrue(lines.stream().allMatch(l -> l.isEmpty() || l.matches("(id|event|data)?: .*")), lines.toString());
        }
    }

    @Test
    void theStreamSendsHeartbeats() {
        try (SseClient sse = SseClient.open(stream("place=nowhere-at-all"))) {
            // The test profile sends a ping every second.
            await().atMost(WAIT).until(() -> sse.messages().stream().anyMatch(m -> "ping".equals(m.comment())));
        }
    }

    @Test
    void aReportJoiningTwoEventsMergesThemAndTheMergedAwayIdSaysWhereItWent() {
        Town town = Town.fresh();
        // Offsets in latitude, so the distances hold wherever the random town lies (a degree of longitude
        // shrinks towards the poles): each report is 15.6 km from the town, 31 km from the other.
        var west = new io.newsline.contracts.model.EventLocation("West " + town.name(), town.lat() - 0.14, town.lon(),
                "UA", town.geonameId() + 10, "exact");
        var east = new io.newsline.contracts.model.EventLocation("East " + town.name(), town.lat() + 0.14, town.lon(),
                "UA", town.geonameId() + 11, "exact");
        // Two reports about 31 km apart: too far to be one place by themselves.
        Broker.publish(article("alpha", "2025-02-02T08:00:00Z", List.of(),
                event(EventType.SHELLING, "2025-02-02", west, 2, null, "Shelling in the west.")));
        await().atMost(WAIT).until(() -> timeline("place=" + west.geonameId()).getList("items").size() == 1);
        Broker.publish(article("beta", "2025-02-02T09:00:00Z", List.of(),
                event(EventType.SHELLING, "2025-02-02", east, 2, null, "Shelling in the east.")));
        await().atMost(WAIT).until(() -> timeline("place=" + east.geonameId()).getList("items").size() == 1);
        String westId = timeline("place=" + west.geonameId()).getString("items[0].id");
        String eastId = timeline("place=" + east.geonameId()).getString("items[0].id");
        assertTrue(!westId.equals(eastId));

        // A third outlet places it in between, within reach of both: they were one happening.
        Broker.publish(article("gamma", "2025-02-02T10:00:00Z", List.of(),
                event(EventType.SHELLING, "2025-02-02", town.location(), 2, null, "Shelling hit the town.")));
        await().atMost(WAIT).until(() -> given().get("/api/events/" + eastId).statusCode() == 404);
        given().when().get("/api/events/" + eastId).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:newsline:problem:not-found"))
                .body("mergedInto", equalTo(westId))
                .body("extensions", org.hamcrest.Matchers.nullValue());
        given().when().get("/api/events/" + westId).then().statusCode(200)
                .body("sourceCount", equalTo(3))
                .body("status", equalTo("corroborated"));
    }

    @Test
    void operatorsSeeReadinessMetricsAndTheApiDescription() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newsline_timeline_articles_folded_total"))
                .body(org.hamcrest.Matchers.containsString("newsline_timeline_stream_subscribers"));
        given().when().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/api/timeline/stream"))
                .body(org.hamcrest.Matchers.containsString("/api/events/{id}"));
    }

    @Test
    void anUnknownEventIsA404Problem() {
        given().when().get("/api/events/ev-unknown").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:newsline:problem:not-found"))
                .body("status", equalTo(404)).body("detail", notNullValue());
    }
}
