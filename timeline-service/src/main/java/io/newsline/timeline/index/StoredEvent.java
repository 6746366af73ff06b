package io.newsline.timeline.index;

import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.Revision;
import java.util.List;

/**
 * What the index keeps of one event id: its latest record of {@code news.timeline} (with its sequence; for a
 * merged-away event, the removal record), the event as it last was live when that record is a removal (null when
 * it was never seen live here: its records were compacted away), the sequence of the first record of the id, and
 * what changed at each revision.
 */
public record StoredEvent(String id, TimelineEvent record, TimelineEvent lastLive, long firstSequence,
        List<Revision> revisions) {

    public long sequence() {
        return record.sequence();
    }

    public boolean isLive() {
        return !record.isRemoved();
    }
}
