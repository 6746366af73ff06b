package io.newsline.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lede that tells a happening at its region ("a landslide in the hills of Central Java"), a headline that names
 * its town, and a later sentence that restates an earlier toll: one event, at the town, with the latest toll.
 * Sentences written for this test.
 */
class RegionalLedeTest {

    @Test
    void theHeadlinesTownSharpensARegionalLedeAndAnEarlierCountIsNoEventOfItsOwn() {
        Article article = new Article("t", "Central Java landslide toll rises to six as rain hampers search in Banjarnegara",
                "SEMARANG — The death toll from a landslide that buried houses in the hills of Central Java on Monday rose "
                + "to six on Tuesday, the disaster agency said.\n\nRescuers were still digging through the mud with their "
                + "hands. An earlier count on Monday night had put the toll at four.",
                null, null, "2025-03-18T08:00:00Z", "en", null, null);

        EnrichedArticle out = Models.pipeline().enrich(article);

        List<Event> events = out.events();
        assertEquals(1, events.size(), () -> "one landslide: " + events);
        assertEquals("Banjarnegara", events.get(0).location().name(), events::toString);
        assertEquals(6, events.get(0).killed(), events::toString);
        assertEquals("2025-03-17", events.get(0).date(), events::toString);
    }
}
