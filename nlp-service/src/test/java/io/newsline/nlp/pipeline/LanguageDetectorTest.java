package io.newsline.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    @Test
    void tellsTheCommonLanguagesOfNewsApart() {
        assertEquals("en", LanguageDetector.detect("The council said that the bridge was closed for repairs on Monday."));
        assertEquals("de", LanguageDetector.detect("Die Regierung hat am Montag die Brücke für den Verkehr gesperrt, und das ist nicht neu."));
        assertEquals("fr", LanguageDetector.detect("Le gouvernement a fermé le pont pour des travaux dans la ville, selon la mairie."));
        assertEquals("es", LanguageDetector.detect("El gobierno cerró el puente por obras en la ciudad, según el alcalde de los vecinos."));
        assertEquals("ru", LanguageDetector.detect("Правительство закрыло мост на ремонт в понедельник."));
        assertEquals("uk", LanguageDetector.detect("Уряд закрив міст на ремонт у понеділок, повідомили в міській раді."));
    }

    @Test
    void garbleAndEmptinessAreUndetermined() {
        assertEquals(LanguageDetector.UNDETERMINED, LanguageDetector.detect("xq7 zzkv 93jf qpw lkjh vbnm rtyu"));
        assertEquals(LanguageDetector.UNDETERMINED, LanguageDetector.detect("   "));
        assertEquals(LanguageDetector.UNDETERMINED, LanguageDetector.detect("%%%% 1234 ####"));
    }
}
