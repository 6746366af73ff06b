package io.newsline.contracts.metrics;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * How every service times a stage of the pipeline ({@code newsline_*_seconds}): the quantiles 0.5, 0.95 and
 * 0.99 the service computes itself (over the last minutes), which {@code ./newsline top} shows, and histogram
 * buckets ({@code _bucket{le}}) from 1 ms to 30 s, so that Prometheus can compute any percentile over any
 * window and across instances with {@code histogram_quantile}.
 */
public final class StageTimer {

    private static final Duration SHORTEST = Duration.ofMillis(1);
    private static final Duration LONGEST = Duration.ofSeconds(30);

    /** A timer builder with the quantiles and buckets set; the caller adds description and tags. */
    public static Timer.Builder builder(String name) {
        return Timer.builder(name)
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(SHORTEST)
                .maximumExpectedValue(LONGEST);
    }

    private StageTimer() {}
}
