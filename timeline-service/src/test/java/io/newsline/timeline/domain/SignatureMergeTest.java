package io.newsline.timeline.domain;

import static io.newsline.timeline.domain.Events.article;
import static io.newsline.timeline.domain.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSignature;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.contracts.model.TimelineStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reports of one fictional city on one day: what they say of time, target, weapon and district decides the merge. */
class SignatureMergeTest {

    private static final EventLocation CITY = new EventLocation("Verkhnia Dolyna", 48.10, 33.20, "UA", 9100001L,
            Place.EXACT, "Dolyna Oblast");
    private static final EventSignature NONE = EventSignature.NONE;

    private final EventMerger merger = new EventMerger(MergeRule.DEFAULT,
            Clock.fixed(Instant.parse("2025-06-09T00:00:00Z"), ZoneOffset.UTC), false);
    private final TimelineView view = new TimelineView();
    private long sequence;

    private static Event strike(EventType type, String date, Integer killed, EventSignature signature) {
        return event(type, date, CITY, killed, "A strike on the city.").withSignature(signature);
    }

    private List<TimelineEvent> fold(EnrichedArticle a) {
        List<TimelineEvent> out = merger.fold(a);
        out.forEach(r -> view.apply(++sequence, r));
        return out;
    }

    private List<TimelineEvent> timeline() {
        return view.page(TimelineFilter.NONE, null, 1000).items();
    }

    private TimelineEvent holding(String articleId) {
        return timeline().stream().filter(e -> e.sources().stream().anyMatch(s -> s.articleId().equals(articleId)))
                .findFirst().orElseThrow();
    }

    /** Three happenings of one city and day, each told twice, the second time with less detail. */
    private static List<EnrichedArticle> threeStrikesOfOneDay() {
        return List.of(
                article("lyceum-1", "Kyiv Wire", "2025-06-07T05:30:00Z", strike(EventType.MISSILE_STRIKE,
                        "2025-06-07", null, NONE.withTime("00:40", null).withTarget("lyceum").withWeapon("S-300 missile"))),
                article("lyceum-2", "Dolyna Post", "2025-06-07T08:00:00Z", strike(EventType.AIR_STRIKE,
                        "2025-06-07", null, NONE.withTimeOfDay("night").withTarget("school"))),
                article("market-1", "Kyiv Wire", "2025-06-07T14:10:00Z", strike(EventType.AIR_STRIKE,
                        "2025-06-07", 2, NONE.withTimeOfDay("afternoon").withTarget("hypermarket")
                                .withWeapon("guided aerial bombs"))),
                article("market-2", "Eastern Herald", "2025-06-07T21:00:00Z", strike(EventType.MISSILE_STRIKE,
                        "2025-06-07", 9, NONE.withTarget("hardware store").withWeapon("missile"))),
                article("centre-1", "Dolyna Post", "2025-06-07T17:30:00Z", strike(EventType.MISSILE_STRIKE,
                        "2025-06-07", null, NONE.withTime("19:10", null).withTarget("office building")
                                .withWeapon("S-300"))),
                article("centre-2", "Eastern Herald", "2025-06-07T20:00:00Z", strike(EventType.MISSILE_STRIKE,
                        "2025-06-07", null, NONE.withTimeOfDay("evening"))));
    }

    @Test
    void threeStrikesOnOneCityInOneDayStayThreeEventsAndEachLessDetailedReportJoinsTheOneItFits() {
        threeStrikesOfOneDay().forEach(this::fold);

        assertEquals(3, timeline().size());
        assertEquals(holding("lyceum-1").id(), holding("lyceum-2").id());
        // Same kind of target: an outlet calling the guided bombs a missile does not make it another strike.
        assertEquals(holding("market-1").id(), holding("market-2").id());
        assertEquals(holding("centre-1").id(), holding("centre-2").id());
        assertEquals(9, holding("market-1").killed());
        assertNull(holding("lyceum-1").killed());
    }

