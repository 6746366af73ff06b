package io.newsline.timeline.domain;

import static io.newsline.timeline.domain.Events.article;
import static io.newsline.timeline.domain.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An article leads with its newest happening; older ones it dates well before it appeared are background. */
class RecollectionTest {

    private static final EventLocation CITY = new EventLocation("Verkhnia Dolyna", 48.10, 33.20, "UA", 9100001L,
            Place.EXACT, "Dolyna Oblast");

    private final FoldedTimeline timeline = new FoldedTimeline("2025-06-20T00:00:00Z");

    @Test
    void anOlderHappeningAnArticleRecallsBesideItsNewsIsAReferenceOnItsEventNotASource() {
        timeline.fold(article("depot", "Kyiv Wire", "2025-06-05T15:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-05", CITY, 4, "Missiles hit a fuel depot.")));

        timeline.fold(article("school", "Dolyna Post", "2025-06-07T09:00:00Z",
                event(EventType.AIR_STRIKE, "2025-06-07", CITY, null, "A school was hit overnight."),
                event(EventType.MISSILE_STRIKE, "2025-06-05", CITY, 6, "Two days earlier six died at the depot."),
                event(EventType.GROUND_ASSAULT, "2025-05", CITY, null, "An offensive began last month.")));

        assertEquals(2, timeline.events().size(), "an offensive recalled from last month is no report of it, even when the "
                + "timeline has no event for it");
        assertTrue(timeline.events().stream().noneMatch(e -> e.type() == EventType.GROUND_ASSAULT));
        TimelineEvent school = timeline.events().stream().filter(e -> "2025-06-07".equals(e.date())).findFirst().orElseThrow();
        assertTrue(school.sources().get(0).recalls().stream().anyMatch(r -> r.type() == EventType.GROUND_ASSAULT),
                "the school's source keeps the offensive among the happenings its article told apart");
        TimelineEvent depot = timeline.events().stream().filter(e -> "2025-06-05".equals(e.date())).findFirst().orElseThrow();
        assertEquals(1, depot.sourceCount());
        assertEquals(4, depot.killed(), "a recollection never changes the toll");
        assertEquals("school", depot.references().get(0).articleId());
    }

    @Test
    void aRoundupOfTheWeekReportsEachDayWhileAHappeningWeeksOlderIsBackground() {
        timeline.fold(article("week", "Dolyna Weekly", "2025-06-14T08:00:00Z",
                event(EventType.DRONE_STRIKE, "2025-06-09", CITY, null, "On Monday drones hit the grain terminal."),
                event(EventType.MISSILE_STRIKE, "2025-06-11", CITY, 3, "On Wednesday a missile killed three at the bus depot."),
                event(EventType.SHELLING, "2025-06-13", CITY, 1, "On Friday shelling killed one in the market."),
                event(EventType.AIR_STRIKE, "2025-05-20", CITY, 9, "A glide bomb killed nine at the stadium on 20 May.")));

        List<String> dates = timeline.events().stream().map(TimelineEvent::date).toList();
        assertEquals(List.of("2025-06-09", "2025-06-11", "2025-06-13"), dates,
                "every day of the week's roundup is on the timeline, the strike of three weeks before is not");
        timeline.events().forEach(e -> assertEquals("week", e.sources().get(0).articleId()));

        timeline.fold(article("stadium", "Kyiv Wire", "2025-05-20T18:00:00Z",
                event(EventType.AIR_STRIKE, "2025-05-20", CITY, 7, "A guided bomb hit the stadium.")));
        TimelineEvent stadium = timeline.events().stream().filter(e -> "2025-05-20".equals(e.date())).findFirst().orElseThrow();
        assertEquals(1, stadium.sourceCount(), "the roundup that recalled it is not a source of the stadium's strike");
        assertEquals(7, stadium.killed(), "nor does its figure count as a report's");
    }

    @Test
    void aNightDatedTheDayBeforeInAMorningArticleAndALateFirstReportStillReport() {
        timeline.fold(article("overnight", "Kyiv Wire", "2025-06-07T06:00:00Z",
                event(EventType.DRONE_STRIKE, "2025-06-07", CITY, 1, "Drones struck at dawn."),
                event(EventType.DRONE_STRIKE, "2025-06-06", CITY, null, "The attack began late last night.")));
        timeline.fold(article("late", "Weekly Review", "2025-06-15T10:00:00Z",
                event(EventType.SHELLING, "2025-06-10", CITY, 2, "Shells hit the market on Tuesday.")));

        assertTrue(timeline.events().stream().anyMatch(e -> "2025-06-06".equals(e.date())
                || e.sources().stream().anyMatch(s -> "2025-06-06".equals(s.date()))));
        assertTrue(timeline.events().stream().anyMatch(e -> "2025-06-10".equals(e.date()) && e.sourceCount() == 1));
    }
}
