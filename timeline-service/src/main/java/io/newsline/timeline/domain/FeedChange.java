package io.newsline.timeline.domain;

import io.newsline.contracts.model.TimelineEvent;

/**
 * One record of {@code news.timeline} as the feed applied it.
 *
 * @param current  the record with its {@code sequence} (for a merged-away event, the removal record)
 * @param previous the event's version before this record, or null when it is new
 */
public record FeedChange(long sequence, TimelineEvent current, TimelineEvent previous) {

    public boolean isRemoval() {
        return current.isRemoved();
    }
}
