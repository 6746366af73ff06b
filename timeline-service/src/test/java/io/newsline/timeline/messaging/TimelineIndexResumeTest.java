package io.newsline.timeline.messaging;

import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.model.EventType;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.timeline.domain.TimelineView;
import io.newsline.timeline.index.TimelineIndex;
import io.newsline.timeline.testing.Articles.Town;
import io.newsline.timeline.testing.Broker;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A second instance with an index folder of its own, stopped and started again against the real broker: it reads
 * on from the offset its index remembers, and reads everything again when the index belongs to another topic.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class TimelineIndexResumeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TimelineView running;

    private void publishAndAwait(Town town, String day) {
        Broker.publish(article("alpha", day + "T08:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, day, town.location(), 1, null, "One killed.")));
        await().atMost(WAIT).until(() -> running.events().stream()
                .anyMatch(e -> town.name().equals(e.location().name()) && day.equals(e.date())));
    }

    /** Starts a loader on the index in this folder, lets it catch up with the running instance, and stops it. */
    private static List<Long> catchUp(Path folder, long upTo, String topicIdToPretend) {
        List<Long> applied = new CopyOnWriteArrayList<>();
        try (TimelineView view = new TimelineView(TimelineIndex.open(folder))) {
            if (topicIdToPretend != null) {
                view.checkpoint(view.resumeOffset(), topicIdToPretend);
            }
            view.subscribe(Long.MAX_VALUE, change -> applied.add(change.sequence()));
            TimelineLoader loader = new TimelineLoader(view, Broker.bootstrap(), Topics.TIMELINE);
            loader.start(null);
            try {
                await().atMost(WAIT).until(() -> loader.loaded() && view.lastSequence() >= upTo);
            } finally {
                loader.stop(null);
            }
        }
        return applied;
    }

    @Test
    void aRestartReadsOnFromItsCheckpointAndAnIndexOfAnotherTopicIsRebuilt() throws Exception {
        Town town = Town.fresh();
        Path folder = Files.createTempDirectory("timeline-index-resume");
        publishAndAwait(town, "2025-08-01");
        long first = running.lastSequence();
        assertFalse(catchUp(folder, first, null).isEmpty(), "a new index reads the topic");

        // Given a record written while the second instance was stopped
        publishAndAwait(town, "2025-08-02");
        long second = running.lastSequence();

        // When it starts again on its index, it applies only what came after its checkpoint
        List<Long> resumed = catchUp(folder, second, null);
        assertTrue(resumed.stream().allMatch(s -> s > first), "re-read from before its checkpoint: " + resumed);
        assertTrue(resumed.contains(second));

        // And an index that says it was read from another topic is read again from the first record
        List<Long> rebuilt = catchUp(folder, second, "another-topic-id");
        assertTrue(rebuilt.stream().anyMatch(s -> s <= first), "not rebuilt: " + rebuilt);
        try (TimelineView view = new TimelineView(TimelineIndex.open(folder))) {
            assertEquals(2, view.page(io.newsline.timeline.domain.TimelineFilter.parse(null, null, town.name(), null,
                    null, null, null), null, 10).items().size());
        }
    }
}
