package io.newsline.timeline.watch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.TimelineEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One watch's deliveries against a receiver the test answers for, on a clock the test moves. */
class WatchDeliveryTest {

    private static final String SECRET = "sixteen-or-more-characters";
    private static final Duration RETRY_FOR = Duration.ofMinutes(10);

    /** What the receiver got, and what it answers. */
    private static final class Receiver implements WebhookClient {
        record Post(String key, String body, String signature) {}

        final List<Post> posts = new CopyOnWriteArrayList<>();
        volatile Function<String, CompletableFuture<Attempt>> answer =
                key -> CompletableFuture.completedFuture(new Attempt(200, null));

        @Override
        public CompletableFuture<Attempt> post(Webhook webhook, String deliveryId, byte[] body, String signature) {
            posts.add(new Post(deliveryId, new String(body, StandardCharsets.UTF_8), signature));
            return answer.apply(deliveryId);
        }

        List<String> keys() {
            return posts.stream().map(Post::key).toList();
        }
    }

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2025-05-01T09:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final Map<Long, TimelineEvent> feed = new ConcurrentHashMap<>();
    private final ChangeLog changes = new ChangeLog() {
        @Override
        public List<TimelineEvent> after(long sequence, int max) {
            return feed.values().stream().filter(e -> e.sequence() > sequence).limit(max).toList();
        }

        @Override
        public TimelineEvent at(long sequence) {
            return feed.get(sequence);
        }
    };
    private final Receiver receiver = new Receiver();
    private final TestClock clock = new TestClock();
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Watch watch = new Watch("testford-strikes", new WatchFilter(null, null, null, null, null, null, null,
            null, null), new Webhook("http://127.0.0.1:9/hook", SECRET), "2025-05-01T08:00:00Z", 0);

    @AfterEach
    void stopThreads() {
        work.shutdownNow();
        timer.shutdownNow();
    }

