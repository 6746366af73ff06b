package io.newsline.timeline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of timeline-service; environment variables override them (TIMELINE_MERGE_MAX_DISTANCE_KM, …). */
@ConfigMapping(prefix = "timeline")
public interface TimelineConfig {

    /**
     * Give an article the NLP found no event in one OTHER event on its publication day, so every
     * article shows on the timeline while event extraction is young. Off: such articles add nothing.
     */
    @WithDefault("true")
    boolean publicationFallback();

    Merge merge();

    Stream stream();

    /** Read tokens (NEWSLINE_READ_TOKENS, comma-separated); when absent, reads are open. */
    Optional<String> readTokens();

    /** Write tokens (NEWSLINE_TOKENS, comma-separated): for saving and deleting watches, and, with read tokens
     * set, they may read too; none configured refuses every write. */
    Optional<String> tokens();

    Watches watches();

    Index index();

    /** The timeline's read model on disk; see docs/timeline.md, "The index". */
    interface Index {
        /** Its folder (TIMELINE_INDEX_DIR); absent, a temporary folder deleted at stop (the tests). */
        Optional<String> dir();
    }

    /** How long the service waits, at start and when it becomes the merger, to read news.timeline to its end. */
    @WithDefault("PT2M")
    Duration catchUpTimeout();

    /** The thresholds of the merge rule; see docs/timeline.md. */
    interface Merge {
        /** Two town-level places at most this far apart are one place. */
        @WithDefault("25")
        double maxDistanceKm();

        /** Day-precise dates at most this many days apart may merge (0: they must overlap). */
        @WithDefault("0")
        int dayTolerance();

        /** Day-precise dates one day apart still merge when the reports were published at most this long apart. */
        @WithDefault("PT18H")
        Duration adjacentDayWithin();
    }

    /** Watches and their webhook deliveries; see docs/watches.md. */
    interface Watches {
        /** A receiver failing for this long has the waiting delivery, and each later one it fails, recorded as failed. */
        @WithDefault("PT1H")
        Duration retryFor();

        /** The wait after a delivery's first failed attempt; it doubles with each further one. */
        @WithDefault("PT1S")
        Duration firstRetry();

        /** The longest wait between two attempts of a delivery. */
        @WithDefault("PT1M")
        Duration maxRetry();

        /** How long a delivery waits for the receiver to accept the connection. */
        @WithDefault("PT5S")
        Duration connectTimeout();

        /** How long a delivery waits for the receiver's answer once connected. */
        @WithDefault("PT10S")
        Duration readTimeout();

        /**
         * How often the deliverer stores the positions that moved; a deliverer killed outright has the changes it
         * delivered since delivered again by the next one.
         */
        @WithDefault("PT5S")
        Duration statusEvery();

        /** Records of news.timeline kept in memory for live deliveries; older ones are read from the topic. */
        @WithDefault("10000")
        int recentChanges();

        /** The most watches the service keeps; a request for one more is refused. */
        @WithDefault("10000")
        int max();

        /** Entries of a watch's Atom feed. */
        @WithDefault("50")
        int feedEntries();

        /** How long saving or deleting a watch waits for the broker. */
        @WithDefault("PT10S")
        Duration writeTimeout();
    }

    /** The SSE stream's limits. */
    interface Stream {
        /** How often an idle stream gets a {@code : ping} comment. */
        @WithDefault("PT15S")
        Duration heartbeat();

        /** Live messages a subscriber may fall behind by before it gets {@code overflow} and is closed. */
        @WithDefault("1000")
        int buffer();
    }
}
