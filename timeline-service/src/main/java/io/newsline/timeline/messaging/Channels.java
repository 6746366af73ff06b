package io.newsline.timeline.messaging;

/** The Reactive Messaging channels of timeline-service; their topics are named in application.properties. */
public final class Channels {

    /** news.articles.enriched, read by the one merger of the consumer group {@code timeline-merger}. */
    public static final String ENRICHED_IN = "enriched-in";
    /** news.timeline, written by the merger: key = event id, value = the event's latest revision. */
    public static final String TIMELINE_OUT = "timeline-out";
    /** news.articles.dlq: enriched records the merger cannot read or fold, bytes as received. */
    public static final String DEAD_LETTERS_OUT = "dead-letters-out";

    private Channels() {}
}
