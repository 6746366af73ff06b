package io.newsline.nlp.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MorphologyTest {

    private final Morphology uk = Morphology.of("uk");
    private final Morphology ru = Morphology.of("ru");

    private static boolean hasLemma(List<Analysis> readings, String lemma) {
        return readings.stream().anyMatch(a -> a.lemma().equals(lemma));
    }

    @Test
    void ukrainianPlaceFormsLeadToTheirLemmas() {
        assertTrue(hasLemma(uk.analyse("Харкові"), "Харків"));
        assertTrue(hasLemma(uk.analyse("Харківщини"), "Харківщина"));
        assertTrue(uk.analyse("Сумщині").stream().anyMatch(a -> a.lemma().equals("Сумщина") && uk.isPlace(a)));
    }

    @Test
    void namesAreTaggedAsFirstAndLastNames() {
        assertTrue(uk.analyse("Олега").stream().anyMatch(a -> a.lemma().equals("Олег") && uk.isFirstName(a)));
        assertTrue(uk.analyse("Синєгубова").stream().anyMatch(a -> a.lemma().equals("Синєгубов") && uk.isLastName(a)));
        assertTrue(ru.analyse("Олега").stream().anyMatch(a -> a.lemma().equals("Олег") && ru.isFirstName(a)));
    }

    @Test
    void russianLowerCaseEntriesGiveCapitalisedLemmasOfCapitalisedWords() {
        assertTrue(hasLemma(ru.analyse("Москве"), "Москва"));
        assertTrue(hasLemma(ru.analyse("ударом"), "удар"));
    }

    @Test
    void anAdjectiveAgreesWithItsLevelNounInTheNominative() {
        var noun = uk.levelNoun("області").orElseThrow();
        assertEquals("f", uk.gender(noun));
        assertEquals(Optional.of("Полтавська"), uk.adjectiveNominative("Полтавський", "f"));
        assertEquals(Optional.of("Курская"), ru.adjectiveNominative("Курский", "f"));
        assertTrue(uk.levelNoun("будинку").isEmpty());
    }

    @Test
    void theApostrophesNewsWritesAreTheDictionarysOwn() {
        assertTrue(hasLemma(uk.analyse("п’ятеро"), "п'ятеро") || hasLemma(uk.analyse("пʼятеро"), "п'ятеро"));
    }

    @Test
    void aLanguageWithoutADictionaryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Morphology.of("xx"));
    }
}
