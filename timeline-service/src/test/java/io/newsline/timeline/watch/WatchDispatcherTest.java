package io.newsline.timeline.watch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.KnownRegions;
import io.newsline.timeline.domain.TimelineFilter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed matched once for many watches, each getting only its changes, in order, from its own position. */
class WatchDispatcherTest {

    private final ConcurrentSkipListMap<Long, TimelineEvent> feed = new ConcurrentSkipListMap<>();
    private final ChangeLog changes = new ChangeLog() {
        @Override
        public List<TimelineEvent> after(long sequence, int max) {
            return feed.tailMap(sequence, false).values().stream().limit(max).toList();
        }

        @Override
        public TimelineEvent at(long sequence) {
            return feed.get(sequence);
        }
    };
    /** Keys each watch's receiver got, by watch name. */
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopThreads() {
        work.shutdownNow();
        timer.shutdownNow();
    }

    private WatchDelivery watching(String name, WatchFilter filter, long from) {
        Watch w = new Watch(name, filter, new Webhook("http://127.0.0.1:9/" + name, "sixteen-or-more-characters"),
                "2025-05-01T08:00:00Z", from);
        WebhookClient client = (hook, key, body, sig) -> {
            received.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(key);
            return CompletableFuture.completedFuture(new WebhookClient.Attempt(200, null));
        };
        return new WatchDelivery(w, DeliveryStatus.startingAt(from), changes, client, (a, b, c) -> new byte[0],
                new WatchDelivery.Settings(new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), () -> 0.5),
                        Duration.ofMinutes(1), Clock.systemUTC(), work, timer));
    }

    private static WatchFilter near(double lat, double lon, double km) {
        return new WatchFilter(null, null, null, null, null, null, null, new TimelineFilter.Near(lat, lon, km), null);
    }

    private void publish(TimelineEvent e, WatchDispatcher d) {
        feed.put(e.sequence(), e);
        d.signal();
    }

    @Test
    void eachWatchGetsItsMatchingChangesOnceInOrderAndALateOneCatchesUp() {
        WatchDelivery north = watching("north", near(50.0, 36.0, 30), 0);
        WatchDelivery deadly = watching("deadly", new WatchFilter(null, null, null, null, null, null, null, null, 3), 2);
        try (WatchDispatcher d = new WatchDispatcher(changes, new KnownRegions(), List.of(north, deadly))) {
            d.start();
            publish(TestEvents.event("ev-1", 1, 1, "SHELLING", 50.1, 36.1, 5), d);
            publish(TestEvents.event("ev-2", 1, 2, "SHELLING", 46.5, 30.7, 4), d);
            publish(TestEvents.event("ev-1", 2, 3, "SHELLING", 50.1, 36.1, 1), d);
            publish(TestEvents.event("ev-3", 1, 4, "AIR_STRIKE", 46.5, 30.7, 7), d);

            await().atMost(Duration.ofSeconds(10)).until(() -> d.dispatchedTo() == 4 && north.position() == 4
                    && deadly.position() == 4);
            assertEquals(List.of("ev-1:1", "ev-1:2"), received.get("north"));
            assertEquals(List.of("ev-3:1"), received.get("deadly"), "ev-1:1 and ev-2 came before it started at 2");

            // A watch saved while the feed was at 1 joins after the dispatcher passed 4: it gets 2 to 4, in order
            WatchDelivery south = watching("south", near(46.5, 30.7, 30), 1);
            d.add(south);
            publish(TestEvents.event("ev-4", 1, 5, "SHELLING", 46.5, 30.7, null), d);
            await().atMost(Duration.ofSeconds(10)).until(() -> south.position() == 5);
            assertEquals(List.of("ev-2:1", "ev-3:1", "ev-4:1"), received.get("south"));

            // A removed watch gets nothing more
            d.remove("north");
            publish(TestEvents.event("ev-5", 1, 6, "SHELLING", 50.0, 36.0, null), d);
            await().atMost(Duration.ofSeconds(10)).until(() -> south.position() == 6);
            assertEquals(List.of("ev-1:1", "ev-1:2"), received.get("north"));
        }
    }
}
