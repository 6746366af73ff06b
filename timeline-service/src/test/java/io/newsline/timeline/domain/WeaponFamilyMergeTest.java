package io.newsline.timeline.domain;

import static io.newsline.timeline.domain.Events.article;
import static io.newsline.timeline.domain.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Outlets disagree on the weapon in early reports and tell a fire before its cause; an earthquake is placed
 * by its country as often as by a town. Reports of fictional places that a reader would call one happening.
 */
class WeaponFamilyMergeTest {

    private static final EventLocation CITY = new EventLocation("Verkhnia Dolyna", 48.10, 33.20, "UA", 9100001L,
            Place.EXACT, "Dolyna Oblast");
    private static final EventLocation COUNTRY = new EventLocation("Freedonia", 34.5, 69.2, "FD", 9200000L,
            Place.COUNTRY, null);
    private static final EventLocation HILL_TOWN = new EventLocation("Upper Ridge", 34.9, 71.1, "FD", 9200001L,
            Place.EXACT, "Ridge Province");
    private static final EventSignature NONE = EventSignature.NONE;

    private final EventMerger merger = new EventMerger(MergeRule.DEFAULT,
            Clock.fixed(Instant.parse("2025-06-09T00:00:00Z"), ZoneOffset.UTC), false);
    private final TimelineView view = new TimelineView();
    private long sequence;

    private static Event strike(EventType type, Integer killed, EventSignature signature) {
        return event(type, "2025-06-07", CITY, killed, "A strike on the city.").withSignature(signature);
    }

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

    @Test
    void weaponsOfOneFamilyAgreeWhateverTheModelAndAnUnnamedWeaponFitsAny() {
        fold(article("a", "Kyiv Wire", "2025-06-07T09:00:00Z",
                strike(EventType.MISSILE_STRIKE, 2, NONE.withWeapon("Iskander-M ballistic missile"))));
        fold(article("b", "Dolyna Post", "2025-06-07T10:00:00Z",
                strike(EventType.MISSILE_STRIKE, 3, NONE.withWeapon("Kh-101 cruise missiles"))));
        fold(article("c", "Eastern Herald", "2025-06-07T11:00:00Z", strike(EventType.MISSILE_STRIKE, 3, null)));

        assertEquals(1, timeline().size());
        assertEquals(3, timeline().get(0).sourceCount());
    }

    @Test
    void oneTimeOutweighsAWeaponMismatchWhileAnotherHourKeepsTheStrikesApart() {
        fold(article("evening-1", "Kyiv Wire", "2025-06-07T16:30:00Z", strike(EventType.MISSILE_STRIKE, null,
                NONE.withTime("19:10", null).withWeapon("S-300 missiles"))));
        fold(article("evening-2", "Dolyna Post", "2025-06-07T17:00:00Z", strike(EventType.AIR_STRIKE, null,
                NONE.withTime("19:30", null).withWeapon("guided aerial bomb"))));
        fold(article("morning", "Eastern Herald", "2025-06-07T06:00:00Z", strike(EventType.AIR_STRIKE, 1,
                NONE.withTime("08:15", null).withWeapon("glide bombs"))));

        assertEquals(2, timeline().size());
        assertEquals(holding("evening-1").id(), holding("evening-2").id());
        String why = holding("evening-1").sources().get(1).why();
        assertTrue(why.contains("one time: an outlet's word for the weapon"), why);
        assertNotEquals(holding("evening-1").id(), holding("morning").id());
    }

    @Test
    void aReportNamingTheWeaponOfAnyOfAnEventsSourcesJoinsIt() {
        fold(article("bombs", "Kyiv Wire", "2025-06-07T14:10:00Z",
                strike(EventType.AIR_STRIKE, 2, NONE.withTarget("hypermarket").withWeapon("guided bombs"))));
        fold(article("missile", "Eastern Herald", "2025-06-07T18:00:00Z",
                strike(EventType.MISSILE_STRIKE, 6, NONE.withTarget("shopping centre").withWeapon("missile"))));
        // Names neither the target nor the time: its weapon is one the event's sources already disagree on.
        fold(article("terse", "Night Desk", "2025-06-07T20:00:00Z",
                strike(EventType.MISSILE_STRIKE, 6, NONE.withWeapon("missiles"))));

        assertEquals(1, timeline().size());
        assertEquals(3, timeline().get(0).sourceCount());
    }

