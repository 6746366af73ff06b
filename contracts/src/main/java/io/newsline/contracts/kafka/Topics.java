package io.newsline.contracts.kafka;

import java.util.List;
import java.util.Map;

/**
 * Every Kafka topic of Newsline, in one place, with the settings it is created with.
 * Services name these topics in their {@code application.properties}; the local broker creates them.
 */
public final class Topics {

    /** Articles as accepted by ingest; key: article id; value: {@code Article} JSON. */
    public static final String ARTICLES_RAW = "news.articles.raw";
    /** Articles with entities, places and events; key: article id; value: {@code EnrichedArticle} JSON. */
    public static final String ARTICLES_ENRICHED = "news.articles.enriched";
    /** Records nlp-service or the timeline's merger could not process, as received, with {@code dead-letter-*} headers. */
    public static final String ARTICLES_DLQ = "news.articles.dlq";
    /**
     * Which dead letters were re-driven (key: the letter's offset in {@code news.articles.dlq}; value: when, and
     * where it went), so {@code ./newsline dlq} re-drives each once; compacted.
     */
    public static final String ARTICLES_DLQ_REDRIVEN = "news.articles.dlq.redriven";
    /** The merged timeline, one compacted record per event; one partition so offsets are the feed's sequence. */
    public static final String TIMELINE = "news.timeline";
    /** Saved watches of timeline-service, keyed by watch name; a null value deletes one; compacted. */
    public static final String TIMELINE_WATCHES = "news.timeline.watches";
    /** Each watch's delivery position and status, keyed by watch name, so deliveries resume after a restart; compacted. */
    public static final String TIMELINE_DELIVERIES = "news.timeline.deliveries";
    /** Ids of articles ingest has accepted, so a re-post is recognised after a restart; compacted. */
    public static final String INGEST_SEEN = "news.ingest.seen";
    /** Feeds configured through ingest's API, keyed by feed name; a null value deletes one; compacted. */
    public static final String INGEST_FEEDS = "news.ingest.feeds";

    /** A topic to create at broker start: name, partitions and topic-level configuration. */
    public record Spec(String name, int partitions, Map<String, String> config) {}

    public static final List<Spec> ALL = List.of(
            new Spec(ARTICLES_RAW, 3, Map.of()),
            new Spec(ARTICLES_ENRICHED, 3, Map.of()),
            new Spec(ARTICLES_DLQ, 1, Map.of()),
            new Spec(ARTICLES_DLQ_REDRIVEN, 1, Map.of("cleanup.policy", "compact")),
            new Spec(TIMELINE, 1, Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0")),
            new Spec(TIMELINE_WATCHES, 1, Map.of("cleanup.policy", "compact")),
            new Spec(TIMELINE_DELIVERIES, 1, Map.of("cleanup.policy", "compact")),
            new Spec(INGEST_SEEN, 3, Map.of("cleanup.policy", "compact")),
            new Spec(INGEST_FEEDS, 1, Map.of("cleanup.policy", "compact")));

    private Topics() {}
}
