package io.newsline.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** A latency histogram in microseconds, up to one minute, read out in milliseconds. */
final class Latency {

    private final Histogram histogram = new Histogram(60_000_000L, 3);

    synchronized void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos / 1_000, histogram.getHighestTrackableValue())));
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized double percentileMs(double p) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(p) / 1000.0;
    }

    synchronized double maxMs() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    /** p50, p90, p99 and max in milliseconds, for tables and JSON. */
    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50_ms", round(percentileMs(50)));
        m.put("p90_ms", round(percentileMs(90)));
        m.put("p99_ms", round(percentileMs(99)));
        m.put("max_ms", round(maxMs()));
        return m;
    }

    static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
    }
}
