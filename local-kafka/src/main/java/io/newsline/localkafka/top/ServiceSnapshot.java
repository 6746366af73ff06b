package io.newsline.localkafka.top;

import java.util.List;
import java.util.Optional;

/**
 * What one service said at one moment: its readiness and its Prometheus page.
 *
 * @param detail for a service that is not ready, the checks that are DOWN; for one that cannot be reached, why;
 *               for a ready one whose metrics page did not answer, that
 */
public record ServiceSnapshot(String name, Readiness readiness, String detail, List<MetricSample> samples) {

    public enum Readiness { READY, NOT_READY, UNREACHABLE }

    public ServiceSnapshot {
        samples = List.copyOf(samples);
    }

    /** The samples of one series name. */
    public List<MetricSample> series(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The sum of every sample of a series name, when there is one. */
    public Optional<Double> sum(String name) {
        List<MetricSample> found = series(name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.stream().mapToDouble(MetricSample::value).sum());
    }
}
