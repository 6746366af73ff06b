package io.newsline.timeline.domain;

import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A merger with the default rule at a fixed clock and the timeline its records make, for tests that fold articles. */
final class FoldedTimeline {

    private final EventMerger merger;
    private final TimelineView view = new TimelineView();
    private long sequence;

    FoldedTimeline(String now) {
        merger = new EventMerger(MergeRule.DEFAULT, Clock.fixed(Instant.parse(now), ZoneOffset.UTC), false);
    }

    void fold(EnrichedArticle a) {
        merger.fold(a).forEach(r -> view.apply(++sequence, r));
    }

    List<TimelineEvent> events() {
        return view.page(TimelineFilter.NONE, null, 1000).items();
    }
}
