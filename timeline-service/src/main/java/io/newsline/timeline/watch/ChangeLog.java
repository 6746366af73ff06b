package io.newsline.timeline.watch;

import io.newsline.contracts.model.TimelineEvent;
import java.util.List;

/** The records of {@code news.timeline} by sequence, as watches read them: in order, and one by one. */
public interface ChangeLog {

    /** The records after {@code sequence}, in sequence order, at most {@code max}; empty when none is there yet. */
    List<TimelineEvent> after(long sequence, int max);

    /**
     * The record at exactly this sequence (with its {@code sequence} set), or null when the feed no longer holds
     * it: compaction removed it because a later revision of the same event followed.
     */
    TimelineEvent at(long sequence);
}
