package io.newsline.timeline.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentChangesTest {

    @Test
    void answersFromMemoryOnlyWhatItStillHolds() {
        RecentChanges recent = new RecentChanges(3);
        for (long s : new long[] {1, 2, 4, 5}) { // sequence 3 never came: a gap in the feed
            recent.add(TestEvents.event("ev-" + s, 1, s, "SHELLING", 50, 36, null));
        }

        assertEquals(List.of(4L, 5L), sequences(recent.after(2, 10)), "2 is the oldest kept: everything after is here");
        assertEquals(List.of(5L), sequences(recent.after(4, 10)));
        assertEquals(List.of(), recent.after(5, 10));
        assertNull(recent.after(0, 10), "record 1 has left the ring: read the topic");
        assertTrue(recent.covers(2));
        assertFalse(recent.covers(1));
        assertEquals("ev-4", recent.at(4).id());
        assertNull(recent.at(3), "no record there");
        assertEquals(List.of(4L), sequences(recent.after(2, 1)), "at most max");
    }

    private static List<Long> sequences(List<TimelineEvent> events) {
        return events.stream().map(TimelineEvent::sequence).toList();
    }
}
