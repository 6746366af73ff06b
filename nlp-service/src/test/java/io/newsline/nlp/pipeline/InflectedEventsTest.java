package io.newsline.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events read from Ukrainian and Russian reports with the real dictionaries: their kinds from cues in any
 * case, tolls in digits and numerals, dates resolved against the publication day, sources and hedges.
 */
class InflectedEventsTest {

    private static List<Event> events(String title, String body, String published) {
        EnrichedArticle out = Models.pipeline().enrich(new Article("e1", title, body, null, "Test Wire", published,
                null, null, null));
        assertFalse(out.events().isEmpty(), "no events in: " + body);
        return out.events();
    }

    @Test
    void aUkrainianNightStrikeIsDatedByTheMorningItEndedWithItsTollInNumerals() {
        List<Event> events = events("Удар по Полтаві",
                "У ніч на 5 березня російські війська завдали ракетного удару по Полтаві. Загинули троє людей,"
                        + " ще п'ятеро мешканців поранено, повідомив начальник ОВА.", "2025-03-05T08:00:00+02:00");

        Event e = events.get(0);
        assertEquals("2025-03-05", e.date());
        assertEquals(EventType.MISSILE_STRIKE, e.type());
        assertEquals("Poltava", e.location().name());
        assertEquals(3, e.killed());
        assertEquals(5, e.injured());
    }

    @Test
    void yesterdayIsTheDayBeforePublicationAndOneWomanHurtCountsOne() {
        List<Event> events = events("Дрони атакували Чернігів",
                "Вчора ввечері ворожі дрони атакували Чернігів. Постраждала жінка, її госпіталізовано.",
                "2025-06-10T09:00:00+03:00");

        Event e = events.get(0);
        assertEquals("2025-06-09", e.date());
        assertEquals(EventType.DRONE_STRIKE, e.type());
        assertEquals(1, e.injured());
    }

    @Test
    void aDailySummaryIsDatedTheDayBeforeAndNobodyHurtIsZero() {
        List<Event> events = events("Обстріли Херсонщини",
                "За минулу добу окупанти обстріляли Херсон з артилерії. Без постраждалих.",
                "2025-04-20T10:00:00+03:00");

        Event e = events.get(0);
        assertEquals("2025-04-19", e.date());
        assertEquals(EventType.SHELLING, e.type());
        assertEquals(0, e.killed());
        assertEquals(0, e.injured());
    }

    @Test
    void aRussianReportGetsItsKindTollDateAndSource() {
        List<Event> events = events("Атака на Курск",
                "В ночь на воскресенье беспилотники атаковали Курск. По предварительным данным, двое мирных жителей"
                        + " погибли, четверо ранены, заявил губернатор.", "2025-09-14T07:00:00+03:00");

        Event e = events.get(0);
        assertEquals("2025-09-14", e.date()); // 14 September 2025 is a Sunday
        assertEquals(EventType.DRONE_STRIKE, e.type());
        assertTrue(e.location().name().startsWith("Kursk"), e.location().toString());
        assertEquals(2, e.killed());
        assertEquals(4, e.injured());
        assertTrue(e.attribution().hedged(), e.attribution().toString());
    }

    @Test
    void agesAndCountsOfThingsAreNoToll() {
        List<Event> events = events("Обстріл Сум",
                "Сьогодні вранці росіяни обстріляли Суми: пошкоджено 12 будинків, поранено 15-річного хлопця.",
                "2025-05-02T11:00:00+03:00");

        Event e = events.get(0);
        assertEquals("2025-05-02", e.date());
        assertEquals(1, e.injured());
    }

    @Test
    void aDateWrittenOutWithItsMonthInTheGenitiveIsThatDay() {
        List<Event> events = events("Вибух у Харкові",
                "Нагадаємо, 3 лютого у Харкові пролунав вибух, загинув чоловік.", "2025-02-20T10:00:00+02:00");

        assertTrue(events.stream().anyMatch(e -> e.date().equals("2025-02-03") && e.killed() != null && e.killed() == 1),
                events.toString());
    }

    @Test
    void eachPersonOfAListCountsOne() {
        List<Event> uk = events("Обстріл Херсона",
                "Сьогодні зранку окупанти обстріляли Херсон. Поранено 30-річного чоловіка та 62-річну пенсіонерку.",
                "2025-07-01T12:00:00+03:00");
        assertEquals(2, uk.get(0).injured());

        List<Event> ru = events("Удар по Белгороду",
                "Вчера беспилотник атаковал Белгород. Ранения получили 40-летняя женщина и 9-летний мальчик.",
                "2025-07-01T12:00:00+03:00");
        assertEquals(2, ru.get(0).injured());
        assertEquals("2025-06-30", ru.get(0).date());
    }
}
