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

/** An article reports its lead attack; the further towns that attack hit, told with "also", are mentioned. */
class FurtherSitesTest {

    private static final EventLocation CITY = new EventLocation("Verkhnia Dolyna", 48.10, 33.20, "UA", 9100001L,
            Place.EXACT, "Dolyna Oblast");
    /** About 20 km from the city. */
    private static final EventLocation SUBURB = new EventLocation("Hai", 48.27, 33.25, "UA", 9100002L, Place.EXACT,
            "Dolyna Oblast");
    /** About 40 km from the city. */
    private static final EventLocation VILLAGE = new EventLocation("Pryvillia", 47.80, 32.90, "UA", 9100003L,
            Place.EXACT, "Dolyna Oblast");
    /** Some 400 km away. */
    private static final EventLocation PORT = new EventLocation("Morske", 46.50, 30.70, "UA", 9100004L, Place.EXACT,
            "Morske Oblast");

    private final FoldedTimeline timeline = new FoldedTimeline("2025-06-20T00:00:00Z");

    @Test
    void theLeadAttacksOtherTownsToldWithAlsoAreMentionedNotReported() {
        timeline.fold(article("plant", "Dolyna Post", "2025-06-07T12:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", CITY, 6, "Two missiles hit a printing plant in the city."),
                event(EventType.SHELLING, "2025-06-07", VILLAGE, null,
                        "Shells also landed in Pryvillia, and two villagers are in hospital."),
                event(EventType.MISSILE_STRIKE, "2025-06-07", SUBURB, null,
                        "Three more missiles came down on Hai.")));

        assertEquals(1, timeline.events().size(), () -> "one event, the plant's: " + timeline.events());
        TimelineEvent plant = timeline.events().get(0);
        assertEquals(6, plant.killed());
        assertEquals(CITY.name(), plant.location().name());
        List<String> kept = plant.sources().get(0).recalls().stream().map(r -> r.location().name()).toList();
        assertTrue(kept.containsAll(List.of("Pryvillia", "Hai")), "the plant's source keeps the other towns: " + kept);

        timeline.fold(article("hai", "Hai Today", "2025-06-07T15:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", SUBURB, 1, "A missile destroyed a house in Hai.")));
        TimelineEvent hai = timeline.events().stream().filter(e -> "Hai".equals(e.location().name())).findFirst().orElseThrow();
        assertEquals(1, hai.sourceCount(), "an article that leads with the town starts its event");
        TimelineEvent plantAfter = timeline.events().stream().filter(e -> CITY.name().equals(e.location().name()))
                .findFirst().orElseThrow();
        assertEquals(List.of("plant"), plantAfter.sources().stream().map(s -> s.articleId()).toList(),
                "the town's report does not join the plant's event its article told apart");
    }

    @Test
    void aLaterReportOfTheLeadJoinsItsEventThoughAFurtherSiteLiesWithinTheMergeRadius() {
        timeline.fold(article("plant", "Dolyna Post", "2025-06-07T12:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", CITY, 6, "Two missiles hit a printing plant in the city."),
                event(EventType.MISSILE_STRIKE, "2025-06-07", SUBURB, null,
                        "Three more missiles came down on Hai.")));
        timeline.fold(article("plant-2", "Kyiv Wire", "2025-06-07T14:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", CITY, 7, "Seven are now dead after the city was hit.")));

        assertEquals(1, timeline.events().size(), () -> "the Hai line tells nothing apart in the city: " + timeline.events());
        assertEquals(2, timeline.events().get(0).sourceCount());
        assertEquals(7, timeline.events().get(0).killed());
    }

    @Test
    void aTownToldWithoutAnAdditiveWordOrFarAwayIsAReportOfItsOwn() {
        timeline.fold(article("roundup", "Dolyna Post", "2025-06-07T12:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", CITY, 6, "Two missiles hit a printing plant in the city."),
                event(EventType.SHELLING, "2025-06-07", VILLAGE, 1, "In Pryvillia, shelling killed a man in his garden."),
                event(EventType.DRONE_STRIKE, "2025-06-07", PORT, 2, "Drones also struck the port of Morske, killing two.")));

        assertEquals(3, timeline.events().size(), () -> "three reports, three events: " + timeline.events());
        timeline.events().forEach(e -> assertEquals("roundup", e.sources().get(0).articleId()));
    }
}
