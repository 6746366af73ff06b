package io.newsline.timeline.config;

import io.newsline.contracts.kafka.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The merger's Kafka settings ({@code timeline.merger.*}; environment variables override, e.g.
 * {@code TIMELINE_MERGER_SESSION_TIMEOUT}). See docs/timeline.md, "Durability and scale-out".
 */
@ConfigMapping(prefix = "timeline.merger")
public interface MergerConfig {

    /**
     * Whether this instance takes part in merging. Off, it only reads {@code news.timeline} and serves it (a read
     * replica: its memory is that of the index's reads, not that of a merger's state; docs/timeline.md).
     */
    @WithDefault("true")
    boolean enabled();

    /** What the merger reads: EnrichedArticle records keyed by article id. */
    @WithDefault(Topics.ARTICLES_ENRICHED)
    String enrichedTopic();

    /** What the merger writes and every instance reads: one record per event revision. */
    @WithDefault(Topics.TIMELINE)
    String timelineTopic();

    /** Where enriched records the merger cannot read or fold go, bytes as received. */
    @WithDefault(Topics.ARTICLES_DLQ)
    String deadLetterTopic();

    /** The consumer group every instance joins; one member merges. */
    @WithDefault("timeline-merger")
    String group();

    /**
     * The one transactional id of the merger role, the same on every instance: whoever takes the role
     * over fences every earlier holder, so a merger that wakes after its successor started writes nothing.
     */
    @WithDefault("timeline-merger")
    String transactionalId();

    /** How long the group waits for a silent merger (killed, frozen) before a standby takes over. */
    @WithDefault("PT10S")
    Duration sessionTimeout();

    @WithDefault("PT3S")
    Duration heartbeatInterval();

    /** At most this many enriched articles go into one transaction (all that one poll returned, up to this). */
    @WithDefault("200")
    int maxArticlesPerTransaction();

    /**
     * How many events the merger keeps in memory: the ones it wrote until the index shows them, and the ones it
     * read from the index last. The rest it finds in the index (docs/timeline.md, The merger's working set).
     */
    @WithDefault("5000")
    int workingSet();

    /** How many ids of folded articles the merger keeps to recognise a re-delivered one; beyond them it asks the index. */
    @WithDefault("100000")
    int recentArticles();

    /**
     * For the fault tests only: the first time the merger folds an article into several timeline records,
     * it writes the first one, waits until the broker has it, logs {@code test fault: halting} and sleeps
     * this long before writing the rest, so a test can kill or freeze it mid-article. Unset in production.
     */
    Optional<Duration> testHaltMidArticle();
}
