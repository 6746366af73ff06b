package io.newsline.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.localkafka.KafkaBrokerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system as a user meets it: broker and the three packaged services as separate processes;
 * an article posted to ingest comes out of the timeline's SSE stream as an event with a person and a
 * geocoded place.
 */
class PostToTimelineIT {

    private static final String TOKEN = "e2e-" + Long.toHexString(System.nanoTime());
    private static KafkaBrokerProcess broker;
    private static ServiceProcess ingest;
    private static ServiceProcess nlp;
    private static ServiceProcess timeline;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSystem() throws Exception {
        broker = KafkaBrokerProcess.startFresh();
        Path logs = Files.createDirectories(ServiceProcess.repositoryRoot().resolve("e2e-tests/target/e2e-logs"));
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "NEWSLINE_TOKENS", TOKEN);
        ingest = ServiceProcess.start("ingest-service", KafkaBrokerProcess.freePort(), env, logs);
        nlp = ServiceProcess.start("nlp-service", KafkaBrokerProcess.freePort(), env, logs);
        timeline = ServiceProcess.start("timeline-service", KafkaBrokerProcess.freePort(), env, logs);
        for (ServiceProcess s : new ServiceProcess[] {ingest, nlp, timeline}) {
            s.awaitReady(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stopSystem() {
        for (AutoCloseable c : new AutoCloseable[] {timeline, nlp, ingest, broker}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep stopping the others
            }
        }
    }

    @Test
    void postedArticleArrivesOnTheStreamWithAPersonAndAGeocodedPlace() throws Exception {
        // Given a subscriber that replays from the start of the feed
        try (SseClient stream = new SseClient(timeline.baseUrl() + "/api/timeline/stream?since=0")) {
            // When a feed operator posts an article
            String article = """
                    {"title": "Shelling damages school in Kharkiv",
                     "body": "Russian artillery shelled a school in Kharkiv on Monday morning, injuring two teachers, Mayor Ihor Terekhov said. Firefighters put out the blaze within an hour.",
                     "source": "Newsline end-to-end test",
                     "publishedAt": "2025-04-15T10:00:00Z"}
                    """;
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(ingest.baseUrl() + "/api/articles"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(article)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, posted.statusCode(), posted.body());
            String articleId = Json.mapper().readTree(posted.body()).get("id").asText();
            assertFalse(articleId.isBlank());

            // Then its event comes out of the stream, enriched, with an id that is its sequence
            JsonNode event = await().atMost(Duration.ofSeconds(60)).until(
                    () -> findEventFor(stream, articleId), Optional::isPresent).orElseThrow();
            assertTrue(event.get("sequence").asLong() >= 1);
            assertTrue(StreamSupport.stream(event.get("entities").spliterator(), false)
                    .anyMatch(e -> e.asText().contains("Terekhov")), "the mayor is among the entities: " + event);
            JsonNode location = event.get("location");
            assertNotNull(location, "the event has a place: " + event);
            assertEquals("Kharkiv", location.get("name").asText());
            assertEquals(49.98, location.get("lat").asDouble(), 0.2);
            assertEquals(36.25, location.get("lon").asDouble(), 0.2);
        }
    }

    @Test
    void malformedArticleIsRefusedWithAProblemNamingTheField() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ingest.baseUrl() + "/api/articles"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"\", \"body\": \"text\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(r.body().contains("title"), r.body());
    }

    private static Optional<JsonNode> findEventFor(SseClient stream, String articleId) throws Exception {
        for (SseClient.Message m : stream.messages()) {
            JsonNode data = Json.mapper().readTree(m.data());
            JsonNode sources = data.get("sources");
            if (sources == null) {
                continue;
            }
            for (JsonNode s : sources) {
                if (articleId.equals(s.path("articleId").asText())) {
                    assertEquals(m.id(), data.get("sequence").asText(), "the SSE id is the event's sequence");
                    return Optional.of(data);
                }
            }
        }
        return Optional.empty();
    }
}