    @Test
    void differentWeaponsWithNothingElseInCommonStayApart() {
        fold(article("drones", "Kyiv Wire", "2025-06-07T07:00:00Z",
                strike(EventType.DRONE_STRIKE, null, NONE.withWeapon("Shahed drones"))));
        fold(article("shells", "Dolyna Post", "2025-06-07T15:00:00Z",
                strike(EventType.SHELLING, 1, NONE.withWeapon("multiple rocket launcher"))));

        assertEquals(2, timeline().size());
    }

    @Test
    void aFireAtTheTargetOfAStrikeIsThatStrikeAndTakesItsKind() {
        fold(article("fire", "Kyiv Wire", "2025-06-07T13:00:00Z",
                strike(EventType.DISASTER, 1, NONE.withTarget("hypermarket"))));
        fold(article("strike", "Dolyna Post", "2025-06-07T15:00:00Z",
                strike(EventType.AIR_STRIKE, 4, NONE.withTarget("hypermarket").withWeapon("glide bombs"))));
        fold(article("other-fire", "Eastern Herald", "2025-06-07T16:00:00Z",
                strike(EventType.DISASTER, null, NONE.withTarget("warehouse"))));
        fold(article("fire-no-target", "Night Desk", "2025-06-07T17:00:00Z", strike(EventType.DISASTER, null, null)));

        assertEquals(holding("fire").id(), holding("strike").id());
        assertEquals(EventType.AIR_STRIKE, holding("fire").type());
        assertNotEquals(holding("fire").id(), holding("other-fire").id());
        assertTrue(holding("fire").sources().stream().noneMatch(s -> s.articleId().equals("fire-no-target")));
    }

    @Test
    void aStrikeOvernightToldAsThisMorningByAnOutletThatMorningIsOneEvent() {
        fold(article("night", "Kyiv Wire", "2025-06-07T02:00:00Z", strike(EventType.MISSILE_STRIKE, null,
                NONE.withTime("00:40", null).withTarget("lyceum").withWeapon("ballistic missile"))));
        fold(article("this-morning", "Dolyna Post", "2025-06-07T06:30:00Z", strike(EventType.SHELLING, null,
                NONE.withTimeOfDay("morning").withTarget("school").withWeapon("artillery"))));

        assertEquals(1, timeline().size());
    }

    @Test
    void aMorningReadDaysLaterIsTheMorningNotTheNightBefore() {
        fold(article("night", "Kyiv Wire", "2025-06-07T02:00:00Z", strike(EventType.MISSILE_STRIKE, null,
                NONE.withTime("00:40", null).withTarget("lyceum"))));
        fold(article("recap", "Weekly Review", "2025-06-12T10:00:00Z", strike(EventType.MISSILE_STRIKE, null,
                NONE.withTimeOfDay("morning").withTarget("school"))));

        assertEquals(2, timeline().size());
    }

    @Test
    void anEarthquakePlacedByItsCountryAndByATownInItIsOneEventButAStrikeIsNot() {
        fold(article("quake-country", "Kyiv Wire", "2025-06-08T06:00:00Z",
                event(EventType.DISASTER, "2025-06-07", COUNTRY, 200, "An earthquake struck the country.")));
        fold(article("quake-town", "Dolyna Post", "2025-06-09T06:00:00Z",
                event(EventType.DISASTER, "2025-06-07", HILL_TOWN, 900, "The earthquake near the town.")));
        fold(article("strike-country", "Kyiv Wire", "2025-06-07T08:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", COUNTRY, null, "Missiles hit the country.")));
        fold(article("strike-town", "Dolyna Post", "2025-06-07T09:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", HILL_TOWN, 1, "A missile hit the town.")));

        assertEquals(holding("quake-country").id(), holding("quake-town").id());
        assertEquals(900, holding("quake-country").killed());
        assertEquals("Upper Ridge", holding("quake-country").location().name());
        assertNotEquals(holding("strike-country").id(), holding("strike-town").id());
    }
}
