package io.newsline.localkafka.top;

import java.util.Map;
import java.util.Objects;

/**
 * Differences between two rounds of {@code ./newsline top}, per second: records into a topic (its end offsets),
 * out of it by a group (its committed offsets) and through a service's counters. Null where a figure is missing
 * from either round, so the screen shows "-" rather than a made-up rate.
 */
final class Rates {
    private final Snapshot before;
    private final Snapshot now;
    private final double seconds;

    Rates(Snapshot before, Snapshot now, double seconds) {
        this.before = before;
        this.now = now;
        this.seconds = seconds;
    }

    Long topicAdded(String topic) {
        if (seconds <= 0 || before.broker() == null || now.broker() == null) {
            return null;
        }
        BrokerSnapshot.TopicOffsets a = before.broker().topic(topic);
        BrokerSnapshot.TopicOffsets b = now.broker().topic(topic);
        return a == null || b == null ? null : Math.max(0, b.endTotal() - a.endTotal());
    }

    Double topicIn(String topic) {
        Long added = topicAdded(topic);
        return added == null ? null : added / seconds;
    }

    Double groupOut(String group, String topic) {
        if (seconds <= 0 || before.broker() == null || now.broker() == null) {
            return null;
        }
        BrokerSnapshot.GroupOffsets a = before.broker().group(group);
        BrokerSnapshot.GroupOffsets b = now.broker().group(group);
        BrokerSnapshot.TopicOffsets ta = before.broker().topic(topic);
        BrokerSnapshot.TopicOffsets tb = now.broker().topic(topic);
        if (a == null || b == null || ta == null || tb == null) {
            return null;
        }
        long taken = 0;
        for (Integer p : tb.end().keySet()) {
            long from = position(a, ta, p);
            long to = position(b, tb, p);
            taken += Math.max(0, to - from);
        }
        return taken / seconds;
    }

    private static long position(BrokerSnapshot.GroupOffsets g, BrokerSnapshot.TopicOffsets t, int p) {
        return g.committed().getOrDefault(t.name(), Map.of()).getOrDefault(p, t.start().getOrDefault(p, 0L));
    }

    Double serviceRate(String service, String series, Map<String, String> labels) {
        if (seconds <= 0) {
            return null;
        }
        Double a = value(before, service, series, labels);
        Double b = value(now, service, series, labels);
        if (b == null) {
            return null;
        }
        // A series that appeared between the rounds counted everything since the service started.
        double from = a == null ? 0 : a;
        return b >= from ? (b - from) / seconds : null;
    }

    private static Double value(Snapshot s, String service, String series, Map<String, String> labels) {
        for (ServiceSnapshot svc : s.services()) {
            if (svc.name().equals(service)) {
                for (MetricSample m : svc.series(series)) {
                    if (Objects.equals(m.labels(), labels)) {
                        return m.value();
                    }
                }
            }
        }
        return null;
    }
}
