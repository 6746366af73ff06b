package io.newsline.timeline.domain;

import io.newsline.contracts.model.TimelineEvent;
import java.util.List;

/**
 * One page of the timeline.
 *
 * @param nextCursor where the next page starts, or null on the last page
 * @param sequence   the highest feed sequence the page reflects (0 when the feed is empty)
 */
public record TimelinePage(List<TimelineEvent> items, String nextCursor, long sequence) {}
