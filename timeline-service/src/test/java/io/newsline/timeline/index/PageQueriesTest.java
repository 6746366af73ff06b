package io.newsline.timeline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.contracts.model.TimelineStatus;
import io.newsline.timeline.domain.KnownRegions;
import io.newsline.timeline.domain.OrderKey;
import io.newsline.timeline.domain.TimelineFilter;
import io.newsline.timeline.domain.TimelinePage;
import io.newsline.timeline.domain.TimelineView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page queries against the plain answer (every event that {@link TimelineFilter#matches}, in timeline order):
 * a box or a circle read by doc values or by the points tree ({@link PageScanQuery}), dates read as runs of the
 * index's order and as spans, with events that span months, year-precise ones, ones without coordinates, places
 * on both sides of the antimeridian, and merged-away events (documents without dates). Pages are read to the end by cursor, so every hit is compared.
 */
class PageQueriesTest {

    private static final int EVENTS = 6_000;
    private static TimelineView view;
    private static List<TimelineEvent> all;

    @BeforeAll
    static void fill() {
        Random random = new Random(5);
        view = new TimelineView(TimelineIndex.inMemory());
        all = new ArrayList<>();
        long sequence = 0;
        List<TimelineView.Entry> batch = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(500));
            TimelineEvent e = TimelineEvent.of("ev-" + i).withType(EventType.SHELLING)
                    .withStatus(TimelineStatus.SINGLE_SOURCE).withRevision(1)
                    .withSeen("2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z").withTitle("shelling " + i);
            int kind = random.nextInt(10);
            if (kind == 0) {
                e = e.withDate(Integer.toString(day.getYear()), null, DatePrecision.YEAR);
            } else if (kind == 1) {
                e = e.withDate(day.toString(), day.plusDays(random.nextInt(90)).toString(), DatePrecision.DAY);
            } else if (kind == 2) {
                e = e.withDate(day.toString().substring(0, 7), null, DatePrecision.MONTH);
            } else {
                e = e.withDate(day.toString(), null, DatePrecision.DAY);
            }
            int where = random.nextInt(20);
            if (where == 0) {
                e = e.withLocation(new EventLocation("Nowhere known", null, null, null, null, Place.EXACT));
            } else if (where == 1) {
                // Both sides of the antimeridian (Fiji).
                e = e.withLocation(new EventLocation("Taveuni", -16.8 + random.nextDouble() * 0.2,
                        random.nextBoolean() ? 179.9 + random.nextDouble() * 0.1 : -180 + random.nextDouble() * 0.1,
                        "FJ", null, Place.EXACT));
            } else {
                e = e.withLocation(new EventLocation("Town " + where, 50 + random.nextDouble(),
                        36 + random.nextDouble(), "UA", null, Place.EXACT));
            }
            sequence += 1 + random.nextInt(2);
            batch.add(new TimelineView.Entry(sequence, e));
            all.add(e);
            if (batch.size() == 500) {
                view.applyAll(batch);
                batch.clear();
            }
        }
        view.applyAll(batch);
        // Merged-away events keep a document without dates or places: the date runs must step over them.
        for (int i = 0; i < EVENTS; i += 50) {
            sequence++;
            view.apply(sequence, TimelineEvent.removal("ev-" + i, "ev-" + (i + 1)));
        }
        all.removeIf(e -> Integer.parseInt(e.id().substring(3)) % 50 == 0);
    }

    private static List<String> expected(TimelineFilter f) {
        return all.stream().filter(e -> f.matches(e, new KnownRegions())).sorted(Comparator.comparing(OrderKey::of))
                .map(TimelineEvent::id).toList();
    }

    private static List<String> paged(TimelineFilter f, int limit) {
        List<String> ids = new ArrayList<>();
        OrderKey after = null;
        while (true) {
            TimelinePage page = view.page(f, after, limit);
            page.items().forEach(e -> ids.add(e.id()));
            if (page.nextCursor() == null) {
                return ids;
            }
            after = OrderKey.fromCursor(page.nextCursor());
        }
    }

    private static void same(TimelineFilter f) {
        List<String> want = expected(f);
        assertEquals(want, paged(f, 7), f.toString());
        assertEquals(want.subList(0, Math.min(100, want.size())), view.page(f, null, 100).items().stream()
                .map(TimelineEvent::id).toList(), f.toString());
    }

    private static TimelineFilter near(double lat, double lon, double km) {
        return TimelineFilter.parse(null, null, null, null, null, null, null, lat + "," + lon + "," + km, null);
    }

    @Test
    void circlesLargeAndSmallFindWhatTheFilterPasses() {
        same(near(50.5, 36.5, 30));    // most of the events: checked by doc values
        same(near(50.1, 36.1, 2));     // a few: from the points tree
        same(near(10, 10, 50));        // none
        same(near(-16.7, 180, 15));    // across the antimeridian
        same(near(50.5, 36.5, 20_000)); // the whole Earth
    }

    @Test
    void boxesLargeAndSmallAndAcrossTheAntimeridianFindWhatTheFilterPasses() {
        same(TimelineFilter.parse(null, null, null, null, null, "36,50,37,51", null));
        same(TimelineFilter.parse(null, null, null, null, null, "36.2,50.2,36.3,50.3", null));
        same(TimelineFilter.parse(null, null, null, null, null, "179.95,-17,-179.95,-16.5", null));
        same(TimelineFilter.parse(null, null, null, null, null, "10,10,11,11", null));
    }

    @Test
    void datesFindEventsThatStartInsideAndEventsThatSpanTheFrom() {
        same(TimelineFilter.parse("2024-03-10", "2024-03-20", null, null, null, null, null));
        same(TimelineFilter.parse("2024-06", "2024-06", null, null, null, null, null));
        same(TimelineFilter.parse("2025", null, null, null, null, null, null));
        same(TimelineFilter.parse(null, "2024-01-05", null, null, null, null, null));
        same(TimelineFilter.parse("2026-01-01", null, null, null, null, null, null));
        same(TimelineFilter.parse("2024-05-01", "2024-05-31", null, null, null, null, null, "50.5,36.5,25", null));
        same(TimelineFilter.parse("2024-02", "2024-09", null, null, null, "36,50,36.5,50.5", null));
    }

    @Test
    void aPageChecksDocumentsOnlyWhereGatheringEveryMatchWouldCostMore() {
        // A sixth of a segment of 190,000 for a page of 101: some 600 documents to check, 32,000 to gather.
        assertTrue(PageScanQuery.checks(32_000, 190_000, Long.MAX_VALUE, 101));
        // A few hundred matches are cheaper to gather than the 60,000 documents a page would read to find them.
        assertFalse(PageScanQuery.checks(300, 190_000, Long.MAX_VALUE, 101));
        assertFalse(PageScanQuery.checks(0, 190_000, Long.MAX_VALUE, 101));
        // Another condition that reaches only 200 documents bounds what a check reads.
        assertTrue(PageScanQuery.checks(5_000, 190_000, 200, 101));
    }
}