    /**
     * A report that gives only a time of day joins the event it fits best when it arrives; a better fitting one
     * reported later does not take it over. Reports that name their target land in the same event whatever
     * the order.
     */
    @Test
    void theThreeStrikesComeOutTheSameInAnyOrderAndAfterARestartMidwayWhenEachReportNamesItsTarget() {
        List<EnrichedArticle> articles = new ArrayList<>(threeStrikesOfOneDay());
        articles.set(5, article("centre-2", "Eastern Herald", "2025-06-07T20:00:00Z", strike(EventType.MISSILE_STRIKE,
                "2025-06-07", null, NONE.withTimeOfDay("evening").withTarget("offices"))));
        Set<Set<String>> expected = groups(articles);
        assertEquals(Set.of(Set.of("lyceum-1", "lyceum-2"), Set.of("market-1", "market-2"),
                Set.of("centre-1", "centre-2")), expected);
        Random random = new Random(13);
        for (int round = 0; round < 20; round++) {
            List<EnrichedArticle> order = new ArrayList<>(articles);
            Collections.shuffle(order, random);
            EventMerger first = new EventMerger(MergeRule.DEFAULT, Clock.systemUTC(), false);
            TimelineView published = new TimelineView();
            long seq = 0;
            for (EnrichedArticle a : order.subList(0, 3)) {
                for (TimelineEvent r : first.fold(a)) {
                    published.apply(++seq, r);
                }
            }
            EventMerger restarted = new EventMerger(MergeRule.DEFAULT, Clock.systemUTC(), false);
            restarted.reset(published.events());
            for (EnrichedArticle a : order) {
                for (TimelineEvent r : restarted.fold(a)) {
                    published.apply(++seq, r);
                }
            }
            assertEquals(expected, articleGroups(published), "order " + order.stream().map(EnrichedArticle::id).toList());
        }
    }

    private static Set<Set<String>> groups(List<EnrichedArticle> articles) {
        EventMerger m = new EventMerger(MergeRule.DEFAULT, Clock.systemUTC(), false);
        TimelineView v = new TimelineView();
        long seq = 0;
        for (EnrichedArticle a : articles) {
            for (TimelineEvent r : m.fold(a)) {
                v.apply(++seq, r);
            }
        }
        return articleGroups(v);
    }

    private static Set<Set<String>> articleGroups(TimelineView v) {
        Set<Set<String>> out = new HashSet<>();
        for (TimelineEvent e : v.events()) {
            Set<String> ids = new HashSet<>();
            e.sources().forEach(s -> ids.add(s.articleId()));
            out.add(ids);
        }
        return out;
    }

    @Test
    void aReportWithNoDetailJoinsOneOfTheStrikesButNeverJoinsThemIntoOne() {
        threeStrikesOfOneDay().forEach(this::fold);

        fold(article("vague", "Night Desk", "2025-06-07T22:00:00Z",
                strike(EventType.SHELLING, "2025-06-07", null, null)));

        assertEquals(3, timeline().size());
    }

    @Test
    void anOvernightStrikeReportedTheSameNightAndTheNextMorningIsOneEvent() {
        fold(article("late", "Night Desk", "2025-06-06T23:55:00Z", strike(EventType.DRONE_STRIKE, "2025-06-06", null,
                NONE.withTime("23:30", null).withWeapon("Shahed drones"))));
        fold(article("morning", "Kyiv Wire", "2025-06-07T07:00:00Z", strike(EventType.DRONE_STRIKE, "2025-06-07", 1,
                NONE.withTimeOfDay("night").withWeapon("drones"))));

        assertEquals(1, timeline().size());
        assertEquals(2, timeline().get(0).sourceCount());
    }

    @Test
    void strikesOnTwoNightsEachReportedInTheMorningAreTwoEvents() {
        fold(article("n1", "Kyiv Wire", "2025-06-07T07:00:00Z",
                strike(EventType.DRONE_STRIKE, "2025-06-07", 1, NONE.withTimeOfDay("night"))));
        fold(article("n2", "Kyiv Wire", "2025-06-08T07:00:00Z",
                strike(EventType.DRONE_STRIKE, "2025-06-08", 1, NONE.withTimeOfDay("night"))));

        assertEquals(2, timeline().size());
    }

    @Test
    void differentKindsOfWeaponWithoutACommonTargetAreTwoEvents() {
        fold(article("w1", "Kyiv Wire", "2025-06-07T12:00:00Z",
                strike(EventType.AIR_STRIKE, "2025-06-07", 1, NONE.withWeapon("glide bomb"))));
        fold(article("w2", "Dolyna Post", "2025-06-07T13:00:00Z",
                strike(EventType.MISSILE_STRIKE, "2025-06-07", 1, NONE.withWeapon("Iskander-M"))));
        fold(article("w3", "Eastern Herald", "2025-06-07T14:00:00Z",
                strike(EventType.MISSILE_STRIKE, "2025-06-07", 1, NONE.withWeapon("S-300 missiles"))));

        assertEquals(2, timeline().size());
        // Outlets disagreeing on the missile's model still report one strike.
        assertEquals(holding("w2").id(), holding("w3").id());
    }

