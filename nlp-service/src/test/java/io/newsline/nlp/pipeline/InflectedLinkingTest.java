package io.newsline.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Which sentences of a Ukrainian or Russian report tell one happening, with the real dictionaries: a
 * demonstrative refers back, the region of a town's strike on the same night is that strike, an overview of
 * many places keeps its villages apart, a launch site is no scene. Sentences are our own.
 */
class InflectedLinkingTest {

    private static List<Event> events(String title, String body, String language, String published) {
        return Models.pipeline().enrich(new Article("l1", title, body, null, "Test Wire", published, language, null, null))
                .events();
    }

    @Test
    void aDemonstrativeRefersBackToTheStrikeAlreadyToldEvenWhenTheNewsIsDatedToday() {
        List<Event> events = events("Обстріл села",
                "Вчора ворог обстріляв село Зоряниківка. Сьогодні стало відомо, що внаслідок цього обстрілу загинула жінка.",
                "uk", "2025-06-10T11:00:00+03:00");

        assertEquals(1, events.size(), events.toString());
        assertEquals("2025-06-09", events.get(0).date());
        assertEquals(1, events.get(0).killed());
    }

    @Test
    void theRegionOfATownsStrikeOnTheSameNightIsThatStrike() {
        List<Event> events = events("Атака на Полтавщину",
                "У ніч на 10 червня дрони атакували населені пункти Полтавської області. Під ударом опинився Кременчук."
                        + " Раніше повідомлялося, що у Полтавській області в ніч проти 10 червня працювала ППО під час атаки"
                        + " ворожих дронів.", "uk", "2025-06-10T08:00:00+03:00");

        assertEquals(1, events.size(), events.toString());
        assertEquals("Kremenchuk", events.get(0).location().name());
    }

    @Test
    void anOverviewOfManyPlacesKeepsTheVillageNamedAfterItApart() {
        List<Event> events = events("Обстрелы",
                "Под обстрелами в Харьковской области были 12 населенных пунктов. В селе Зоряное из-за обстрела повреждены дома.",
                "ru", "2025-06-10T11:00:00+03:00");

        Set<String> places = events.stream().map(e -> e.location().name()).collect(Collectors.toSet());
        assertEquals(Set.of("Kharkiv", "Зоряное"), places, events.toString());
    }

    @Test
    void aMunitionDroppedFromADroneIsADroneStrike() {
        List<Event> events = events("Атака на Купянск",
                "Вчера в 11:20 в Купянске в результате сброса боеприпаса с дрона поврежден магазин.", "ru",
                "2025-06-10T11:00:00+03:00");

        assertEquals(EventType.DRONE_STRIKE, events.get(0).type());
        assertEquals("Kupiansk", events.get(0).location().name());
    }

    @Test
    void theRegionTheMissilesWereLaunchedFromIsNoScene() {
        List<Event> events = events("Удар по Харкову",
                "Уночі росіяни атакували Харків ракетами С-300. Пуски зафіксували з окупованої частини"
                        + " Луганської області.",
                "uk", "2025-06-10T11:00:00+03:00");

        assertEquals(1, events.size(), events.toString());
        assertEquals("Kharkiv", events.get(0).location().name());
    }

    @Test
    void theEventsOfAListedStrikeHaveIdsOfTheirOwn() {
        List<Event> events = events("Атака на Україну",
                "Уночі російська армія атакувала ракетами Полтаву, Вінницю та Житомир.", "uk", "2025-06-10T08:00:00+03:00");

        assertEquals(3, events.size(), events.toString());
        assertEquals(3, events.stream().map(Event::id).distinct().count(), events.toString());
    }

    @Test
    void lastNightIsThePublicationDaySoItsStrikeStaysApartFromYesterdays() {
        List<Event> events = events("Атаки на Очаків",
                "Учора ворог п'ять разів атакував дронами Очаків.\n\nУночі ворог спрямував на Очаків десять БпЛА."
                        + " Без постраждалих.", "uk", "2025-09-28T09:00:00+03:00");
        List<Event> ru = events("Атака на Курск", "Вчера ночью дроны атаковали Курск.", "ru", "2025-09-28T09:00:00+03:00");

        assertEquals(List.of("2025-09-27", "2025-09-28"), events.stream().map(Event::date).toList(), events.toString());
        assertEquals(0, events.get(1).injured());
        assertEquals("2025-09-27", ru.get(0).date()); // "вчера ночью": yesterday's night
    }

    @Test
    void aTollAtATownOfItsOwnAfterAnOblastsSummaryIsThatTownsHappening() {
        List<Event> events = events("Обстрелы",
                "За сутки в Харьковской области под обстрелами были 10 населенных пунктов. Еще одна раненая — 70-летняя"
                        + " жительница Купянска.", "ru", "2024-03-12T10:00:00+02:00");

        Event town = events.stream().filter(e -> e.location().name().equals("Kupiansk")).findFirst()
                .orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals(1, town.injured());
        assertEquals(EventType.SHELLING, town.type());
    }

    @Test
    void aSentenceOpeningWithAsAResultIsTheConsequenceOfTheStrikeJustTold() {
        List<Event> events = events("Обстріли Миколаївщини",
                "На Миколаївщині за минулу добу поранено двох людей.\n\nУчора ворог атакував дронами Очаків."
                        + " Внаслідок обстрілів поранено жінку та чоловіка.", "uk", "2025-09-28T09:00:00+03:00");

        Event town = events.stream().filter(e -> e.location().name().equals("Ochakiv")).findFirst()
                .orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals(2, town.injured());
    }

    @Test
    void aNeighbouringTownInAParagraphOfItsOwnIsAHappeningOfItsOwn() {
        List<Event> events = events("Обстріли",
                "Увечері ворог обстріляв з РСЗВ Галицинове.\n\nБіля Лиманів через обстріл виникла пожежа.", "uk",
                "2025-09-28T09:00:00+03:00");

        Set<String> places = events.stream().map(e -> e.location().name()).collect(Collectors.toSet());
        assertEquals(Set.of("Halytsynove", "Lymany"), places, events.toString());
    }

    @Test
    void theConjunctionTaIsNoDemonstrative() {
        List<Event> events = events("Обстріли Херсонщини",
                "За минулу добу ворог атакував дронами Херсонщину.\n\nТакож окупанти гатили з мінометів та завдали"
                        + " артилерійського удару по Бериславу.", "uk", "2025-09-28T09:00:00+03:00");

        Set<String> places = events.stream().map(e -> e.location().name()).collect(Collectors.toSet());
        assertEquals(Set.of("Kherson", "Beryslav"), places, events.toString());
    }
}
