package io.newsline.timeline.messaging;

import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.timeline.domain.EventMerger;
import io.newsline.timeline.domain.TimelineView;
import io.newsline.timeline.testing.Articles.Town;
import io.newsline.timeline.testing.Broker;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The merger with a working set of two events and two article ids (the tests' setting): once an old event has left
 * the working set, a late article about it still joins it, found through the timeline index, and a re-delivered
 * article whose id the merger no longer holds is still recognised.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class MergerWorkingSetTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TimelineView view;

    @Inject
    EventMerger merger;

    @Inject
    MeterRegistry registry;

    private List<TimelineEvent> at(Town town) {
        return view.events().stream().filter(e -> town.name().equals(e.location().name())).toList();
    }

    private void publishAndAwait(EnrichedArticle a, Town town, int sources) {
        Broker.publish(a);
        await().atMost(WAIT).until(() -> at(town).stream().anyMatch(e -> e.sourceCount() == sources));
    }

    private double folded() {
        return registry.get("newsline.timeline.articles.folded").counter().count();
    }

    @Test
    void aLateArticleJoinsAnEventTheWorkingSetNoLongerHolds() {
        Town old = Town.fresh();
        EnrichedArticle first = article("alpha", "2024-05-10T09:00:00Z", List.of(old.place()),
                event(EventType.SHELLING, "2024-05-10", old.location(), 1, null, "One person was killed."));
        publishAndAwait(first, old, 1);
        String id = at(old).get(0).id();

        // Given five newer happenings folded after it, each on the timeline before the next
        for (int i = 0; i < 5; i++) {
            Town other = Town.fresh();
            publishAndAwait(article("alpha", "2025-02-0" + (i + 1) + "T09:00:00Z", List.of(other.place()),
                    event(EventType.DRONE_STRIKE, "2025-02-0" + (i + 1), other.location(), null, 1, "One injured.")),
                    other, 1);
        }
        long evictedBefore = merger.workingSetEvicted();
        assertTrue(evictedBefore >= 4, "the working set of two evicted the older events: " + evictedBefore);
        assertTrue(merger.workingSetSize() <= 3, "at most two, and the last fold's event until the index shows it: "
                + merger.workingSetSize());

        // When another outlet reports the old happening months later
        publishAndAwait(article("bravo", "2024-05-11T07:00:00Z", List.of(old.place()),
                event(EventType.SHELLING, "2024-05-10", old.location(), 2, null, "Two people were killed.")), old, 2);

        // Then it joined the event the merger found in the index
        List<TimelineEvent> events = at(old);
        assertEquals(1, events.size(), "one happening, one event: " + events);
        assertEquals(id, events.get(0).id());
        assertEquals(2, events.get(0).revision());

        // And the first article delivered again (its id long gone from the merger's two) changes nothing
        double before = folded();
        Town marker = Town.fresh();
        Broker.publish(first);
        publishAndAwait(article("charlie", "2025-03-01T09:00:00Z", List.of(marker.place()),
                event(EventType.SHELLING, "2025-03-01", marker.location(), 1, null, "One killed.")), marker, 1);
        await().atMost(WAIT).until(() -> folded() >= before + 2);
        TimelineEvent after = at(old).get(0);
        assertEquals(2, after.revision(), "a re-delivered article is recognised through the index");
        assertEquals(2, after.sourceCount());
    }
}
