package io.newsline.timeline.domain;

import static io.newsline.timeline.domain.Events.article;
import static io.newsline.timeline.domain.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSignature;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The merger that finds its candidates in the timeline index, with a working set of one event and one article id
 * and an index that lags a few folds behind, decides exactly as the merger that holds every event: the same records,
 * in the same order, for the same articles (late ones, re-delivered ones, recollections, joins included).
 */
class IndexedMergerEquivalenceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC);
    private static final List<EventLocation> PLACES = List.of(
            new EventLocation("Verkhnia Dolyna", 48.10, 35.10, "UA", 9100001L, Place.EXACT, "Dolyna Oblast"),
            new EventLocation("Nyzhnii Brid", 48.18, 35.16, "UA", 9100002L, Place.EXACT, "Dolyna Oblast"),
            new EventLocation("Stepove", 48.90, 36.40, "UA", 9100003L, Place.EXACT, "Stepova Oblast"),
            new EventLocation("Kamianka", null, null, "UA", null, Place.EXACT, null),
            new EventLocation("Dolyna Oblast", 48.0, 35.0, "UA", 9100010L, Place.REGION, "Dolyna Oblast"),
            new EventLocation("Ukraine", 49.0, 32.0, "UA", 690791L, Place.COUNTRY, null));
    private static final List<EventType> TYPES = List.of(EventType.MISSILE_STRIKE, EventType.SHELLING,
            EventType.DRONE_STRIKE, EventType.DISASTER, EventType.CASUALTY_REPORT, EventType.PROTEST);
    private static final List<String> TARGETS = List.of("school", "hypermarket", "hospital", "bridge");
    private static final List<String> TIMES = List.of("night", "morning", "afternoon", "evening");

    @Test
    void theIndexedMergerDecidesAsTheOneThatHoldsEverything() {
        Random random = new Random(17);
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            articles.add(randomArticle(random, i));
        }
        // Some articles come again much later (nlp-service enriching one twice after a crash, a re-drive).
        for (int i = 0; i < 60; i++) {
            articles.add(articles.get(random.nextInt(articles.size())));
        }

        EventMerger everything = new EventMerger(MergeRule.DEFAULT, CLOCK, true);
        TimelineView view = new TimelineView();
        EventMerger indexed = new EventMerger(MergeRule.DEFAULT, CLOCK, true, view.mergeCandidates(), 1, 1);
        Deque<List<TimelineEvent>> notIndexedYet = new ArrayDeque<>();
        long sequence = 0;
        int joins = 0;
        for (EnrichedArticle a : articles) {
            List<TimelineEvent> expected = everything.fold(a);
            List<TimelineEvent> got = indexed.fold(a);
            // Compared as the records published are read back: an event read from the index has [] where one
            // built in memory has null, and the like.
            assertEquals(asPublished(expected), asPublished(got), "article " + a.id());
            joins += (int) got.stream().filter(r -> !r.isRemoved() && r.revision() > 1).count();
            // The loader applies what the merger wrote three folds later.
            notIndexedYet.add(got);
            while (notIndexedYet.size() > 3) {
                List<TimelineView.Entry> batch = new ArrayList<>();
                for (TimelineEvent r : notIndexedYet.poll()) {
                    batch.add(new TimelineView.Entry(++sequence, r));
                }
                view.applyAll(batch);
            }
        }
        assertTrue(joins > 100, "the articles join events often enough to test the look-ups: " + joins);
        assertTrue(indexed.workingSetEvicted() > 500, "the working set evicted: " + indexed.workingSetEvicted());
        assertTrue(indexed.size() < 20, "the working set stays small: " + indexed.size());
    }

    private static List<TimelineEvent> asPublished(List<TimelineEvent> records) {
        List<TimelineEvent> out = new ArrayList<>();
        for (TimelineEvent r : records) {
            try {
                out.add(Json.mapper().readValue(Json.mapper().writeValueAsBytes(r), TimelineEvent.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static EnrichedArticle randomArticle(Random random, int i) {
        LocalDate day = LocalDate.of(2025, 6, 1).plusDays(random.nextInt(25));
        int late = random.nextInt(10) == 0 ? 10 + random.nextInt(20) : random.nextInt(2);
        String published = day.plusDays(late).atTime(random.nextInt(24), 0).toInstant(ZoneOffset.UTC).toString();
        List<Event> events = new ArrayList<>();
        int count = 1 + (random.nextInt(4) == 0 ? 1 : 0);
        for (int k = 0; k < count; k++) {
            String date = random.nextInt(15) == 0 ? day.toString().substring(0, 7) : day.toString();
            Event e = event(TYPES.get(random.nextInt(TYPES.size())), date, PLACES.get(random.nextInt(PLACES.size())),
                    random.nextInt(3) == 0 ? null : random.nextInt(12), "Report " + i + "." + k + ".");
            if (random.nextBoolean()) {
                e = e.withSignature(new EventSignature(null, null, null, null, null, null)
                        .withTarget(random.nextBoolean() ? TARGETS.get(random.nextInt(TARGETS.size())) : null)
                        .withTimeOfDay(random.nextBoolean() ? TIMES.get(random.nextInt(TIMES.size())) : null));
            }
            events.add(random.nextInt(8) == 0 ? e.withBackground(true) : e);
        }
        if (random.nextInt(20) == 0) {
            events.clear();
        }
        return article("art-" + i, "outlet" + random.nextInt(5), published, events.toArray(Event[]::new));
    }
}
