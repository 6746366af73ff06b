package io.newsline.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newsline.contracts.kafka.Json;
import io.newsline.localkafka.KafkaBrokerProcess;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system as a user meets it: broker and the three packaged services as separate processes;
 * an article posted to ingest comes out of the timeline's SSE stream as an event with a person and a
 * geocoded place; a Ukrainian feed polled by ingest and an English article on the same strike become one
 * event with both sources.
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
        // Feeds served by the test itself, on this machine: the private-address guard is off, as ./newsline up has it.
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "NEWSLINE_TOKENS", TOKEN,
                "NEWSLINE_OUTBOUND_REFUSE_PRIVATE_ADDRESSES", "false");
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
    void aUkrainianFeedAndAnEnglishArticleOnOneStrikeBecomeOneEventWithBothSources() throws Exception {
        // Given a Ukrainian city news site whose RSS feed reports a drone strike (the test serves it)
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Міські новини (тест)</title><link>https://misto.example/</link>
                <item><title>Дрон влучив у житловий будинок у Харкові: двоє загиблих</title>
                <link>https://misto.example/news/dron-kharkiv-1</link>
                <pubDate>Wed, 03 Dec 2025 07:40:00 +0000</pubDate>
                <description>&lt;p&gt;Вранці російський ударний дрон влучив у житловий будинок у Харкові. Загинули двоє людей, ще п'ятеро поранені, повідомив міський голова Ігор Терехов.&lt;/p&gt;</description>
                </item></channel></rss>
                """;
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/rss.xml", exchange -> {
            byte[] body = rss.strip().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        try (SseClient stream = new SseClient(timeline.baseUrl() + "/api/timeline/stream?since=0")) {
            // When the feed is added and polled
            String feedUrl = "http://127.0.0.1:" + site.getAddress().getPort() + "/rss.xml";
            HttpResponse<String> added = send("/api/feeds", "{\"name\": \"misto-uk\", \"url\": \"" + feedUrl
                    + "\", \"intervalSeconds\": 3600}");
            assertEquals(201, added.statusCode(), added.body());
            HttpResponse<String> polled = send("/api/feeds/misto-uk/poll", "");
            assertEquals(200, polled.statusCode(), polled.body());
            // Then its article reaches the timeline as an event, read in Ukrainian
            JsonNode fromFeed = await().atMost(Duration.ofSeconds(60)).until(
                    () -> findEventWithSource(stream, "https://misto.example/news/dron-kharkiv-1"), Optional::isPresent)
                    .orElseThrow();
            assertEquals("DRONE_STRIKE", fromFeed.get("type").asText(), fromFeed.toString());
            assertEquals("Kharkiv", fromFeed.path("location").path("name").asText(), fromFeed.toString());
            assertEquals(2, fromFeed.path("killed").asInt(), fromFeed.toString());
            assertEquals("2025-12-03", fromFeed.path("date").asText(), fromFeed.toString());

            // When an English outlet reports the same strike later that morning
            HttpResponse<String> posted = send("/api/articles", """
                    {"title": "Drone hits apartment block in Kharkiv, killing two",
                     "body": "A Russian attack drone struck an apartment block in Kharkiv on Wednesday morning, killing two people and wounding five, Mayor Ihor Terekhov said.",
                     "source": "Newsline end-to-end test (English)",
                     "url": "https://wire.example/kharkiv-drone-2025-12-03",
                     "publishedAt": "2025-12-03T10:15:00Z"}
                    """);
            assertEquals(202, posted.statusCode(), posted.body());
            // Then the timeline shows one event with both sources, each with its headline and language
            JsonNode merged = await().atMost(Duration.ofSeconds(60)).until(
                    () -> findEventWithSource(stream, "https://wire.example/kharkiv-drone-2025-12-03"),
                    e -> e.isPresent() && e.get().path("sourceCount").asInt() == 2).orElseThrow();
            assertEquals(fromFeed.get("id").asText(), merged.get("id").asText(), "one event for one strike: " + merged);
            Map<String, String> languages = new TreeMap<>();
            for (JsonNode source : merged.get("sources")) {
                languages.put(source.path("url").asText(), source.path("language").asText());
                assertFalse(source.path("title").asText().isBlank(), "each source keeps its headline: " + source);
            }
            assertEquals(Map.of("https://misto.example/news/dron-kharkiv-1", "uk",
                    "https://wire.example/kharkiv-drone-2025-12-03", "en"), languages);
        } finally {
            site.stop(0);
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

    private HttpResponse<String> send(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ingest.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The latest state on the stream of the event one of whose sources is the article at {@code url}. */
    private static Optional<JsonNode> findEventWithSource(SseClient stream, String url) throws Exception {
        Optional<JsonNode> latest = Optional.empty();
        for (SseClient.Message m : stream.messages()) {
            JsonNode data = Json.mapper().readTree(m.data());
            for (JsonNode s : data.path("sources")) {
                if (url.equals(s.path("url").asText())) {
                    latest = Optional.of(data);
                }
            }
        }
        return latest;
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
