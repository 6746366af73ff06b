package io.newsline.timeline.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsline.contracts.model.EventSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class TollsTest {

    private static EventSource said(String publishedAt, Integer killed) {
        return EventSource.of("a-" + publishedAt + killed, "Outlet", null, publishedAt).withFigures(killed, null, null);
    }

    @Test
    void theLatestPublishedFigureIsShownWhateverTheOrderOfFolding() {
        assertEquals(11, Tolls.latest(List.of(said("2025-06-02T14:00:00Z", 11), said("2025-06-02T05:00:00Z", 8),
                said("2025-06-01", 3)), EventSource::killed));
    }

    @Test
    void reportsOfOneDayWithoutATimeCannotBeOrderedSoTheHighestOfThemIsShown() {
        assertEquals(21, Tolls.latest(List.of(said("2025-04-13", 21), said("2025-04-13", 20)), EventSource::killed));
        // A report timed that day may be before or after the undated ones.
        assertEquals(7, Tolls.latest(List.of(said("2025-05-23T17:00:00Z", 7), said("2025-05-23", 6)),
                EventSource::killed));
        // A later day's report is later than every report of the day before.
        assertEquals(6, Tolls.latest(List.of(said("2025-05-23", 9), said("2025-05-24T01:00:00Z", 6)),
                EventSource::killed));
    }

    @Test
    void sourcesWithoutTheFigureDoNotCount() {
        assertEquals(2, Tolls.latest(List.of(said("2025-06-02T05:00:00Z", 2), said("2025-06-02T09:00:00Z", null)),
                EventSource::killed));
        assertNull(Tolls.latest(List.of(said("2025-06-02T05:00:00Z", null)), EventSource::killed));
    }
}
