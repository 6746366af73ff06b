package io.newsline.timeline.domain;

import io.newsline.contracts.model.TimelineEvent;
import java.util.Objects;
import java.util.function.Function;

/**
 * One record of {@code news.timeline} as the feed applied it. Every subscriber of the stream gets the
 * same change, so it also keeps the record's rendered form: rendered by the first subscriber that sends
 * it, then shared by all, instead of once per subscriber.
 */
public final class FeedChange {

    private final long sequence;
    private final TimelineEvent current;
    private final TimelineEvent previous;
    /** Racy single-check: rendering is pure, so two threads racing at worst render the same text twice. */
    private volatile String rendered;

    /**
     * @param current  the record with its {@code sequence} (for a merged-away event, the removal record)
     * @param previous the event's version before this record, or null when it is new
     */
    public FeedChange(long sequence, TimelineEvent current, TimelineEvent previous) {
        this.sequence = sequence;
        this.current = Objects.requireNonNull(current);
        this.previous = previous;
    }

    public long sequence() {
        return sequence;
    }

    public TimelineEvent current() {
        return current;
    }

    public TimelineEvent previous() {
        return previous;
    }

    public boolean isRemoval() {
        return current.isRemoved();
    }

    /** The change rendered by {@code render}, computed once; every caller must pass the same renderer. */
    public String rendered(Function<FeedChange, String> render) {
        String r = rendered;
        if (r == null) {
            r = render.apply(this);
            rendered = r;
        }
        return r;
    }

    @Override
    public String toString() {
        return "FeedChange[sequence=" + sequence + ", id=" + current.id() + ", removal=" + isRemoval() + "]";
    }
}
