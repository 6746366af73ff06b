package io.newsline.timeline.domain;

import static io.newsline.timeline.domain.Events.article;
import static io.newsline.timeline.domain.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSignature;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One article telling one happening twice: the toll rising at one clinic, the impact at a village next to
 * the city told with the city's, and the rural district named after the city. A fictional city, a village
 * beside it and a town further off.
 */
class SceneToldTwiceTest {

    private static final EventLocation CITY = new EventLocation("Verkhnia Dolyna", 48.10, 33.20, "UA", 9100001L,
            Place.EXACT, "Dolyna Oblast");
    private static final EventLocation VILLAGE = new EventLocation("Sadove", 48.14, 33.25, "UA", 9100005L,
            Place.EXACT, "Dolyna Oblast");
    private static final EventLocation FAR_TOWN = new EventLocation("Stepove", 48.26, 33.38, "UA", 9100004L,
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

    private static Event strike(String date, EventLocation where, Integer killed, String evidence, EventSignature sig) {
        return event(EventType.MISSILE_STRIKE, date, where, killed, evidence).withSignature(sig);
    }

    private static EventSignature target(String target) {
        return EventSignature.NONE.withTarget(target);
    }

    @Test
    void aTollRisingAtOneClinicIsOneReport() {
        fold(article("clinic", "Dolyna Post", "2025-06-07T12:00:00Z",
                strike("2025-06-07", CITY, 2, "Two people died when a missile hit the children's clinic this morning.",
                        target("children's hospital").withTimeOfDay("morning")),
                strike("2025-06-07", CITY, 5, "Update: the toll at the hospital has risen to five.", target("hospital"))));

        assertEquals(1, timeline().size());
        assertEquals(1, timeline().get(0).sourceCount());
    }

    @Test
    void theImpactAtAVillageBesideTheCityToldInTheSameBreathIsOneReport() {
        fold(article("two-missiles", "Dolyna Post", "2025-06-07T20:00:00Z",
                strike("2025-06-07", CITY, 3, "Explosions were heard in the city around 7 p.m.; a cafe was destroyed.",
                        target("cafe").withWeapon("missile").withTime("19:00", null)),
                strike("2025-06-07", VILLAGE, null,
                        "One missile fell on houses in Sadove, the other struck the cafe in the city centre.",
                        target("cafe").withWeapon("missile"))));

        assertEquals(1, timeline().size());
    }

    @Test
    void twoScenesOfOneArticleThatShareNothingOrDifferStayApart() {
        fold(article("round-up", "Dolyna Post", "2025-06-07T20:00:00Z",
                strike("2025-06-07", CITY, 1, "A missile hit a school in the city.", target("school")),
                strike("2025-06-07", CITY, 4, "In the evening a missile hit a supermarket.", target("supermarket")),
                strike("2025-06-07", VILLAGE, null, "Sadove was shelled too.", EventSignature.NONE),
                strike("2025-06-07", FAR_TOWN, null, "Three more missiles hit Stepove.",
                        EventSignature.NONE.withWeapon("missile"))));

        assertEquals(3, timeline().size(), "other targets or no shared detail keep reports apart");
        TimelineEvent school = timeline().stream().filter(e -> e.killed() != null && e.killed() == 1).findFirst()
                .orElseThrow();
        assertTrue(school.sources().get(0).recalls().stream().anyMatch(r -> "Stepove".equals(r.location().name())),
                "a town beyond a district's reach told with \"more\" is a further site of the lead's attack, kept on "
                        + "its source (FurtherSitesTest), not a scene of the city's strike");
    }

    @Test
    void theRuralDistrictNamedAfterTheCityIsNoDistrictOfTheCity() {
        // A morning article dates "last night" by the evening before and names the raion around the city.
        fold(article("night", "Dolyna Post", "2025-06-08T07:00:00Z",
                strike("2025-06-07", CITY, null, "Last night missiles hit the city and the Verkhnia Dolyna district.",
                        EventSignature.NONE.withTimeOfDay("night").withWeapon("S-300 missile")
                                .withDistrict("Verkhnia Dolyna district")),
                strike("2025-06-08", CITY, null, "The strike on the Zarichnyi district destroyed a lyceum.",
                        target("lyceum").withTimeOfDay("night").withWeapon("S-300 missile")
                                .withDistrict("Zarichnyi district"))));
        assertEquals(1, timeline().size());

        fold(article("other-district", "Kyiv Wire", "2025-06-08T08:00:00Z",
                strike("2025-06-08", CITY, null, "A missile hit the Lisovyi district at night.",
                        EventSignature.NONE.withTimeOfDay("night").withWeapon("missile")
                                .withDistrict("Lisovyi district"))));
        assertEquals(2, timeline().size(), "a district of the city's own still tells two strikes apart");
        assertNotEquals(timeline().get(0).id(), timeline().get(1).id());
    }
}
