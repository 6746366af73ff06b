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
    void tellsUkrainianFromRussianOnHeadlinesAndShortPosts() {
        assertEquals("uk", LanguageDetector.detect("Вибух у селі: загинули двоє людей"));
        assertEquals("uk", LanguageDetector.detect("Дрон влучив у склад на околиці міста"));
        assertEquals("uk", LanguageDetector.detect("Уночі ворог атакував місто"));
        assertEquals("ru", LanguageDetector.detect("Взрыв в селе: погибли два человека"));
        assertEquals("ru", LanguageDetector.detect("Беспилотник попал в склад на окраине города"));
        assertEquals("ru", LanguageDetector.detect("Ночью противник атаковал город, есть раненые"));
        assertEquals("en", LanguageDetector.detect("Drone hits a depot on the edge of the city"));
    }

    @Test
    void aRussianTextQuotingAUkrainianNameStaysRussian() {
        assertEquals("ru", LanguageDetector.detect(
                "Как сообщил глава района, в результате удара по Вишнівці повреждены два дома и магазин."));
        assertEquals("uk", LanguageDetector.detect(
                "Як повідомив голова громади, внаслідок удару по селу Сосновое пошкоджено два будинки."));
    }

    @Test
    void garbleAndEmptinessAreUndetermined() {
        assertEquals(LanguageDetector.UNDETERMINED, LanguageDetector.detect("xq7 zzkv 93jf qpw lkjh vbnm rtyu"));
        assertEquals(LanguageDetector.UNDETERMINED, LanguageDetector.detect("   "));
        assertEquals(LanguageDetector.UNDETERMINED, LanguageDetector.detect("%%%% 1234 ####"));
    }
}
