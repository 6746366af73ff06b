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
}
