package io.newsline.localkafka.top;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** One line of a Prometheus text page: a series name, its labels and its value. */
public record MetricSample(String name, Map<String, String> labels, double value) {

    public MetricSample {
        // Sorted, so a series reads the same whatever order the page gave its labels in.
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** The value of one label, or null. */
    public String label(String key) {
        return labels.get(key);
    }
}
