package io.newsline.timeline.domain;

import io.newsline.timeline.index.StoredEvent;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a subscriber replays before the live records: the latest record of every event whose sequence lies above
 * {@code since} and at most {@code upTo}, in sequence order, read from the index a page at a time as the client
 * takes them, so a replay of a million events costs one page of memory. A live event comes as its latest record;
 * a merged-away one only when the subscriber may hold it, as its removal record with the event as it last was
 * ({@link FeedChange#previous()}; null when unknown). An event changed again after the subscription is left to the
 * live records, which carry it at its new sequence.
 */
public final class Replay {

    static final int PAGE = 64;

    private final TimelineView view;
    private final long since;
    private final long upTo;
    private final Deque<FeedChange> buffer = new ArrayDeque<>();
    private long readTo;
    private boolean exhausted;

    Replay(TimelineView view, long since, long upTo) {
        this.view = view;
        this.since = since;
        this.upTo = upTo;
        this.readTo = since;
        this.exhausted = since >= upTo;
    }

    /** The next change to replay, or null when the replay is over. */
    public FeedChange poll() {
        while (buffer.isEmpty() && !exhausted) {
            var page = view.replayPage(readTo, upTo, PAGE);
            if (page.size() < PAGE) {
                exhausted = true;
            }
            for (StoredEvent s : page) {
                readTo = s.sequence();
                FeedChange c = change(s);
                if (c != null) {
                    buffer.add(c);
                }
            }
        }
        return buffer.poll();
    }

    private FeedChange change(StoredEvent s) {
        if (s.isLive() || s.lastLive() == null) {
            // Live, or merged away and never seen live here: whether the subscriber holds it is unknown, so it is told.
            return new FeedChange(s.sequence(), s.record(), null);
        }
        if (s.firstSequence() <= since) {
            return new FeedChange(s.sequence(), s.record(), s.lastLive());
        }
        // Created and merged away after since: the subscriber never had it.
        return null;
    }

    /** The same replay from its start. */
    Replay copy() {
        return new Replay(view, since, upTo);
    }

    /** Drops what is left, as the stream ends. */
    public void clear() {
        buffer.clear();
        exhausted = true;
    }
}
