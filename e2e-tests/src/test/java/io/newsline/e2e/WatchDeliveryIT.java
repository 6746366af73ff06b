package io.newsline.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.localkafka.ReliabilityFigures;
import io.newsline.localkafka.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A watch with a real receiver while articles flow through the three packaged services: the receiver is stopped
 * for 30 s and started again, then timeline-service is killed (SIGKILL) and started again. Every change of the
 * timeline that matches the watch arrives at least once, each signed correctly and keyed by event and revision,
 * and nothing that does not match arrives. Figures go to target/reliability/WatchDeliveryIT.json.
 */
class WatchDeliveryIT {

    private static final String TEST = "WatchDeliveryIT";
    private static final double KHARKIV_LAT = 49.99;
    private static final double KHARKIV_LON = 36.23;
    /** Kharkiv, Poltava and Sumy of the load's cities; Dnipro (about 190 km) and the rest lie further. */
    private static final double RADIUS_KM = 160;
    private static final Duration GENEROUS = Duration.ofMinutes(4);
    private static RunningSystem system;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.start("watch-delivery");
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyMatchingChangeArrivesSignedAcrossAReceiverOutageAndATimelineCrash() throws Exception {
        String secret = "e2e-secret-" + UUID.randomUUID();
        long begin = System.nanoTime();
        try (WebhookReceiver receiver = WebhookReceiver.start(secret);
                SteadyLoad load = new SteadyLoad(system.url(RunningSystem.INGEST), system.token, 4)) {
            // Given a watch on what happens within 160 km of Kharkiv, and articles flowing
            String watch = "near-kharkiv";
            HttpResponse<String> saved = http.send(HttpRequest.newBuilder(
                            URI.create(system.url(RunningSystem.TIMELINE) + "/api/watches"))
                    .header("Authorization", "Bearer " + system.token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + watch + "\", \"filter\": {\"near\": "
                            + "{\"lat\": " + KHARKIV_LAT + ", \"lon\": " + KHARKIV_LON + ", \"km\": " + RADIUS_KM
                            + "}}, \"webhook\": {\"url\": \"" + receiver.url() + "\", \"secret\": \"" + secret + "\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, saved.statusCode(), saved.body());
            load.start();
            await("a first delivery").atMost(GENEROUS).until(() -> !receiver.deliveries().isEmpty());

            // When the receiver is down for 30 s
            receiver.pause();
            int beforeOutage = receiver.deliveries().size();
            Thread.sleep(30_000);
            receiver.resume();
            await("deliveries after the receiver is back").atMost(GENEROUS)
                    .until(() -> receiver.deliveries().size() > beforeOutage);
            long receiverBackAt = System.nanoTime();

            // And timeline-service is killed and started again
            system.kill(RunningSystem.TIMELINE);
            int beforeCrash = receiver.deliveries().size();
            system.startAgain(RunningSystem.TIMELINE);
            system.awaitReady(RunningSystem.TIMELINE);
            await("deliveries after the restart").atMost(GENEROUS).until(() -> receiver.deliveries().size() > beforeCrash);
            Thread.sleep(10_000);
            load.stop();
            int reposted = load.repostUnacknowledged(GENEROUS);

            // Then every change on news.timeline that matches the watch has arrived at least once
            long end = system.awaitSettled(GENEROUS);
            Set<String> expected = new TreeSet<>();
            Set<String> all = new TreeSet<>();
            for (RunningSystem.TimelineRecord r : system.timelineRecords(end)) {
                JsonNode e = r.value();
                if (e.path("removed").asBoolean(false)) {
                    continue;
                }
                String key = e.get("id").asText() + ":" + e.get("revision").asInt();
                all.add(key);
                if (near(e.get("location"))) {
                    expected.add(key);
                }
            }
            await("every matching change at the receiver").atMost(GENEROUS).pollInterval(Duration.ofSeconds(1))
                    .until(() -> keys(receiver).containsAll(expected));
            List<WebhookReceiver.Delivery> got = receiver.deliveries();
            Map<String, Integer> times = new HashMap<>();
            got.forEach(d -> times.merge(d.deliveryId(), 1, Integer::sum));
            long badSignatures = got.stream().filter(d -> !d.signatureValid()).count();
            Set<String> unexpected = new TreeSet<>(keys(receiver));
            unexpected.removeAll(expected);
            // A key that came again came with the same body: the receiver may drop it unread.
            Map<String, String> bodyOf = new HashMap<>();
            long keyWithAnotherBody = got.stream()
                    .filter(d -> !bodyOf.computeIfAbsent(d.deliveryId(), k -> d.body()).equals(d.body())).count();

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("articlesPosted", load.posted().size());
            figures.put("reposted", reposted);
            figures.put("timelineChanges", all.size());
            figures.put("matchingChanges", expected.size());
            figures.put("deliveries", got.size());
            figures.put("deliveredAtLeastOnce", expected.stream().filter(times::containsKey).count());
            figures.put("duplicates", got.size() - times.size());
            figures.put("badSignatures", badSignatures);
            figures.put("repeatedKeyWithAnotherBody", keyWithAnotherBody);
            figures.put("unexpected", unexpected);
            figures.put("receiverBackToRestartSeconds", (System.nanoTime() - receiverBackAt) / 1e9);
            figures.put("testSeconds", (System.nanoTime() - begin) / 1e9);
            ReliabilityFigures.write(TEST, figures);

            assertTrue(expected.size() >= 5, "the load produced matching changes: " + figures);
            assertEquals(0, badSignatures, "no delivery with a bad signature");
            assertEquals(0, keyWithAnotherBody, "a repeated idempotency key carries the same change");
            assertEquals(Set.of(), unexpected, "only matching changes are delivered");
            JsonNode status = io.newsline.contracts.kafka.Json.mapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create(system.url(RunningSystem.TIMELINE) + "/api/watches/" + watch)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(0, status.at("/status/failures").asInt(), "no delivery given up: " + status);
        }
    }

    private static Set<String> keys(WebhookReceiver receiver) {
        Set<String> keys = new TreeSet<>();
        receiver.deliveries().forEach(d -> keys.add(d.deliveryId()));
        return keys;
    }

    /** Great-circle distance from Kharkiv, computed here rather than with the service's own code. */
    private static boolean near(JsonNode location) {
        if (location == null || !location.path("lat").isNumber() || !location.path("lon").isNumber()) {
            return false;
        }
        double p1 = Math.toRadians(KHARKIV_LAT);
        double p2 = Math.toRadians(location.get("lat").asDouble());
        double dp = p2 - p1;
        double dl = Math.toRadians(location.get("lon").asDouble() - KHARKIV_LON);
        double h = Math.pow(Math.sin(dp / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h))) <= RADIUS_KM;
    }
}
