package io.newsline.contracts.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsline.contracts.kafka.ConsumerGroupLag;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * The broker's offsets, as a {@link ConsumerGroupLag} reader sees them, published as Prometheus series with
 * the names docs/operations.md lists:
 * <ul>
 *   <li>{@code newsline_consumer_lag_records{group, topic, partition}}: records the group has not committed;</li>
 *   <li>{@code newsline_consumer_committed_records_total{group, topic, partition}}: the group's committed offset,
 *       whose {@code rate()} is the records per second it takes out of the partition;</li>
 *   <li>{@code newsline_topic_records_total{topic, partition}}: the partition's end offset, whose {@code rate()}
 *       is the records per second written to it.</li>
 * </ul>
 * Offsets only grow, so the last two are counters; every instance of a service reports the same broker
 * figures, which dashboards fold with {@code max by (topic, partition)}.
 */
public final class KafkaOffsetMeters implements ConsumerGroupLag.Listener {

    private final MeterRegistry registry;
    private final String group;
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();
    private final Map<TopicPartition, AtomicLong> committed = new ConcurrentHashMap<>();
    private final Map<TopicPartition, AtomicLong> ends = new ConcurrentHashMap<>();

    public KafkaOffsetMeters(MeterRegistry registry, String group) {
        this.registry = registry;
        this.group = group;
    }

    @Override
    public void lag(TopicPartition partition, long records) {
        lags.computeIfAbsent(partition, p -> {
            AtomicLong lag = new AtomicLong();
            Gauge.builder("newsline.consumer.lag.records", lag, AtomicLong::get)
                    .description("Records of the topic not yet committed by the consumer group (end offset - committed offset)")
                    .baseUnit("records")
                    .tags("group", group, "topic", p.topic(), "partition", Integer.toString(p.partition()))
                    .register(registry);
            return lag;
        }).set(records);
    }

    @Override
    public void committed(TopicPartition partition, long offset) {
        committed.computeIfAbsent(partition, p -> {
            AtomicLong value = new AtomicLong();
            FunctionCounter.builder("newsline.consumer.committed.records", value, AtomicLong::get)
                    .description("Committed offset of the consumer group on the partition (the earliest offset while "
                            + "nothing is committed); its rate is the records per second the group consumes")
                    .baseUnit("records")
                    .tags("group", group, "topic", p.topic(), "partition", Integer.toString(p.partition()))
                    .register(registry);
            return value;
        }).set(offset);
    }

    @Override
    public void endOffset(TopicPartition partition, long offset) {
        ends.computeIfAbsent(partition, p -> {
            AtomicLong value = new AtomicLong();
            FunctionCounter.builder("newsline.topic.records", value, AtomicLong::get)
                    .description("End offset of the partition: records written to it so far (a transaction's commit "
                            + "marker takes an offset too); its rate is the records per second written")
                    .baseUnit("records")
                    .tags("topic", p.topic(), "partition", Integer.toString(p.partition()))
                    .register(registry);
            return value;
        }).set(offset);
    }
}
