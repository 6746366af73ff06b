package io.newsline.timeline.domain;

import static io.newsline.timeline.domain.Events.KHARKIV;
import static io.newsline.timeline.domain.Events.KUPIANSK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.contracts.model.TimelineStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineFilterTest {

    private final KnownRegions regions = new KnownRegions();

    private static TimelineEvent at(EventLocation where, String date) {
        return TimelineEvent.of("ev-1").withType(EventType.SHELLING).withDate(date, null, DatePrecision.DAY)
                .withLocation(where).withTitle("t").withEntities(List.of("Volodymyr Zelensky", "Ukrainian Armed Forces"))
                .withStatus(TimelineStatus.SINGLE_SOURCE).withRevision(1)
                .withSeen("2025-06-07T00:00:00Z", "2025-06-07T00:00:00Z");
    }

    private static TimelineFilter place(String q) {
        return TimelineFilter.parse(null, null, q, null, null, null, null);
    }

    @Test
    void aPlaceMatchesByNameGeonamesIdRegionOrCountry() {
        TimelineEvent kupiansk = at(KUPIANSK, "2025-06-07");

        assertTrue(place("kupiansk").matches(kupiansk, regions));
        assertTrue(place("704422").matches(kupiansk, regions));
        assertTrue(place("Kharkiv Oblast").matches(kupiansk, regions));
        assertTrue(place("Kharkiv region").matches(kupiansk, regions));
        assertTrue(place("Ukraine").matches(kupiansk, regions));
        assertTrue(place("UA").matches(kupiansk, regions));
        assertFalse(place("Kharkiv").matches(kupiansk, regions), "the city is not the region");
        assertFalse(place("Russia").matches(kupiansk, regions));
    }

    @Test
    void aRegionsGeonamesIdFindsTheTownsInsideOnceTheRegionIsKnown() {
        regions.learn(Events.KHARKIV_OBLAST);

        assertTrue(place("706482").matches(at(KUPIANSK, "2025-06-07"), regions));
    }

    @Test
    void datesEntitiesAndBoxesFilter() {
        TimelineEvent e = at(KHARKIV, "2025-06-07");

        assertTrue(TimelineFilter.parse("2025-06", "2025-06", null, null, null, null, null).matches(e, regions));
        assertFalse(TimelineFilter.parse("2025-06-08", null, null, null, null, null, null).matches(e, regions));
        assertTrue(TimelineFilter.parse(null, null, null, "shelling,air_strike", "zelensky", null, null)
                .matches(e, regions));
        assertFalse(TimelineFilter.parse(null, null, null, null, "Putin", null, null).matches(e, regions));
        assertTrue(TimelineFilter.parse(null, null, null, null, null, "36,49,37,51", null).matches(e, regions));
        assertFalse(TimelineFilter.parse(null, null, null, null, null, "30,49,31,51", null).matches(e, regions));
        assertTrue(TimelineFilter.parse(null, null, null, null, null, null, "single-source").matches(e, regions));
    }

    @Test
    void nearKeepsEventsWithinTheRadiusAndMinKilledThoseWithEnoughDead() {
        TimelineEvent kupiansk = at(KUPIANSK, "2025-06-07");
        TimelineEvent unplaced = at(new EventLocation("Somewhere", null, null, "UA", null, "exact"), "2025-06-07");

        // Kupiansk lies about 100 km east-south-east of Kharkiv
        assertTrue(TimelineFilter.parse(null, null, null, null, null, null, null, "49.98,36.25,120", null)
                .matches(kupiansk, regions));
        assertFalse(TimelineFilter.parse(null, null, null, null, null, null, null, "49.98,36.25,80", null)
                .matches(kupiansk, regions));
        assertFalse(TimelineFilter.NONE.withNear(new TimelineFilter.Near(49.98, 36.25, 20_000))
                .matches(unplaced, regions), "an event without coordinates is near nothing");

        TimelineEvent fourKilled = new TimelineEvent("ev-2", EventType.AIR_STRIKE, null, "2025-06-07", null,
                DatePrecision.DAY, KHARKIV, null, "t", 4, 9, null, List.of(), List.of(), List.of(), 1,
                TimelineStatus.SINGLE_SOURCE, 1,
                "2025-06-07T00:00:00Z", "2025-06-07T00:00:00Z", null, null, null);
        assertTrue(TimelineFilter.NONE.withMinKilled(4).matches(fourKilled, regions));
        assertFalse(TimelineFilter.NONE.withMinKilled(5).matches(fourKilled, regions));
        assertFalse(TimelineFilter.NONE.withMinKilled(0).matches(kupiansk, regions), "no figure is not zero");
        assertFalse(TimelineFilter.NONE.withMinKilled(1).isEmpty());
    }

    @Test
    void badFiltersAreNamedOneByOne() {
        TimelineFilter.BadFilterException e = assertThrows(TimelineFilter.BadFilterException.class,
                () -> TimelineFilter.parse("2025-13-01", "yesterday", null, "BOMBING", null, "1,2,3", "maybe"));

        assertEquals(List.of("from", "to", "type", "bbox", "status"),
                e.violations().stream().map(TimelineFilter.Violation::field).toList());
        assertThrows(TimelineFilter.BadFilterException.class,
                () -> TimelineFilter.parse("2025-06-02", "2025-06-01", null, null, null, null, null));
        assertThrows(TimelineFilter.BadFilterException.class,
                () -> TimelineFilter.parse(null, null, null, null, null, "0,80,10,70", null));
        TimelineFilter.BadFilterException near = assertThrows(TimelineFilter.BadFilterException.class,
                () -> TimelineFilter.parse(null, null, null, null, null, null, null, "95,36,10", "some"));
        assertEquals(List.of("near.lat", "minKilled"), near.violations().stream().map(TimelineFilter.Violation::field)
                .toList());
        List<TimelineFilter.Violation> parts = new java.util.ArrayList<>();
        TimelineFilter.Near.of(50.0, null, -1.0, "filter.near", parts);
        assertEquals(List.of("filter.near.lon", "filter.near.km"),
                parts.stream().map(TimelineFilter.Violation::field).toList());
    }
}
