package io.newsline.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.Place;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How Ukrainian and Russian reports name the places they tell of, with the real dictionaries and
 * gazetteer: raions by the adjective of their seat town, villages after "село"/"с.", lists of towns hit,
 * an oblast's daily summary followed by its villages, roads named by the towns they join, age ranges beside
 * a toll. Sentences are our own.
 */
class InflectedPlacesAndListsTest {

    private static final String MORNING = "2025-06-10T08:00:00+03:00";

    private static EnrichedArticle enrich(String title, String body, String language) {
        return Models.pipeline().enrich(new Article("p1", title, body, null, "Test Wire", MORNING, language, null, null));
    }

    private static Optional<Place> placeWritten(EnrichedArticle out, String form) {
        return out.locations().stream().filter(p -> p.matchedText() != null && p.matchedText().contains(form)).findFirst();
    }

    @Test
    void aRaionNamedByItsAdjectiveIsPlacedAtItsSeatTownAndTheStrikeThere() {
        EnrichedArticle out = enrich("Атака на Київщину",
                "Уночі ворожі дрони атакували Бучанський район Київщини, пошкоджено два будинки.", "uk");

        Place raion = placeWritten(out, "Бучанський район").orElseThrow(() -> new AssertionError(out.locations()));
        assertEquals("Bucha", raion.name());
        assertEquals("UA", raion.countryCode());
        assertEquals(1, out.events().size(), out.events().toString());
        assertEquals("Bucha", out.events().get(0).location().name());
    }

    @Test
    void aRussianDistrictIsPlacedAtItsSeatAndTheTownsOfARoadAreLandmarks() {
        EnrichedArticle out = enrich("Атака дрона",
                "В Шебекинском районе на участке автодороги Белгород — Волоконовка дрон атаковал грузовик.", "ru");

        assertEquals("Shebekino", placeWritten(out, "Шебекинском районе").orElseThrow().name());
        assertEquals(1, out.events().size(), out.events().toString());
        assertEquals("Shebekino", out.events().get(0).location().name());
    }

    @Test
    void aDistrictOfACityIsNoRaion() {
        EnrichedArticle out = enrich("Атака на Харків",
                "Учора у Шевченківському районі Харкова уламки дрона пошкодили будинок.", "uk");

        assertTrue(placeWritten(out, "Шевченківському районі").isEmpty(), out.locations().toString());
        assertEquals("Kharkiv", out.events().get(0).location().name());
    }

    @Test
    void aVillageTheGazetteerLacksIsKeptByNameAfterSelo() {
        EnrichedArticle out = enrich("Обстріл села",
                "Учора окупанти обстріляли село Зоряниківка на Херсонщині. Загинув чоловік.", "uk");

        Place village = placeWritten(out, "Зоряниківка").orElseThrow(() -> new AssertionError(out.locations()));
        assertNull(village.lat(), village.toString());
        Event e = out.events().get(0);
        assertEquals("Зоряниківка", e.location().name());
        assertEquals("2025-06-09", e.date());
        assertEquals(1, e.killed());
    }

    @Test
    void theFullStopOfSettlementAbbreviationEndsNoSentenceAndTheRaionAfterTheVillageIsItsAddress() {
        EnrichedArticle out = enrich("Пожежа після обстрілу",
                "Поблизу с. Зоряниківка Миколаївського району через обстріл загорілася суха трава.", "uk");

        assertTrue(placeWritten(out, "Зоряниківка").isPresent(), out.locations().toString());
        assertEquals(1, out.events().size(), out.events().toString());
        assertEquals("Зоряниківка", out.events().get(0).location().name());
    }

    @Test
    void aTwoWordVillageNamedByAComparableAdjectiveIsOnePlace() {
        EnrichedArticle out = enrich("Обстріл села", "Учора окупанти обстріляли село Широка Балка.", "uk");

        assertTrue(placeWritten(out, "Широка Балка").isPresent(), out.locations().toString());
    }