    @Test
    void districtsMatchAcrossSpellingsAndDifferentDistrictsAreTwoEvents() {
        fold(article("d1", "Kyiv Wire", "2025-06-07T12:00:00Z",
                strike(EventType.SHELLING, "2025-06-07", 1, NONE.withDistrict("Zarichnyi district"))));
        fold(article("d2", "Dolyna Post", "2025-06-07T13:00:00Z",
                strike(EventType.SHELLING, "2025-06-07", 1, NONE.withDistrict("Zarechny raion"))));
        fold(article("d3", "Eastern Herald", "2025-06-07T14:00:00Z",
                strike(EventType.SHELLING, "2025-06-07", 1, NONE.withDistrict("Pivnichnyi district"))));

        assertEquals(2, timeline().size());
        assertEquals(holding("d1").id(), holding("d2").id());
    }

    @Test
    void eachSourceSaysWhyItWasMerged() {
        threeStrikesOfOneDay().forEach(this::fold);

        List<EventSource> sources = holding("market-1").sources();

        assertEquals("first report", sources.get(0).why());
        String why = sources.get(1).why();
        assertTrue(why.contains("same place (Verkhnia Dolyna)"), why);
        assertTrue(why.contains("target hardware store ~ hypermarket (shop)"), why);
        assertTrue(why.contains("weapon missile ≠ guided aerial bombs, one target"), why);
        assertEquals("hypermarket", holding("market-1").signature().target());
    }

    @Test
    void aRecalledHappeningIsAReferenceThatNeverChangesTheEventOrMakesOne() {
        fold(article("report", "Kyiv Wire", "2025-06-07T14:10:00Z", strike(EventType.AIR_STRIKE, "2025-06-07", 4,
                NONE.withTarget("hypermarket"))));
        Event recalled = strike(EventType.AIR_STRIKE, "2025-06-07", 16, NONE.withTarget("hypermarket"))
                .withBackground(true);
        Event unknown = strike(EventType.MISSILE_STRIKE, "2025-05-30", 3, NONE.withTarget("bridge"))
                .withBackground(true);
        Event own = strike(EventType.DRONE_STRIKE, "2025-06-09", null, NONE.withTarget("substation"));

        fold(article("later", "Dolyna Post", "2025-06-09T10:00:00Z", own, recalled, unknown));

        assertEquals(2, timeline().size(), "the recalled happening not on the timeline adds nothing");
        TimelineEvent market = holding("report");
        assertEquals(4, market.killed());
        assertEquals(TimelineStatus.SINGLE_SOURCE, market.status());
        assertEquals(1, market.sourceCount());
        assertEquals("later", market.references().get(0).articleId());
        assertTrue(market.references().get(0).why().startsWith("recalls it"), market.references().get(0).why());
        assertEquals("later", holding("later").sources().get(0).articleId());
    }

    @Test
    void anArticleThatOnlyRecallsAHappeningGetsTheStandInEventAndTheReference() {
        EventMerger withFallback = new EventMerger(MergeRule.DEFAULT, Clock.systemUTC(), true);
        withFallback.fold(article("report", "Kyiv Wire", "2025-06-07T14:10:00Z",
                strike(EventType.AIR_STRIKE, "2025-06-07", 4, NONE.withTarget("hypermarket"))));

        List<TimelineEvent> out = withFallback.fold(article("essay", "Weekly Review", "2025-06-20T10:00:00Z",
                strike(EventType.AIR_STRIKE, "2025-06-07", 16, NONE.withTarget("hypermarket")).withBackground(true)));

        assertEquals(2, out.size());
        assertTrue(out.stream().anyMatch(e -> e.type() == EventType.OTHER && "2025-06-20".equals(e.date())));
        assertTrue(out.stream().anyMatch(e -> e.referencesOrEmpty().size() == 1 && e.killed() == 4));
        assertTrue(withFallback.fold(article("essay", "Weekly Review", "2025-06-20T10:00:00Z")).isEmpty());
    }
}
