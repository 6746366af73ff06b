package io.newsline.nlp.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The port of the scorer on hand-made gold and output: each rule as the script applies it. */
class EnrichmentScorerTest {

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final JsonNode GOLD = json("""
            {'locations': [
               {'name': 'Dornberg', 'geonamesName': 'Dornberg', 'country': 'UA', 'lat': 48.1, 'lon': 36.2, 'kind': 'city'},
               {'name': 'Velmar region', 'geonamesName': 'Velmar Oblast', 'country': 'UA', 'lat': 48.0, 'lon': 36.0, 'kind': 'region'}],
             'persons': ['Anna Kessler'],
             'organizations': ['Velmar Rescue Service'],
             'events': [
               {'date': '2025-03-16', 'datePrecision': 'day', 'place': 'Dornberg', 'type': 'air strike', 'killed': 4, 'injured': 17},
               {'date': '2024-05', 'datePrecision': 'month', 'place': 'Velmar region', 'type': 'flood', 'killed': null}]}
            """);

    @Test
    void aPerfectEnrichmentScoresOneEverywhere() {
        EnrichmentScorer scorer = new EnrichmentScorer();
        scorer.add("a", GOLD, json("""
                {'locations': [
                   {'name': 'Dornberg', 'lat': 48.12, 'lon': 36.21, 'countryCode': 'UA', 'precision': 'exact'},
                   {'name': 'Velmar Oblast', 'matchedText': ['Velmar region'], 'lat': 48.3, 'lon': 36.1, 'precision': 'region'}],
                 'entities': [{'text': 'Anna Kessler', 'type': 'PERSON'}, {'text': 'Velmar Rescue Service', 'type': 'ORGANIZATION'}],
                 'events': [
                   {'date': '2025-03-16', 'location': {'name': 'Dornberg', 'lat': 48.12, 'lon': 36.21}, 'killed': 4, 'injured': 17},
                   {'date': '2024-05-20', 'location': {'name': 'Velmar region'}}]}
                """));

        assertEquals(Map.of("loc_f1", 1.0, "geo25", 1.0, "per_f1", 1.0, "org_f1", 1.0, "event_recall", 1.0,
                "event_precision", 1.0, "casualties", 1.0), scorer.figures());
        assertTrue(scorer.differences().get("a").isEmpty(), () -> scorer.differences().toString());
    }

    @Test
    void aSecondEventForOneHappeningCostsPrecisionNotRecall() {
        EnrichmentScorer scorer = new EnrichmentScorer();
        scorer.add("a", GOLD, json("""
                {'events': [
                   {'date': '2025-03-16', 'location': {'name': 'Dornberg'}, 'killed': 4, 'injured': 17},
                   {'date': '2025-03-16', 'location': {'name': 'Somewhere', 'lat': 48.3, 'lon': 36.2}, 'killed': 3},
                   {'date': '2024-05', 'location': {'name': 'Velmar'}}]}
                """));

        Map<String, Double> f = scorer.figures();
        assertEquals(1.0, f.get("event_recall"));
        assertEquals(0.67, f.get("event_precision"), "the event 22 km away matches the same gold event");
        assertEquals(1.0, f.get("casualties"), "the event whose counts agree is the one taken");
        assertTrue(scorer.differences().get("a").contains("extra event (same happening again): 2025-03-16 Somewhere null"));
    }

    @Test
    void wrongCountsAndDatesAreMisses() {
        EnrichmentScorer scorer = new EnrichmentScorer();
        scorer.add("a", GOLD, json("""
                {'events': [{'date': '2025-03-15', 'location': {'name': 'Dornberg'}},
                            {'date': '2024-05', 'location': {'name': 'Velmar Oblast'}, 'killed': 2}]}
                """));

        Map<String, Double> f = scorer.figures();
        assertEquals(0.5, f.get("event_recall"));
        assertFalse(f.containsKey("casualties"), "no matched gold event has a count");
        assertTrue(scorer.differences().get("a").contains("missed event: 2025-03-16 Dornberg air strike"));
    }

    @Test
    void namesAreComparedAsTheScriptNormalisesThem() {
        assertEquals("kyiv", EnrichmentScorer.norm("Kyiv Oblast"));
        assertEquals("sindirgi", EnrichmentScorer.normStrict("Sîndirgi"), "accents go");
        assertEquals("odesa's port", EnrichmentScorer.normStrict("the Odesa’s port"));
        assertTrue(EnrichmentScorer.namesMatch("Zelensky", "Volodymyr Zelensky"));
        assertFalse(EnrichmentScorer.namesMatch("Zelen", "Volodymyr Zelensky"));
        assertEquals(0.12, EnrichmentScorer.round(0.125), "half to even, as Python prints it");
    }
}
