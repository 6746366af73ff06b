package io.newsline.nlp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventType;
import io.newsline.nlp.domain.AnnotatedArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports that tell one strike in several places of the article, as tolls rise and quotes are added. */
class OneStrikeToldTwiceTest {

    /** A Wednesday afternoon, the day after the strike. */
    private static final String PUBLISHED = "2025-03-19T14:00:00Z";

    private final EventExtractor extractor = new EventExtractor();

    @Test
    void aQuotedTollWithoutADateIsTheDatedStrikeNotOneOnThePublicationDay() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("The number of people killed in Lorvik on the evening of 18 March has increased to 12, and 40 were wounded.",
                        "Quote: \"Ten killed and 40 wounded in the enemy attack on Lorvik. Investigators are at the scene.\"")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("2025-03-18", events.get(0).date());
        assertEquals(40, events.get(0).injured());
    }

    @Test
    void aMassiveAttackOnACityIsAStrikeNotAGroundAssault() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Enemy troops launched a massive attack on Lorvik on Tuesday, and the city hospital was damaged.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("strike", EventKinds.family(events.get(0).type()), () -> "type: " + events.get(0).type());
    }

    @Test
    void aGroundAttackOnPositionsStaysAnAssault() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Enemy troops launched a massive ground attack near Lorvik on Tuesday, the army said.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(EventType.GROUND_ASSAULT, events.get(0).type());
    }

    @Test
    void theDaysEarlierStrikeToldAtTheEndIsBackgroundWithItsOwnToll() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("At 19:05 the mayor reported an explosion in the centre of Lorvik.",
                        "Later, police said the missile strike on the centre of Lorvik injured 14 people.",
                        "Earlier on the day, enemy forces attacked a furniture hypermarket in Lorvik.",
                        "The death toll there has risen to four.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        Event reported = events.stream().filter(e -> !e.background()).findFirst().orElseThrow();
        Event recalled = events.stream().filter(Event::background).findFirst().orElseThrow(() -> new AssertionError(
                "events: " + events));
        assertEquals(1, events.stream().filter(e -> !e.background()).count(), () -> "events: " + events);
        assertEquals(14, reported.injured());
        assertEquals(null, reported.killed(), "the hypermarket's toll is not the centre's");
        assertEquals(null, reported.signature() == null ? null : reported.signature().target(), "nor its target");
        assertEquals(4, recalled.killed());
        assertEquals("hypermarket", recalled.signature().target());
        assertEquals("strike", EventKinds.family(recalled.type()));
    }

    @Test
    void anAgencyRecallingItsOwnEarlierReportMarksItBackground() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Two people were killed when a drone hit a warehouse in Lorvik on Wednesday morning.",
                        "As our agency earlier reported, on Monday a glide bomb hit a school in Lorvik.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(2, events.size(), () -> "events: " + events);
        assertEquals(false, events.get(0).background());
        assertEquals(true, events.get(1).background());
        assertEquals("2025-03-17", events.get(1).date());
    }

    @Test
    void frontLineNewsWithoutAPlaceInAReportOfAStrikeIsNoEventAtTheCity() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("A missile struck a cafe in Lorvik on Tuesday evening, killing four people.",
                        "On Tuesday the president said that the army had advanced on several fronts.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(EventType.MISSILE_STRIKE, events.get(0).type());
    }

    @Test
    void aHeadlineNamingTheHitBuildingJoinsTheBodysStrike() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .title("Missiles hit Zorianka: photos")
                .body("A missile hit the Zorianka clinic in Lorvik on Tuesday evening, killing two people.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .unresolved("Zorianka")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("Lorvik", events.get(0).location().name());
    }
}
