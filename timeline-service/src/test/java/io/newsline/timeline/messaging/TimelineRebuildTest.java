package io.newsline.timeline.messaging;

import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.timeline.domain.EventMerger;
import io.newsline.timeline.domain.MergeRule;
import io.newsline.timeline.domain.TimelineView;
import io.newsline.timeline.testing.Articles.Town;
import io.newsline.timeline.testing.Broker;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a restarted instance does: rebuild the timeline from news.timeline alone, same events, same sequence. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class TimelineRebuildTest {

    @Inject
    TimelineView running;

    @Test
    void aNewInstanceRebuildsTheSameTimelineAndItsMergerFoldsNothingTwice() throws Exception {
        Town town = Town.fresh();
        EnrichedArticle first = article("alpha", "2025-03-01T08:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, "2025-03-01", town.location(), 2, null, "Two killed."));
        Broker.publish(first);
        Broker.publish(article("beta", "2025-03-01T09:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, "2025-03-01", town.location(), 3, null, "Three killed.")));
        await().atMost(Duration.ofSeconds(30)).until(() -> running.events().stream()
                .anyMatch(e -> town.name().equals(e.location().name()) && e.sourceCount() == 2));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        // Given a second instance that starts now, with only the broker in common
        TimelineView rebuilt = new TimelineView();
        TimelineLoader loader = new TimelineLoader(rebuilt, Broker.bootstrap(), Topics.TIMELINE);
        loader.start(null);
        try {
            await().atMost(Duration.ofSeconds(30)).until(loader::loaded);
            long sequence = running.lastSequence();
            await().atMost(Duration.ofSeconds(30)).until(() -> rebuilt.lastSequence() >= sequence);

            // Then it holds every event at the same sequence and revision
            for (TimelineEvent e : running.events()) {
                TimelineEvent copy = rebuilt.event(e.id()).orElseThrow();
                assertEquals(e.sequence(), copy.sequence());
                assertEquals(e.revision(), copy.revision());
                assertEquals(e.sources(), copy.sources());
            }
            // And a merger starting from it recognises an article already folded
            EventMerger merger = new EventMerger(MergeRule.DEFAULT, Clock.systemUTC(), true);
            merger.reset(rebuilt.events());
            assertTrue(merger.fold(first).isEmpty());
        } finally {
            loader.stop(null);
        }
    }
}
