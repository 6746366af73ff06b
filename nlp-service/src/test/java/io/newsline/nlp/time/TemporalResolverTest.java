package io.newsline.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.DatePrecision;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemporalResolverTest {

    /** A Wednesday afternoon. */
    private static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2025-06-11T14:30:00Z");

    private final TemporalResolver resolver = new TemporalResolver();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Rockets fell on the port on Saturday.                        | 2025-06-07 | | day",
        "Rockets fell on the port on Wednesday.                       | 2025-06-11 | | day",
        "Rockets fell on the port late on Sunday night.               | 2025-06-08 | | day",
        "The depot burned overnight, firefighters said.               | 2025-06-11 | | day",
        "Sirens sounded across the valley last night.                 | 2025-06-10 | | day",
        "The bridge was hit on the night of June 7.                   | 2025-06-07 | | day",
        "The dam gave way yesterday.                                  | 2025-06-10 | | day",
        "The council voted today.                                     | 2025-06-11 | | day",
        "Two blasts shook the harbour this morning.                   | 2025-06-11 | | day",
        "The ferry sank on June 3.                                    | 2025-06-03 | | day",
        "The ferry sank on 3 June.                                    | 2025-06-03 | | day",
        "The ferry sank on the 3rd of June.                           | 2025-06-03 | | day",
        "The ferry sank on June 3, 2023.                              | 2023-06-03 | | day",
        "The ferry sank on Tuesday, June 3.                           | 2025-06-03 | | day",
        "The ferry sank on December 28.                               | 2024-12-28 | | day",
        "Losses were counted between November 17 and 23.              | 2024-11-17 | 2024-11-23 | day",
        "Losses were counted between 17 and 23 May.                   | 2025-05-17 | 2025-05-23 | day",
        "Storms hit the coast from May 30 to June 2.                  | 2025-05-30 | 2025-06-02 | day",
        "The raid came on the night of June 6-7.                      | 2025-06-06 | 2025-06-07 | day",
        "The strikers marched last week.                              | 2025-06-02 | 2025-06-08 | day",
        "The plant closed last month.                                 | 2025-05-01 | | month",
        "The plant closed in May.                                     | 2025-05-01 | | month",
        "The plant closed in September.                               | 2024-09-01 | | month",
        "The plant closed in early March 2024.                        | 2024-03-01 | | month",
        "The plant closed in 2024.                                    | 2024-01-01 | | year",
        "The valley was worst hit in the 2019 floods.                 | 2019-01-01 | | year",
        "Chile's 2010 earthquake flattened the town.                  | 2010-01-01 | | year",
        "The fighting grew fiercer earlier this month.                | 2025-06-01 | | month",
        "The bridge reopened three days ago.                          | 2025-06-08 | | day",
        "Floods swept the valley over the weekend.                    | 2025-06-07 | 2025-06-08 | day",
    })
    void resolvesEachFormAgainstThePublicationTime(String text, String date, String dateEnd, String precision) {
        List<TimeExpression> found = resolver.find(text, PUBLISHED);

        assertEquals(1, found.size(), () -> "expressions in '" + text + "': " + found);
        TimeExpression t = found.get(0);
        assertEquals(LocalDate.parse(date), t.date(), text);
        assertEquals(dateEnd == null ? null : LocalDate.parse(dateEnd), t.dateEnd(), text);
        assertEquals(DatePrecision.valueOf(precision.toUpperCase()), t.precision(), text);
        assertEquals(t.text(), text.substring(t.start(), t.end()), "offsets point at the expression");
    }

    @Test
    void aCountOfPeopleIsNoYear() {
        assertEquals(List.of(), resolver.find("The 2000 residents of the island were moved inland.", PUBLISHED));
    }

    @Test
    void aWeekdayInTheFutureTenseIsTheComingOne() {
        TimeExpression t = resolver.first("The two ministers will meet on Friday in Geneva.", PUBLISHED);

        assertEquals(LocalDate.parse("2025-06-13"), t.date());
    }

    @Test
    void aMonthDayInTheFutureTenseStaysInTheFuture() {
        TimeExpression t = resolver.first("The vote is scheduled to take place on September 14.", PUBLISHED);

        assertEquals(LocalDate.parse("2025-09-14"), t.date());
    }

    @Test
    void lastSaturdayOnASaturdayIsTheWeekBefore() {
        OffsetDateTime saturday = OffsetDateTime.parse("2025-06-07T10:00:00Z");

        assertEquals(LocalDate.parse("2025-05-31"), resolver.first("It happened last Saturday.", saturday).date());
        assertEquals(LocalDate.parse("2025-06-07"), resolver.first("It happened on Saturday.", saturday).date());
    }

    @Test
    void aPeriodBoundIsNoEventDate() {
        assertTrue(resolver.find("Since February 2022 the town has changed hands twice.", PUBLISHED).isEmpty());
        assertTrue(resolver.find("The city has been shelled since the war began in February 2022.", PUBLISHED)
                .isEmpty());
        assertTrue(resolver.find("Schools stay closed until September.", PUBLISHED).isEmpty());
    }

    @Test
    void numbersThatAreNotDatesAreLeftAlone() {
        assertTrue(resolver.find("At least 15 rockets and 40 drones were fired at the 3 towns.", PUBLISHED).isEmpty());
        assertTrue(resolver.find("A 12-year-old boy was among the 20 injured.", PUBLISHED).isEmpty());
    }

    @Test
    void aDateAndACountJoinedByAndAreNotARange() {
        List<TimeExpression> found = resolver.find("On May 3 and 20 people were hurt.", PUBLISHED);

        assertEquals(1, found.size());
        assertEquals(LocalDate.parse("2025-05-03"), found.get(0).date());
        assertNull(found.get(0).dateEnd());
    }

    @Test
    void severalExpressionsComeInTextOrder() {
        List<TimeExpression> found = resolver.find(
                "The dam was hit on Monday and again overnight, a week after the floods of May 30.", PUBLISHED);

        assertEquals(List.of(LocalDate.parse("2025-06-09"), LocalDate.parse("2025-06-11"), LocalDate.parse("2025-05-30")),
                found.stream().map(TimeExpression::date).toList());
    }

    @Test
    void anImpossibleDayIsNoDate() {
        assertTrue(resolver.find("The report is dated February 30.", PUBLISHED).isEmpty());
    }
}
