package io.newsline.nlp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.EntityType;
import io.newsline.nlp.events.AttributionFinder.Name;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributionFinderTest {

    private final AttributionFinder finder = new AttributionFinder();

    @Test
    void accordingToNamesTheSource() {
        String s = "Four rockets hit the port, according to the state news agency Vesti.";

        Attribution a = finder.find(s, names(s, "Vesti", EntityType.ORGANIZATION));

        assertEquals("Vesti", a.source());
        assertFalse(a.hedged());
    }

    @Test
    void aSpeakerBeforeTheVerbIsTheSource() {
        String s = "Governor Petra Lindqvist wrote on Telegram that two drones struck a depot.";

        assertEquals("Petra Lindqvist", finder.find(s, names(s, "Petra Lindqvist", EntityType.PERSON)).source());
    }

    @Test
    void aSpeakerAfterTheVerbIsTheSource() {
        String s = "Three houses burned down, said Tomas Berg, the head of the fire service.";

        assertEquals("Tomas Berg", finder.find(s, names(s, "Tomas Berg", EntityType.PERSON)).source());
    }

    @Test
    void anUnnamedOfficialIsTheSource() {
        String s = "A missile hit the bus station, the regional governor said.";

        assertEquals("regional governor", finder.find(s, List.of()).source());
    }

    @Test
    void theArticleItselfHasNoSource() {
        String s = "A missile hit the bus station on Sunday.";

        Attribution a = finder.find(s, List.of());

        assertNull(a.source());
        assertFalse(a.hedged());
    }

    @Test
    void hedgesAreRecognised() {
        for (String s : List.of(
                "The plant was reportedly hit twice.",
                "Militants allegedly set fire to the market.",
                "The ministry claimed its troops had taken the hill.",
                "Unconfirmed reports speak of a second blast.",
                "The figures could not be independently verified.")) {
            assertTrue(finder.hedged(s), s);
        }
        assertFalse(finder.hedged("The ministry confirmed that its troops had taken the hill."));
    }

    private static List<Name> names(String sentence, String text, EntityType type) {
        List<Name> out = new ArrayList<>();
        int at = sentence.indexOf(text);
        out.add(new Name(text, type, at, at + text.length()));
        return out;
    }
}
