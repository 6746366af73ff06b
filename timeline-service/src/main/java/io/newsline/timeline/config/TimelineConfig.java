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

    /** Write tokens (NEWSLINE_TOKENS, comma-separated); with read tokens set, they may read too. */
    Optional<String> tokens();

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
