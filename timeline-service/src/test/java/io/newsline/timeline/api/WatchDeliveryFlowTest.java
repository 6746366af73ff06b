package io.newsline.timeline.api;

import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.EventType;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.localkafka.WebhookReceiver;
import io.newsline.timeline.testing.Articles.Town;
import io.newsline.timeline.testing.Broker;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Watches against a real receiver on this machine while articles flow through the real broker: what arrives,
 * signed and keyed, what a receiver that goes down gets once it is back, and the watch's Atom feed.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class WatchDeliveryFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final String secret = "receiver-secret-" + UUID.randomUUID();

    private String saveWatch(String name, String url, String filter) {
        given().auth().oauth2(WatchesApiTest.TOKEN).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"filter\": " + filter + ", \"webhook\": {\"url\": \"" + url
                        + "\", \"secret\": \"" + secret + "\"}}")
                .post("/api/watches").then().statusCode(201);
        return name;
    }

    private static JsonPath status(String name) {
        return given().get("/api/watches/" + name).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyMatchingChangeArrivesSignedAndKeyedAndNothingElse() throws Exception {
        Town town = Town.fresh();
        Town elsewhere = Town.fresh();
        try (WebhookReceiver receiver = WebhookReceiver.start(secret)) {
            // Given a watch on strikes within 20 km of a town
            String name = saveWatch("near-" + UUID.randomUUID().toString().substring(0, 8), receiver.url(),
                    "{\"type\": [\"shelling\", \"air_strike\"], \"near\": {\"lat\": " + town.lat() + ", \"lon\": "
                            + town.lon() + ", \"km\": 20}}");

            // When a strike there is reported, then reported again by a second outlet with a toll,
            // and a protest there and a strike elsewhere are reported too
            Broker.publish(article("alpha", "2025-05-01T08:00:00Z", List.of(town.place()),
                    event(EventType.SHELLING, "2025-05-01", town.location(), null, 2, "Shelling hit the town.")));
            Broker.publish(article("beta", "2025-05-01T09:00:00Z", List.of(town.place()),
                    event(EventType.SHELLING, "2025-05-01", town.location(), 1, 2, "One person died in the shelling.")));
            Broker.publish(article("alpha", "2025-05-02T08:00:00Z", List.of(town.place()),
                    event(EventType.PROTEST, "2025-05-02", town.location(), null, null, "People protested.")));
            Broker.publish(article("gamma", "2025-05-01T08:00:00Z", List.of(elsewhere.place()),
                    event(EventType.SHELLING, "2025-05-01", elsewhere.location(), null, 1, "Shelling elsewhere.")));

            // Then the receiver gets the strike's two revisions, in order, and nothing else
            await().atMost(WAIT).until(() -> status(name).getInt("status.delivered") == 2);
            String eventId = given().get("/api/timeline?place=" + town.name() + "&type=shelling").then()
                    .extract().jsonPath().getString("items[0].id");
            List<WebhookReceiver.Delivery> got = receiver.deliveries();
            assertEquals(List.of(eventId + ":1", eventId + ":2"), got.stream().map(WebhookReceiver.Delivery::deliveryId)
                    .toList());
            assertTrue(got.stream().allMatch(WebhookReceiver.Delivery::signatureValid), "every signature checks out");
            JsonNode created = got.get(0).json();
            JsonNode updated = got.get(1).json();
            assertEquals(name, created.get("watch").asText());
            assertEquals("created", created.get("change").asText());
            assertEquals("updated", updated.get("change").asText());
            assertEquals(1, updated.at("/event/killed").asInt());
            assertEquals(2, updated.at("/event/sourceCount").asInt());
            JsonNode served = Json.mapper().readTree(given().get("/api/events/" + eventId).asString());
            assertEquals(served.get("sequence").asLong(), updated.at("/event/sequence").asLong(),
                    "the delivered revision is the one the timeline serves");

            // And the watch's status says so
            JsonPath s = status(name);
            assertEquals(eventId + ":2", s.getString("status.lastDelivery"));
            assertEquals(200, s.getInt("status.lastStatus"));
            assertEquals(0, s.getInt("status.pending"));
            assertEquals(0, s.getInt("status.failures"));

            // And its Atom feed has the event, for feed readers
            String atom = given().get("/api/watches/" + name + "/feed.atom").then().statusCode(200)
                    .contentType("application/atom+xml").extract().asString();
            Document feed = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
            NodeList entries = feed.getElementsByTagName("entry");
            assertEquals(1, entries.getLength(), atom);
            assertEquals("urn:newsline:event:" + eventId, text((Element) entries.item(0), "id"));
            assertTrue(text((Element) entries.item(0), "summary").contains("1 killed, 2 injured"), atom);
        }
    }

    @Test
    void aReceiverThatIsDownGetsEveryChangeOnceItIsBackAndTheStatusShowsTheFailures() {
        Town town = Town.fresh();
        try (WebhookReceiver receiver = WebhookReceiver.start(secret)) {
            String name = saveWatch("down-" + UUID.randomUUID().toString().substring(0, 8), receiver.url(),
                    "{\"place\": \"" + town.name() + "\"}");
            // Given the receiver is down
            receiver.pause();

            // When changes happen meanwhile
            List<String> reported = new ArrayList<>();
            for (int day = 1; day <= 4; day++) {
                Broker.publish(article("alpha", "2025-06-0" + day + "T08:00:00Z", List.of(town.place()),
                        event(EventType.DRONE_STRIKE, "2025-06-0" + day, town.location(), null, day, "Drones struck.")));
                reported.add("2025-06-0" + day);
            }

            // Then the watch shows them pending and its attempts failing
            await().atMost(WAIT).until(() -> status(name).getInt("status.pending") == reported.size()
                    && status(name).getString("status.failingSince") != null);
            JsonPath failing = status(name);
            assertEquals("connection refused", failing.getString("status.lastError"));
            assertNotNull(failing.getString("status.nextAttemptAt"));

            // And once the receiver is back, every change arrives, with valid signatures, in the timeline's order
            receiver.resume();
            await().atMost(WAIT).until(() -> status(name).getInt("status.delivered") == reported.size());
            List<WebhookReceiver.Delivery> got = receiver.deliveries();
            Set<String> keys = got.stream().map(WebhookReceiver.Delivery::deliveryId).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(reported.size(), keys.size(), "each change at least once: " + keys);
            assertTrue(got.stream().allMatch(WebhookReceiver.Delivery::signatureValid));
            // The articles sit on different partitions of the enriched topic, so the timeline may fold them in
            // another order than they were published: its feed sequence is the order deliveries keep.
            Set<String> seen = new HashSet<>();
            List<JsonNode> firstArrivals = got.stream().filter(d -> seen.add(d.deliveryId()))
                    .map(WebhookReceiver.Delivery::json).toList();
            List<Long> sequences = firstArrivals.stream().map(j -> j.at("/event/sequence").asLong()).toList();
            assertEquals(sequences.stream().sorted().toList(), sequences, "in the timeline's order");
            assertEquals(new TreeSet<>(reported), firstArrivals.stream().map(j -> j.at("/event/date").asText())
                    .collect(Collectors.toCollection(TreeSet::new)));
            JsonPath back = status(name);
            assertEquals(0, back.getInt("status.pending"));
            assertEquals(null, back.getString("status.failingSince"));
        }
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }
}
