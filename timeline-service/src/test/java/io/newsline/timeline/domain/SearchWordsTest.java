package io.newsline.timeline.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchWordsTest {

    private static final TimelineEvent EVENT = TimelineEvent.of("ev-1").withType(EventType.AIR_STRIKE)
            .withSubtype("glide bomb").withTitle("Air strike (glide bomb) in Zaporizhzhia")
            .withLocation(new EventLocation("Zaporizhzhia", 47.8, 35.2, "UA", 687700L, Place.EXACT, "Zaporizhzhia Oblast"))
            .withSources(List.of(EventSource.of("a1", "Outlet", null, null).withReport("2025-08-01",
                    "Керовані авіабомби влучили в Запоріжжя, пошкоджено ліцей.", null)));

    private static boolean finds(String q) {
        return SearchWords.matches(SearchWords.of(EVENT), SearchWords.query(q));
    }

    @Test
    void everyWordOfTheQueryMustBeAWordOfTheEventInAnyCaseAccentOrScript() {
        assertTrue(finds("glide BOMB"));
        assertTrue(finds("ЛІЦЕЙ запоріжжя"));
        assertTrue(finds("zaporizhzhia oblast"));
        assertFalse(finds("glide missile"));
        assertFalse(finds("bom"));
    }

    @Test
    void aWordEndingInAStarIsAPrefix() {
        assertTrue(finds("bom*"));
        assertTrue(finds("авіабомб*"));
        assertEquals(List.of("b"), SearchWords.query("b*"));
    }

    @Test
    void punctuationAndApostrophesSplitNoWord() {
        assertEquals(List.of("kyivs", "mayor"), SearchWords.query("Kyiv's mayor!"));
        assertEquals(Set.of("a", "b"), Set.copyOf(SearchWords.query("a, b")));
    }
}
