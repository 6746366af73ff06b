package io.newsline.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.text.ArticleIds;
import io.newsline.localkafka.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Order(3)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class FeedPollingTest {

    private static final String TOKEN = ArticlesApiTest.TOKEN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ETAG = "\"v1-" + RUN + "\"";

    private static HttpServer server;
    private static final AtomicInteger rssFull = new AtomicInteger();
    private static final AtomicInteger rssNotModified = new AtomicInteger();
    private static final AtomicInteger atomRequests = new AtomicInteger();

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel>
                <title>Local Wire</title>
                <link>http://127.0.0.1/</link>
                <item>
                  <title>Floods in Odesa &amp; Mykolaiv</title>
                  <link>https://wire.example/odesa-%1$s?utm_source=rss</link>
                  <guid isPermaLink="false">odesa-%1$s</guid>
                  <pubDate>Sat, 07 Jun 2025 08:30:00 GMT</pubDate>
                  <description><![CDATA[<p>Heavy rain flooded <b>Odesa</b>.</p><p>Roads closed.</p>]]></description>
                </item>
                <item>
                  <title>Only a GUID %1$s</title>
                  <guid isPermaLink="false">urn:wire:%1$s:2</guid>
                  <pubDate>Sat, 07 Jun 2025 09:00:00 +0200</pubDate>
                  <description>Plain description.</description>
                </item>
              </channel>
            </rss>
            """.formatted(RUN);

    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Atom Desk</title>
              <entry>
                <title type="html">Talks in Geneva %1$s</title>
                <link rel="alternate" href="https://atom.example/geneva-%1$s"/>
                <link rel="self" href="https://atom.example/self"/>
                <id>tag:atom.example,2025:%1$s</id>
                <updated>2025-06-08T12:00:00Z</updated>
                <content type="html">&lt;p&gt;Delegations met.&lt;/p&gt;</content>
              </entry>
            </feed>
            """.formatted(RUN);

    @BeforeAll
    static void serveFeeds() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rss.xml", exchange -> {
            if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                rssNotModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            rssFull.incrementAndGet();
            exchange.getResponseHeaders().add("ETag", ETAG);
            send(exchange, 200, "application/rss+xml", RSS);
        });
        server.createContext("/atom.xml", exchange -> {
            atomRequests.incrementAndGet();
            send(exchange, 200, "application/atom+xml", ATOM);
        });
        server.createContext("/slow.xml", exchange -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/broken.xml", exchange -> send(exchange, 200, "text/html", "<html>not a feed"));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void addFeed(String name, String path, int intervalSeconds) {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"url\": \"" + url(path) + "\", \"intervalSeconds\": " + intervalSeconds + "}")
                .post("/api/feeds")
                .then().statusCode(201).body("name", equalTo(name)).body("origin", equalTo("api"));
    }

    @Test
    void feedsArePolledWithConditionalGetAndTheirItemsPublishedOnce() throws Exception {
        // A slow and a broken feed alongside: they must not hold up the good ones.
        addFeed("slow-" + RUN, "/slow.xml", 1);
        addFeed("broken-" + RUN, "/broken.xml", 1);
        addFeed("rss-" + RUN, "/rss.xml", 1);
        addFeed("atom-" + RUN, "/atom.xml", 1);

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/feeds/rss-" + RUN).then().statusCode(200)
                        .body("itemsAccepted", equalTo(2))
                        .body("notModified", greaterThanOrEqualTo(2))
                        .body("lastHttpStatus", equalTo(304))
                        .body("lastError", equalTo(null)));
        assertEquals(1, rssFull.get(), "after the first fetch the feed is only asked conditionally");
        assertTrue(rssNotModified.get() >= 2);

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/feeds/atom-" + RUN).then()
                        .body("itemsAccepted", equalTo(1)).body("itemsDuplicate", greaterThanOrEqualTo(1)));
        given().get("/api/feeds/broken-" + RUN).then()
                .body("lastError", notNullValue()).body("failures", greaterThanOrEqualTo(1));
        given().get("/api/feeds").then().statusCode(200)
                .body("name", hasItem("rss-" + RUN))
                .body("find { it.name == 'unreachable' }.origin", equalTo("config"))
                .body("find { it.name == 'unreachable' }.lastError", notNullValue());

        String linkId = ArticleIds.derive("https://wire.example/odesa-" + RUN, null, null);
        List<String> values = KafkaTopics.valuesWithKey(Topics.ARTICLES_RAW, linkId);
        assertEquals(1, values.size());
        JsonNode article = Json.mapper().readTree(values.get(0));
        assertEquals("Floods in Odesa & Mykolaiv", article.get("title").asText());
        assertEquals("Heavy rain flooded Odesa.\n\nRoads closed.", article.get("body").asText());
        assertEquals("2025-06-07T08:30:00Z", article.get("publishedAt").asText());
        assertEquals("Local Wire", article.get("source").asText());

        String atomId = ArticleIds.derive("https://atom.example/geneva-" + RUN, null, null);
        JsonNode entry = Json.mapper().readTree(KafkaTopics.valuesWithKey(Topics.ARTICLES_RAW, atomId).get(0));
        assertEquals("Delegations met.", entry.get("body").asText());
        assertEquals("2025-06-08T12:00:00Z", entry.get("publishedAt").asText());

        boolean guidOnly = KafkaTopics.readAll(Topics.ARTICLES_RAW).stream()
                .anyMatch(r -> r.key().startsWith("g-") && r.value().contains("Only a GUID " + RUN));
        assertTrue(guidOnly, "an item without link gets its id from its GUID");

        for (String name : List.of("slow-", "broken-", "rss-", "atom-")) {
            given().auth().oauth2(TOKEN).delete("/api/feeds/" + name + RUN).then().statusCode(204);
        }
        given().get("/api/feeds/rss-" + RUN).then().statusCode(404);
    }

    @Test
    void apiFeedsAreKeptOnTheirCompactedTopic() {
        String name = "kept-" + RUN;
        addFeed(name, "/atom.xml", 3600);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                KafkaTopics.valuesWithKey(Topics.INGEST_FEEDS, name).stream().anyMatch(v -> v != null && v.contains("atom.xml")));
        given().auth().oauth2(TOKEN).delete("/api/feeds/" + name).then().statusCode(204);
        List<String> values = KafkaTopics.valuesWithKey(Topics.INGEST_FEEDS, name);
        assertEquals(null, values.get(values.size() - 1), "a deleted feed leaves a tombstone");
    }

    @Test
    void pollingNowAnswersWithWhatThatPollFound() {
        // Given a feed polled once when it was added, then only hourly
        String name = "now-" + RUN;
        addFeed(name, "/broken.xml", 3600);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/feeds/" + name).then().body("polls", equalTo(1)));

        // When the operator polls it now, the answer is the status after that poll
        given().auth().oauth2(TOKEN).post("/api/feeds/" + name + "/poll")
                .then().statusCode(200)
                .body("polls", equalTo(2))
                .body("failures", equalTo(2))
                .body("lastError", notNullValue());

        given().auth().oauth2(TOKEN).post("/api/feeds/no-such-feed/poll").then().statusCode(404)
                .body("type", equalTo("urn:newsline:problem:not-found"));
        given().auth().oauth2(TOKEN).delete("/api/feeds/" + name).then().statusCode(204);
    }

    @Test
    void badFeedDefinitionsAndConfiguredFeedsAreRefused() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("{\"name\": \"Bad Name\", \"url\": \"file:///etc/passwd\", \"intervalSeconds\": 0}")
                .post("/api/feeds")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "url", "intervalSeconds"));
        given().auth().oauth2(TOKEN).delete("/api/feeds/unreachable").then().statusCode(409);
        given().auth().oauth2(TOKEN).delete("/api/feeds/no-such-feed").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").post("/api/feeds").then().statusCode(401);
        given().delete("/api/feeds/unreachable").then().statusCode(401);
    }
}
