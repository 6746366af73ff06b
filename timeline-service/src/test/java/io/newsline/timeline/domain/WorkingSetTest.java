package io.newsline.timeline.domain;

import static io.newsline.timeline.domain.Events.KHARKIV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merger's working set: what it keeps, what it evicts and when, and how it and the index answer together. */
class WorkingSetTest {

    /** An index that finds every event it holds (a superset is what the set asks for) and shows what it was given. */
    private static final class FakeIndex implements CandidateSource {
        final Map<String, TimelineEvent> held = new HashMap<>();
        int nearCalls;

        void apply(TimelineEvent record) {
            held.put(record.id(), record);
        }

        @Override
        public void near(Neighbourhood where, Hit hit) {
            nearCalls++;
            held.values().stream().filter(e -> !e.isRemoved()).forEach(e -> hit.found(e.id(), () -> RuleView.of(e)));
        }

        @Override
        public TimelineEvent read(String id) {
            TimelineEvent e = held.get(id);
            return e == null || e.isRemoved() ? null : e;
        }

        @Override
        public boolean shows(TimelineEvent record) {
            TimelineEvent e = held.get(record.id());
            return e != null && (record.isRemoved() ? e.isRemoved() : !e.isRemoved() && e.revision() >= record.revision());
        }

        @Override
        public boolean folded(String articleId) {
            return held.values().stream().filter(e -> !e.isRemoved())
                    .anyMatch(e -> e.sources().stream().anyMatch(s -> s.articleId().equals(articleId)));
        }
    }

    private final FakeIndex index = new FakeIndex();
    private final WorkingSet set = WorkingSet.over(index, 2, 2, 25);

    private static TimelineEvent event(String id, int revision, String articleId) {
        return TimelineEvent.of(id).withType(EventType.SHELLING).withDate("2025-06-07", null, DatePrecision.DAY)
                .withLocation(KHARKIV).withSources(List.of(EventSource.of(articleId, "AP", null, null)))
                .withRevision(revision);
    }

    /** The events near Kharkiv, each read whole (as the merger reads those a report joins). */
    private Collection<TimelineEvent> nearKharkiv() {
        return nearFrom(set);
    }

    @Test
    void whatTheMergerWroteStaysPastTheCapUntilTheIndexShowsIt() {
        set.put(event("ev-a", 1, "a"));
        set.put(event("ev-b", 1, "b"));
        set.put(event("ev-c", 1, "c"));
        set.trim();
        assertEquals(3, set.size(), "nothing is evicted the index does not have yet");

        index.apply(event("ev-a", 1, "a"));
        set.trim();
        assertEquals(2, set.size(), "the eldest goes once the index shows it");
        assertEquals(1, set.evicted());
        assertEquals(3, nearKharkiv().size(), "and is found in the index again");
    }

    @Test
    void entriesTheIndexNeverShowsDoNotHoldUpTheEvictionOfOthers() {
        WorkingSet small = WorkingSet.over(index, 1, 1, 25);
        // More unshown entries than one trim looks at, then shown ones behind them
        for (int i = 0; i < 100; i++) {
            small.put(event("ev-stuck-" + i, 1, "s" + i));
        }
        small.trim();
        for (int i = 0; i < 10; i++) {
            small.put(event("ev-" + i, 1, "a" + i));
            index.apply(event("ev-" + i, 1, "a" + i));
        }
        // Each trim looks at a bounded number of unshown entries and puts them behind the rest
        for (int t = 0; t < 20 && small.evicted() < 10; t++) {
            small.trim();
        }
        assertEquals(10, small.evicted(), "the shown ones went although older unshown ones came first");
    }

    @Test
    void cleanEntriesGoEvenBehindManyUnshownOnes() {
        WorkingSet small = WorkingSet.over(index, 10, 10, 25);
        for (int i = 0; i < 100; i++) {
            small.put(event("ev-stuck-" + i, 1, "s" + i));
        }
        for (int i = 0; i < 50; i++) {
            index.apply(event("ev-" + i, 1, "a" + i));
        }
        assertEquals(150, nearFrom(small).size());
        small.trim();
        assertEquals(100, small.size(), "every clean copy went in one trim; only the unshown stay over the cap");
    }

    private static Collection<TimelineEvent> nearFrom(WorkingSet s) {
        return s.near("2025-06-07", null, DatePrecision.DAY, 1, EventType.SHELLING, KHARKIV).stream()
                .map(WorkingSet.Nearby::event).toList();
    }

