package io.newsline.timeline.domain;

import static io.newsline.timeline.domain.Events.article;
import static io.newsline.timeline.domain.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An article leads with its newest happening; older ones it dates well before it appeared are background. */
class RecollectionTest {

    private static final EventLocation CITY = new EventLocation("Verkhnia Dolyna", 48.10, 33.20, "UA", 9100001L,
            Place.EXACT, "Dolyna Oblast");

    private final EventMerger merger = new EventMerger(MergeRule.DEFAULT,
            Clock.fixed(Instant.parse("2025-06-20T00:00:00Z"), ZoneOffset.UTC), false);
    private final TimelineView view = new TimelineView();
    private long sequence;

    private void fold(io.newsline.contracts.model.EnrichedArticle a) {
        merger.fold(a).forEach(r -> view.apply(++sequence, r));
    }

    private List<TimelineEvent> timeline() {
        return view.page(TimelineFilter.NONE, null, 1000).items();
    }

    @Test
    void anOlderHappeningAnArticleRecallsBesideItsNewsIsAReferenceOnItsEventNotASource() {
        fold(article("depot", "Kyiv Wire", "2025-06-05T15:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-05", CITY, 4, "Missiles hit a fuel depot.")));

        fold(article("school", "Dolyna Post", "2025-06-07T09:00:00Z",
                event(EventType.AIR_STRIKE, "2025-06-07", CITY, null, "A school was hit overnight."),
                event(EventType.MISSILE_STRIKE, "2025-06-05", CITY, 6, "Two days earlier six died at the depot."),
                event(EventType.GROUND_ASSAULT, "2025-05", CITY, null, "An offensive began last month.")));

        assertEquals(3, timeline().size(), "the month-old offensive the timeline did not have is an event of its own");
        TimelineEvent depot = timeline().stream().filter(e -> "2025-06-05".equals(e.date())).findFirst().orElseThrow();
        assertEquals(1, depot.sourceCount());
        assertEquals(4, depot.killed(), "a recollection never changes the toll");
        assertEquals("school", depot.references().get(0).articleId());
    }

    @Test
    void aNightDatedTheDayBeforeInAMorningArticleAndALateFirstReportStillReport() {
        fold(article("overnight", "Kyiv Wire", "2025-06-07T06:00:00Z",
                event(EventType.DRONE_STRIKE, "2025-06-07", CITY, 1, "Drones struck at dawn."),
                event(EventType.DRONE_STRIKE, "2025-06-06", CITY, null, "The attack began late last night.")));
        fold(article("late", "Weekly Review", "2025-06-15T10:00:00Z",
                event(EventType.SHELLING, "2025-06-10", CITY, 2, "Shells hit the market on Tuesday.")));

        assertTrue(timeline().stream().anyMatch(e -> "2025-06-06".equals(e.date())
                || e.sources().stream().anyMatch(s -> "2025-06-06".equals(s.date()))));
        assertTrue(timeline().stream().anyMatch(e -> "2025-06-10".equals(e.date()) && e.sourceCount() == 1));
    }
}
