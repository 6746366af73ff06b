package io.newsline.timeline.domain;

/**
 * What the merger decided for one event an article reports, so operators can see how the timeline is
 * being built ({@code newsline_timeline_merge_decisions_total{decision}}).
 */
public enum MergeDecision {
    /** The report matched no event on the timeline and starts a new one. */
    NEW_EVENT("new-event"),
    /** The report joined the event of the same happening. */
    JOINED("joined"),
    /** The report matched two events, which were thereby one happening: the later one joined the first. */
    EVENTS_JOINED("events-joined");

    private final String label;

    MergeDecision(String label) {
        this.label = label;
    }

    /** The decision as it is labelled in the metrics. */
    public String label() {
        return label;
    }
}
