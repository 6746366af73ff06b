package io.newsline.timeline.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineOrderTest {

    private static TimelineEvent at(String id, String date, DatePrecision precision, String firstSeen) {
        return TimelineEvent.of(id).withDate(date, null, precision).withTitle(id).withRevision(1)
                .withSeen(firstSeen, firstSeen);
    }

    @Test
    void eventsSortByFirstDayThenPrecisionThenFirstSeenThenId() {
        TimelineEvent year = at("y", "2025", DatePrecision.YEAR, "2025-01-01T00:00:00Z");
        TimelineEvent month = at("m", "2025-01", DatePrecision.MONTH, "2025-01-01T00:00:00Z");
        TimelineEvent dayLate = at("d2", "2025-01-01", DatePrecision.DAY, "2025-03-01T00:00:00.500Z");
        TimelineEvent dayEarlyB = at("d1b", "2025-01-01", DatePrecision.DAY, "2025-03-01T00:00:00Z");
        TimelineEvent dayEarlyA = at("d1a", "2025-01-01", DatePrecision.DAY, "2025-03-01T00:00:00Z");
        TimelineEvent before = at("b", "2024-12-31", DatePrecision.DAY, "2026-01-01T00:00:00Z");
        List<TimelineEvent> events = new ArrayList<>(List.of(year, month, dayLate, dayEarlyB, dayEarlyA, before));

        events.sort((a, b) -> OrderKey.of(a).compareTo(OrderKey.of(b)));

        assertEquals(List.of("b", "d1a", "d1b", "d2", "m", "y"), events.stream().map(TimelineEvent::id).toList());
    }

    @Test
    void aCursorReadsBackAsTheSameKeyAndAForgedOneIsRefused() {
        OrderKey key = OrderKey.of(at("ev-1", "2025-07", DatePrecision.MONTH, "2025-07-02T10:00:00.123Z"));

        assertEquals(key, OrderKey.fromCursor(key.toCursor()));
        assertThrows(IllegalArgumentException.class, () -> OrderKey.fromCursor("not-a-cursor"));
    }

    @Test
    void partialDatesCoverTheirWholePeriod() {
        assertEquals("2025-07-01", EventDates.firstDay("2025-07").toString());
        assertEquals("2025-07-31", EventDates.lastDay("2025-07").toString());
        assertEquals("2024-12-31", EventDates.lastDay("2024").toString());
        assertEquals("2025-07-09", EventDates.lastDay("2025-07-07", "2025-07-09").toString());
    }
}