    @Test
    void theLeastRecentlyUsedGoesFirst() {
        for (String id : List.of("ev-a", "ev-b", "ev-c")) {
            index.apply(event(id, 1, id));
            set.put(event(id, 1, id));
        }
        // A report near ev-a uses it (and ev-b, ev-c): then ev-b and ev-c are touched after it.
        set.near("2025-06-07", null, DatePrecision.DAY, 1, EventType.SHELLING, KHARKIV);
        set.put(event("ev-a", 2, "a2"));
        index.apply(event("ev-a", 2, "a2"));
        set.trim();
        assertEquals(2, set.size());
        assertEquals(List.of(2), nearKharkiv().stream().filter(e -> e.id().equals("ev-a")).map(TimelineEvent::revision)
                .toList(), "the event written last stays, at its revision");
    }

    @Test
    void theNewestVersionWinsAndARemovalHidesTheIndexsCopy() {
        index.apply(event("ev-a", 1, "a"));
        index.apply(event("ev-b", 1, "b"));
        set.put(event("ev-a", 2, "a2"));
        set.remove(TimelineEvent.removal("ev-b", "ev-a"));

        Collection<TimelineEvent> found = nearKharkiv();

        assertEquals(1, found.size(), "ev-b was merged away: the index's live copy is stale");
        assertEquals(2, found.iterator().next().revision(), "the merger's revision, not the index's");
        assertEquals(1, set.live());
    }

    @Test
    void eventsReadFromTheIndexAreKeptAndEvictedFirstWhenClean() {
        for (String id : List.of("ev-a", "ev-b", "ev-c", "ev-d")) {
            index.apply(event(id, 1, id));
        }
        assertEquals(4, nearKharkiv().size());
        set.trim();
        assertEquals(2, set.size(), "clean copies go at once past the cap");
        assertEquals(4, nearKharkiv().size(), "what was evicted is read again");
    }

    @Test
    void eventsTheIndexFindsAreComparedOnItsViewAndHeldOnlyOnceRead() {
        for (String id : List.of("ev-a", "ev-b")) {
            index.apply(event(id, 1, id));
        }
        Collection<WorkingSet.Nearby> near = set.near("2025-06-07", null, DatePrecision.DAY, 1, EventType.SHELLING,
                KHARKIV);
        assertEquals(2, near.size());
        assertEquals(0, set.live(), "comparing an event does not hold it");
        WorkingSet.Nearby a = near.stream().filter(n -> n.view().id().equals("ev-a")).findFirst().orElseThrow();
        assertEquals(RuleView.of(event("ev-a", 1, "ev-a")), a.view());
        assertTrue(a.view().reportedBy("ev-a"));
        assertEquals("ev-a", a.event().id());
        assertEquals(1, set.live(), "the event a report joins is read and held");
    }

    @Test
    void anEventTheIndexNoLongerHoldsLiveIsNoCandidate() {
        index.apply(event("ev-a", 1, "a"));
        Collection<WorkingSet.Nearby> near = set.near("2025-06-07", null, DatePrecision.DAY, 1, EventType.SHELLING,
                KHARKIV);
        index.apply(TimelineEvent.removal("ev-a", "ev-b"));
        assertNull(near.iterator().next().event(), "merged away between the look and the read");
        assertEquals(0, set.live());
    }

    @Test
    void articleIdsStayUntilTheIndexNamesThemAndThenTheIndexIsAsked() {
        for (String a : List.of("a", "b", "c")) {
            set.folding(a);
            set.folded(a, true);
        }
        set.trim();
        assertEquals(3, set.articles(), "no article id goes before the index names it");
        assertTrue(set.folded("a"));

        index.apply(event("ev-a", 1, "a"));
        set.trim();
        assertEquals(2, set.articles());
        assertTrue(set.folded("a"), "the index names it");
        assertFalse(set.folded("z"));
    }

    @Test
    void anArticleWhoseFoldWroteNothingGoesAtOnce() {
        set.folding("nothing");
        set.folded("nothing", false);
        for (String a : List.of("b", "c")) {
            set.folding(a);
            set.folded(a, true);
        }
        set.trim();
        assertEquals(2, set.articles());
        assertFalse(set.folded("nothing"), "an article that changed nothing is not remembered past the cap");
    }

    @Test
    void withoutAnIndexEverythingIsKept() {
        WorkingSet all = WorkingSet.everything(25);
        for (int i = 0; i < 50; i++) {
            all.put(event("ev-" + i, 1, "a" + i));
            all.folding("a" + i);
            all.folded("a" + i, true);
            all.trim();
        }
        assertEquals(50, all.live());
        assertEquals(50, all.articles());
        assertEquals(50, nearFrom(all).size());
    }
}
