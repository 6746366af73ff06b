package io.newsline.timeline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSignature;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.RuleView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge's view of an event survives the bytes the index keeps of it: the merge decides the same either way. */
class RuleViewsTest {

    private static final EventLocation IZIUM =
            new EventLocation("Izium", 49.2122, 37.2566, "UA", 707292L, "city", "Kharkivska");

    @Test
    void anEventWithNothingButItsIdComesBackAsItWent() {
        RuleView view = RuleView.of(TimelineEvent.of("ev-bare"));

        RuleView back = RuleViews.decode(RuleViews.encode(view), view.id());

        assertEquals(view, back);
        assertNull(back.report().location());
        assertTrue(back.report().accounts().isEmpty());
    }

    @Test
    void everyAccountKeepsItsSignatureDateAndPublicationTime() {
        EventSource morning = EventSource.of("a-1", "Harbour Post", "https://example.org/1", "2025-06-07T06:15:00Z")
                .withSignature(new EventSignature("night", "02:40", "03:10", "warehouse", "drones", "Old Town"));
        EventSource dayOnly = EventSource.of("a-2", "Valley Courier", null, "2025-06-07")
                .withSignature(new EventSignature(null, null, null, "warehouse", null, null));
        EventSource undated = EventSource.of("a-3", null, null, null);
        TimelineEvent event = TimelineEvent.of("ev-izium")
                .withType(EventType.AIR_STRIKE)
                .withDate("2025-06-06", "2025-06-07", DatePrecision.DAY)
                .withLocation(IZIUM)
                .withSources(List.of(morning, dayOnly, undated))
                .withSeen("2025-06-07T06:20:00Z", "2025-06-07T09:00:00Z")
                .withRevision(3);
        RuleView view = RuleView.of(event);

        RuleView back = RuleViews.decode(RuleViews.encode(view), view.id());

        assertEquals(view, back);
        assertEquals(3, back.report().accounts().size());
        assertEquals("warehouse", back.report().accounts().get(0).signature().target());
        assertEquals(List.of("a-1", "a-2", "a-3"), back.sourceArticles());
        assertTrue(back.reportedBy("a-2"));
        assertEquals("ev-izium", back.id());
    }

    @Test
    void aPlaceWithoutCoordinatesOrGazetteerIdStaysWithoutThem() {
        EventLocation named = new EventLocation("the river crossing", null, null, null, null, null, null);
        TimelineEvent event = TimelineEvent.of("ev-crossing")
                .withType(EventType.SHELLING)
                .withDate("2025-06", null, DatePrecision.MONTH)
                .withLocation(named)
                .withSources(List.of(EventSource.of("a-9", "Wire", null, "2025-06-30T23:59:59.5Z")));

        RuleView back = RuleViews.decode(RuleViews.encode(RuleView.of(event)), RuleView.of(event).id());

        assertEquals(RuleView.of(event), back);
        assertNull(back.report().location().lat());
        assertNull(back.report().location().geonameId());
    }

    @Test
    void monthsYearsAndASourcesOwnDayComeBackAsTheirText() {
        EventSource ownDay = EventSource.of("a-5", "Harbour Post", null, "2025-06-09T10:00:00+03:00")
                .withReport("2025-06-08", "A depot burned.", null);
        for (String[] dates : new String[][] {{"2025-06", null}, {"2024", "2025"}, {"2025-06-07", "2025-06-09"}}) {
            TimelineEvent event = TimelineEvent.of("ev-" + dates[0])
                    .withType(EventType.EXPLOSION)
                    .withDate(dates[0], dates[1], null)
                    .withSources(List.of(ownDay, EventSource.of("a-6", "Wire", null, null)))
                    .withSeen("2025-06-09T07:00:00.123456789Z", null);
            RuleView view = RuleView.of(event);

            RuleView back = RuleViews.decode(RuleViews.encode(view), view.id());

            assertEquals(view, back, dates[0]);
            assertEquals("2025-06-08", back.report().accounts().get(0).date());
            assertEquals(dates[0], back.report().accounts().get(1).date());
        }
    }

    @Test
    void aOneSourceEventsViewIsSmallerThanItsText() {
        EventSource source = EventSource.of("article-20250607-0042", "Harbour Post",
                "https://example.org/2025/06/07/izium", "2025-06-07T06:15:00Z")
                .withSignature(new EventSignature("night", null, null, "warehouse", "drones", null));
        TimelineEvent event = TimelineEvent.of("ev-20250607-izium-01")
                .withType(EventType.DRONE_STRIKE)
                .withDate("2025-06-07", null, DatePrecision.DAY)
                .withLocation(IZIUM)
                .withSources(List.of(source))
                .withSeen("2025-06-07T06:20:00Z", "2025-06-07T06:20:00Z");

        int bytes = RuleViews.encode(RuleView.of(event)).length;

        assertTrue(bytes <= 128, "a one-source event's view: " + bytes + " bytes");
    }
}
