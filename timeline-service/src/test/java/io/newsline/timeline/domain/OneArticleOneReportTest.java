package io.newsline.timeline.domain;

import static io.newsline.timeline.domain.Events.article;
import static io.newsline.timeline.domain.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the merger decides from dates, places and publication times alone: a city and one of its districts
 * named by one article on one day are one report; a late report is no night's second reading; a toll
 * reported days later still counts. A fictional city, two of its districts and a town nearby.
 */
class OneArticleOneReportTest {

    private static final EventLocation CITY = new EventLocation("Verkhnia Dolyna", 48.10, 33.20, "UA", 9100001L,
            Place.EXACT, "Dolyna Oblast");
    private static final EventLocation RIVERSIDE = new EventLocation("Zarichnyi district", 48.12, 33.23, "UA", 9100002L,
            Place.EXACT, "Dolyna Oblast");
    private static final EventLocation FOREST_SIDE = new EventLocation("Lisovyi district", 48.08, 33.16, "UA", 9100003L,
            Place.EXACT, "Dolyna Oblast");
    private static final EventLocation STEPPE_TOWN = new EventLocation("Stepove", 48.26, 33.38, "UA", 9100004L,
            Place.EXACT, "Dolyna Oblast");

    private final EventMerger merger = new EventMerger(MergeRule.DEFAULT,
            Clock.fixed(Instant.parse("2025-06-30T00:00:00Z"), ZoneOffset.UTC), false);
    private final TimelineView view = new TimelineView();
    private long sequence;

    private void fold(EnrichedArticle a) {
        merger.fold(a).forEach(r -> view.apply(++sequence, r));
    }

    private List<TimelineEvent> timeline() {
        return view.page(TimelineFilter.NONE, null, 1000).items();
    }

    private TimelineEvent holding(String articleId) {
        return timeline().stream().filter(e -> e.sources().stream().anyMatch(s -> s.articleId().equals(articleId)))
                .findFirst().orElseThrow();
    }

    private static Event strike(String date, EventLocation where, Integer killed) {
        return event(EventType.MISSILE_STRIKE, date, where, killed, "A missile hit the city.");
    }

    @Test
    void aTollReportedDaysLaterIsStillAReportOfTheHappening() {
        fold(article("first", "Dolyna Post", "2025-06-07T10:00:00Z", strike("2025-06-07", CITY, 4)));
        fold(article("rise", "Kyiv Wire", "2025-06-11T09:00:00Z", strike("2025-06-07", CITY, 9)));

        assertEquals(1, timeline().size());
        assertEquals(2, holding("first").sourceCount());
        assertEquals(9, holding("first").killed());
    }

    @Test
    void anArticleRecallingLastNightsStrikeDaysLaterDoesNotJoinItToTheNextNightsStrike() {
        fold(article("night-1", "Night Desk", "2025-06-07T06:00:00Z", strike("2025-06-07", CITY, 2)));
        // A round-up two days on names the first night's strike by its day: a source of it, but a late one.
        fold(article("round-up", "Weekly Review", "2025-06-09T09:00:00Z", strike("2025-06-07", CITY, 2)));

        fold(article("night-2", "Kyiv Wire", "2025-06-09T06:30:00Z", strike("2025-06-08", CITY, null)));

        assertEquals(2, timeline().size());
        assertNotEquals(holding("night-1").id(), holding("night-2").id());
    }

    @Test
    void aCityInTheLeadAndItsDistrictFurtherDownAreOneReportWithBothFigures() {
        fold(article("lead", "Dolyna Post", "2025-06-07T09:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", CITY, null, "Missiles struck the city at dawn."),
                event(EventType.SHELLING, "2025-06-07", RIVERSIDE, 3, "Three died in the Zarichnyi district.")));

        assertEquals(1, timeline().size());
        TimelineEvent strike = timeline().get(0);
        assertEquals(1, strike.sourceCount());
        assertEquals(3, strike.killed());
        assertEquals("Verkhnia Dolyna", strike.location().name());
    }

    @Test
    void twoDistrictsANearbyTownOrAnotherKindStayApart() {
        fold(article("two-districts", "Dolyna Post", "2025-06-07T09:00:00Z",
                strike("2025-06-07", RIVERSIDE, 1), strike("2025-06-07", FOREST_SIDE, 2)));
        fold(article("town", "Kyiv Wire", "2025-06-08T09:00:00Z",
                strike("2025-06-08", CITY, 1), strike("2025-06-08", STEPPE_TOWN, 2)));
        fold(article("protest", "Eastern Herald", "2025-06-09T09:00:00Z",
                strike("2025-06-09", CITY, 1),
                event(EventType.PROTEST, "2025-06-09", RIVERSIDE, null, "Residents rallied in the district.")));
        fold(article("next-day", "Night Desk", "2025-06-11T09:00:00Z",
                strike("2025-06-10", CITY, 1), strike("2025-06-11", RIVERSIDE, 1)));

        assertEquals(8, timeline().size());
    }
}