    private WatchDelivery delivery(DeliveryStatus from) {
        Backoff quick = new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), () -> 0.5);
        return new WatchDelivery(watch, from, changes, receiver, WatchDeliveryTest::body,
                new WatchDelivery.Settings(quick, RETRY_FOR, clock, work, timer));
    }

    private static byte[] body(String watch, String change, TimelineEvent event) {
        return Json.mapper().createObjectNode().put("watch", watch).put("change", change)
                .set("event", Json.mapper().valueToTree(event)).toString().getBytes(StandardCharsets.UTF_8);
    }

    private void onFeed(TimelineEvent e) {
        feed.put(e.sequence(), e);
    }

    @Test
    void changesArriveInFeedOrderSignedAndKeyedByEventAndRevision() throws Exception {
        // Given three changes on the feed that match the watch
        onFeed(TestEvents.event("ev-a", 1, 3, "SHELLING", 50, 36, null));
        onFeed(TestEvents.event("ev-b", 1, 5, "AIR_STRIKE", 50, 36, 2));
        onFeed(TestEvents.event("ev-a", 2, 8, "SHELLING", 50, 36, 1));
        WatchDelivery d = delivery(DeliveryStatus.startingAt(2));

        // When the dispatcher offers them
        for (long s : new long[] {3, 5, 8}) {
            d.offer(s);
        }
        d.scanned(9);

        // Then the receiver gets each once, in order, with the idempotency key and a valid signature
        await().atMost(Duration.ofSeconds(10)).until(() -> d.status().delivered() == 3);
        assertEquals(List.of("ev-a:1", "ev-b:1", "ev-a:2"), receiver.keys());
        for (Receiver.Post p : receiver.posts) {
            assertEquals("sha256=" + hmac(p.body()), p.signature());
        }
        JsonNode first = Json.mapper().readTree(receiver.posts.get(0).body());
        assertEquals("testford-strikes", first.get("watch").asText());
        assertEquals("created", first.get("change").asText());
        assertEquals(3, first.get("event").get("sequence").asLong());
        assertEquals("updated", Json.mapper().readTree(receiver.posts.get(2).body()).get("change").asText());
        DeliveryStatus s = d.status();
        assertEquals(9, s.position(), "every change up to the scanned sequence is settled");
        assertEquals(0, s.pending());
        assertEquals("ev-a:2", s.lastDelivery());
        assertEquals(200, s.lastStatus());
        assertNull(s.failingSince());
    }

    @Test
    void aFailingReceiverIsRetriedWithTheSameKeyAndLaterChangesWait() {
        onFeed(TestEvents.event("ev-a", 1, 1, "SHELLING", 50, 36, null));
        onFeed(TestEvents.event("ev-b", 1, 2, "SHELLING", 50, 36, null));
        List<String> answered = new CopyOnWriteArrayList<>();
        receiver.answer = key -> {
            answered.add(key);
            int status = answered.size() <= 3 ? 503 : 200;
            return CompletableFuture.completedFuture(new WebhookClient.Attempt(status, null));
        };
        WatchDelivery d = delivery(DeliveryStatus.startingAt(0));

        d.offer(1);
        d.offer(2);

        await().atMost(Duration.ofSeconds(10)).until(() -> d.status().delivered() == 2);
        assertEquals(List.of("ev-a:1", "ev-a:1", "ev-a:1", "ev-a:1", "ev-b:1"), receiver.keys(),
                "retried until it answered, and only then the next change");
        assertEquals(0, d.status().failures());
        assertNull(d.status().failingSince(), "a 2xx ends the failing spell");
    }

    @Test
    void afterTheRetryWindowAChangeIsRecordedAsFailedAndTheNextGetsOneAttempt() {
        // Given a receiver that answers with an error
        onFeed(TestEvents.event("ev-a", 1, 1, "SHELLING", 50, 36, null));
        onFeed(TestEvents.event("ev-b", 1, 2, "SHELLING", 50, 36, null));
        onFeed(TestEvents.event("ev-c", 1, 3, "SHELLING", 50, 36, null));
        CompletableFuture<WebhookClient.Attempt> hang = new CompletableFuture<>();
        receiver.answer = key -> receiver.posts.size() == 1
                ? CompletableFuture.completedFuture(new WebhookClient.Attempt(500, null)) : hang;
        WatchDelivery d = delivery(DeliveryStatus.startingAt(0));
        d.offer(1);
        d.offer(2);
        d.offer(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.posts.size() == 2);
        DeliveryStatus failing = d.status();
        assertEquals(500, failing.lastStatus());
        assertEquals("HTTP 500", failing.lastError());
        assertNotNull(failing.failingSince());
        assertEquals(0, failing.position(), "nothing settled yet");
        assertEquals(3, failing.pending());

        // When the receiver has failed for the whole window (the hanging attempt ends in a timeout)
        clock.now = clock.now.plus(RETRY_FOR).plusSeconds(1);
        CompletableFuture<WebhookClient.Attempt> third = new CompletableFuture<>();
        receiver.answer = key -> key.equals("ev-c:1") ? third
                : CompletableFuture.completedFuture(new WebhookClient.Attempt(null, "connection refused"));
        hang.complete(new WebhookClient.Attempt(null, "no answer within 10000 ms"));

        // Then that change is recorded as failed, the next one fails after a single attempt, ...
        await().atMost(Duration.ofSeconds(10)).until(() -> d.status().failures() == 2);
        assertEquals(List.of("ev-a:1", "ev-a:1", "ev-b:1"), receiver.keys().subList(0, 3));
        DeliveryStatus after = d.status();
        assertEquals(List.of("ev-a:1", "ev-b:1"), after.recentFailures().stream().map(DeliveryStatus.Failure::delivery)
                .toList());
        assertEquals(2, after.recentFailures().get(0).attempts());
        assertEquals("connection refused", after.recentFailures().get(1).reason());

        // ... and once the receiver answers again, the rest is delivered
        third.complete(new WebhookClient.Attempt(204, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> d.status().delivered() == 1);
        assertEquals(3, d.status().position());
        assertNull(d.status().failingSince());
    }

    @Test
    void theChangeInFlightWhenStoppedIsDeliveredAgainByTheNextDeliverer() {
        onFeed(TestEvents.event("ev-a", 1, 4, "SHELLING", 50, 36, null));
        onFeed(TestEvents.event("ev-b", 1, 6, "SHELLING", 50, 36, null));
        receiver.answer = key -> key.equals("ev-a:1") ? CompletableFuture.completedFuture(new WebhookClient.Attempt(200, null))
                : new CompletableFuture<>();
        WatchDelivery first = delivery(DeliveryStatus.startingAt(3));
        first.offer(4);
        first.offer(6);
        first.scanned(7);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.posts.size() == 2);

        first.stop();
        DeliveryStatus handedOver = first.status();
        assertEquals(5, handedOver.position(), "ev-b is in flight: the position stays before it");

        receiver.answer = key -> CompletableFuture.completedFuture(new WebhookClient.Attempt(200, null));
        WatchDelivery next = delivery(handedOver);
        next.offer(4);
        next.offer(6);
        next.scanned(7);
        await().atMost(Duration.ofSeconds(10)).until(() -> next.status().position() == 7);
        assertEquals(List.of("ev-a:1", "ev-b:1", "ev-b:1"), receiver.keys(),
                "ev-a once, ev-b twice under one idempotency key");
        assertEquals(2, next.status().delivered(), "counts carry over");
    }

    @Test
    void aChangeNoLongerOnTheFeedIsPassedOver() {
        onFeed(TestEvents.event("ev-a", 2, 9, "SHELLING", 50, 36, null));
        WatchDelivery d = delivery(DeliveryStatus.startingAt(0));

        d.offer(5); // compacted away: ev-a's revision 2 at 9 followed
        d.offer(9);

        await().atMost(Duration.ofSeconds(10)).until(() -> d.status().position() == 9);
        assertEquals(List.of("ev-a:2"), receiver.keys());
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