    @Test
    void eachTownOfAListOfStrikesIsAnEventOfItsOwnInUkrainian() {
        EnrichedArticle out = enrich("Атака на Україну",
                "Уночі російська армія атакувала Україну ракетами. Влучання зафіксовані у Полтаві, Вінниці та Житомирі.",
                "uk");

        List<String> places = out.events().stream().map(e -> e.location().name()).toList();
        assertTrue(places.containsAll(List.of("Poltava", "Vinnytsia", "Zhytomyr")), places.toString());
        out.events().stream().filter(e -> !e.location().name().equals("Ukraine"))
                .forEach(e -> assertEquals("2025-06-10", e.date(), e.toString()));
    }

    @Test
    void anEnglishListOfTownsHitStaysOneAttack() {
        EnrichedArticle out = enrich("Missiles hit Ukraine",
                "Russian missiles hit Poltava, Vinnytsia and Zhytomyr overnight, officials said.", "en");

        assertEquals(1, out.events().size(), out.events().toString());
    }

    @Test
    void aTownAndItsRegionSideBySideAreNoList() {
        EnrichedArticle out = enrich("Удар по Краматорську",
                "Учора ввечері російська авіація скинула авіабомбу на місто Слов'янськ Донецької області.", "uk");

        assertEquals(1, out.events().size(), out.events().toString());
    }

    @Test
    void afterAnOblastsDailySummaryEachVillageIsAHappeningOfItsOwn() {
        EnrichedArticle out = enrich("Обстріли Харківщини",
                "За минулу добу ворог обстріляв Харківщину.\n\nВнаслідок мінометного обстрілу села Зоряниківка загинув чоловік.",
                "uk");

        List<String> places = out.events().stream().map(e -> e.location().name()).toList();
        assertEquals(2, places.size(), out.events().toString());
        Event village = out.events().stream().filter(e -> e.location().name().equals("Зоряниківка")).findFirst().orElseThrow();
        assertEquals(1, village.killed());
    }

    @Test
    void anAgeRangeBesideATollCountsNothing() {
        EnrichedArticle out = enrich("Обстріл Нікополя",
                "Учора ворог обстріляв Нікополь. Троє чоловіків від 30 до 50 років дістали поранення.", "uk");
        EnrichedArticle ru = enrich("Обстрел Купянска",
                "Вчера враг обстрелял Купянск. Двое мужчин от 40 до 60 лет получили ранения.", "ru");

        assertEquals(3, out.events().get(0).injured());
        assertEquals(2, ru.events().get(0).injured());
        assertFalse(ru.events().isEmpty());
    }

    @Test
    void parallelClausesGiveEachHromadaItsOwnTollAndTheElidedNounStillNamesOne() {
        EnrichedArticle out = enrich("Обстріли Сумщини",
                "У Конотопській громаді поранено двох чоловіків, у Охтирській громаді – трьох жінок, а у Глухівській –"
                        + " чоловіка, який постраждав від удару дрона 5 жовтня.", "uk");

        assertEquals("Hlukhiv", placeWritten(out, "Глухівській").orElseThrow(() -> new AssertionError(out.locations())).name());
        java.util.Map<String, Event> byPlace = new java.util.HashMap<>();
        out.events().forEach(e -> byPlace.put(e.location().name(), e));
        assertEquals(java.util.Set.of("Konotop", "Okhtyrka", "Hlukhiv"), byPlace.keySet(), out.events().toString());
        assertEquals(2, byPlace.get("Konotop").injured());
        assertEquals(3, byPlace.get("Okhtyrka").injured());
        assertEquals(1, byPlace.get("Hlukhiv").injured());
        assertEquals("2024-10-05", byPlace.get("Hlukhiv").date()); // the latest 5 October before 10 June 2025
        assertEquals(3, out.events().stream().map(Event::id).distinct().count());
    }
}
