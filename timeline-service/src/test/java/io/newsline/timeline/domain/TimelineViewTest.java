package io.newsline.timeline.domain;

import static io.newsline.timeline.domain.Events.KHARKIV;
import static io.newsline.timeline.domain.Events.article;
import static io.newsline.timeline.domain.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineViewTest {

    private final EventMerger merger = new EventMerger(MergeRule.DEFAULT, Clock.systemUTC(), false);
    private final TimelineView view = new TimelineView();
    private long offset;

    private void publish(List<TimelineEvent> records) {
        records.forEach(r -> view.apply(++offset, r));
    }

    @Test
    void pagesFollowTimelineOrderAndTheCursorContinuesWhereThePageEnded() {
        publish(merger.fold(article("a3", "AP", "2025-06-09T00:00:00Z",
                event(EventType.SHELLING, "2025-06-09", KHARKIV, 1, "Third."))));
        publish(merger.fold(article("a1", "AP", "2025-06-07T00:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 1, "First."))));
        publish(merger.fold(article("a2", "AP", "2025-06-08T00:00:00Z",
                event(EventType.SHELLING, "2025-06-08", KHARKIV, 1, "Second."))));

        TimelinePage first = view.page(TimelineFilter.NONE, null, 2);
        TimelinePage second = view.page(TimelineFilter.NONE, OrderKey.fromCursor(first.nextCursor()), 2);

        assertEquals(List.of("2025-06-07", "2025-06-08"), first.items().stream().map(TimelineEvent::date).toList());
        assertEquals(List.of("2025-06-09"), second.items().stream().map(TimelineEvent::date).toList());
        assertNull(second.nextCursor());
        assertEquals(3, first.sequence());
    }

    @Test
    void aSubscriberGetsEveryRecordOnceAcrossItsReplayAndTheLiveFeed() {
        publish(merger.fold(article("a1", "AP", "2025-06-07T00:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 1, "First."))));
        publish(merger.fold(article("a2", "AP", "2025-06-08T00:00:00Z",
                event(EventType.SHELLING, "2025-06-08", KHARKIV, 1, "Second."))));
        List<Long> seen = new ArrayList<>();

        TimelineView.Snapshot snapshot = view.subscribe(1, change -> seen.add(change.sequence()));
        snapshot.replay().forEach(e -> seen.add(e.sequence()));
        publish(merger.fold(article("a3", "Reuters", "2025-06-08T00:00:00Z",
                event(EventType.SHELLING, "2025-06-08", KHARKIV, 1, "Second, again."))));

        assertEquals(List.of(2L, 3L), seen.stream().sorted().toList());
        assertEquals(2, snapshot.sequence());
    }

    @Test
    void aSubscriberResumingPastWhatIsLoadedIsNotSentWhatItHasWhenTheRebuildCatchesUp() {
        publish(merger.fold(article("a1", "AP", "2025-06-07T00:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 1, "First."))));

        TimelineView.Snapshot resumed = view.subscribe(3, change -> { });
        TimelineView.Snapshot live = view.subscribe(Long.MAX_VALUE, change -> { });

        assertEquals(List.of(), resumed.replay());
        assertEquals(3, resumed.sequence(), "records up to the client's Last-Event-ID are not sent again");
        assertEquals(1, live.sequence(), "a live-only subscriber continues from what is applied");
    }

    @Test
    void theLatestChangedEventsThatMatchComeNewestFirst() {
        publish(merger.fold(article("a1", "AP", "2025-06-09T00:00:00Z",
                event(EventType.SHELLING, "2025-06-09", KHARKIV, 1, "Shelling."))));
        publish(merger.fold(article("a2", "AP", "2025-06-01T00:00:00Z",
                event(EventType.PROTEST, "2025-06-01", KHARKIV, null, "A protest."))));
        publish(merger.fold(article("a3", "AP", "2025-06-03T00:00:00Z",
                event(EventType.SHELLING, "2025-06-03", KHARKIV, 2, "More shelling."))));

        TimelineFilter shelling = TimelineFilter.parse(null, null, null, "shelling", null, null, null);

        assertEquals(List.of("2025-06-03", "2025-06-09"), view.latest(shelling, 10).stream().map(TimelineEvent::date)
                .toList(), "by when they changed, not by when they happened");
        assertEquals(1, view.latest(TimelineFilter.NONE, 1).size());
    }

    @Test
    void revisionsSayWhatChanged() {
        publish(merger.fold(article("a1", "AP", "2025-06-07T00:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 1, "One killed."))));
        List<TimelineEvent> update = merger.fold(article("a2", "Reuters", "2025-06-07T10:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 2, "Two killed.")));
        publish(update);

        List<Revision> revisions = view.revisions(update.get(0).id());

        assertEquals(List.of(1, 2), revisions.stream().map(Revision::revision).toList());
        assertTrue(revisions.get(1).changes().contains("killed: 1 → 2"), revisions.get(1).changes().toString());
        assertTrue(revisions.get(1).changes().stream().anyMatch(c -> c.startsWith("source added: a2")));
    }
}
