package io.newsline.contracts.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Reads, every few seconds, how many records of a topic a consumer group has not committed yet (end offset
 * minus committed offset, from the earliest record where nothing is committed). Read from the broker, so
 * every instance of a service reports the group's lag whether or not it owns the partition, and records in
 * flight count until they are really done, unlike the consumer's own position-based {@code records-lag}.
 * The same round reads the end offsets of the topics the service writes, so rates in and out of every
 * topic can be told from the broker's own offsets.
 */
public final class ConsumerGroupLag implements AutoCloseable {

    /** Hears each round's figures; runs on the reader's own thread. */
    public interface Listener {
        /** The lag of one partition of the topic, in records. */
        void lag(TopicPartition partition, long records);

        /**
         * Where the group stands on one partition of its topic: the committed offset, or the earliest offset
         * where nothing is committed yet; the lag is {@code end - committed}.
         */
        default void committed(TopicPartition partition, long offset) {}

        /** The end offset of one partition of the group's topic or of one of the other topics read. */
        default void endOffset(TopicPartition partition, long offset) {}

        /** After each successful round, for figures of other partitions read with {@link #endOffset}. */
        default void refreshed(ConsumerGroupLag reader) throws Exception {}
    }

    private static final System.Logger LOG = System.getLogger(ConsumerGroupLag.class.getName());
    private static final long TIMEOUT_S = 4;

    private final Admin admin;
    private final ScheduledExecutorService timer;
    private final String group;
    private final String topic;
    private final List<String> otherTopics;
    private final Listener listener;

    private ConsumerGroupLag(String bootstrapServers, String clientId, String group, String topic,
            List<String> otherTopics, Listener listener) {
        this.group = group;
        this.topic = topic;
        this.otherTopics = List.copyOf(otherTopics);
        this.listener = listener;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, clientId);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts reading at once and then every {@code every}; {@link #close} stops it. */
    public static ConsumerGroupLag start(String bootstrapServers, String clientId, String group, String topic,
            Duration every, Listener listener) {
        return start(bootstrapServers, clientId, group, topic, List.of(), every, listener);
    }

    /** As above, and reports the end offsets of {@code otherTopics} (the ones the service writes) each round. */
    public static ConsumerGroupLag start(String bootstrapServers, String clientId, String group, String topic,
            List<String> otherTopics, Duration every, Listener listener) {
        ConsumerGroupLag reader = new ConsumerGroupLag(bootstrapServers, clientId, group, topic, otherTopics, listener);
        reader.timer.scheduleWithFixedDelay(reader::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return reader;
    }

    /** The end offset of any partition, for a listener that compares another reader's position with it. */
    public long endOffset(TopicPartition partition) throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get(TIMEOUT_S, TimeUnit.SECONDS)
                .get(partition).offset();
    }

    private void refresh() {
        try {
            List<String> topics = new ArrayList<>();
            topics.add(topic);
            otherTopics.stream().filter(t -> !t.equals(topic)).forEach(topics::add);
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_S, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicDescription d : described.values()) {
                for (TopicPartitionInfo p : d.partitions()) {
                    TopicPartition tp = new TopicPartition(d.name(), p.partition());
                    latest.put(tp, OffsetSpec.latest());
                    if (d.name().equals(topic)) {
                        partitions.add(tp);
                        earliest.put(tp, OffsetSpec.earliest());
                    }
                }
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(TIMEOUT_S, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> starts =
                    admin.listOffsets(earliest).all().get(TIMEOUT_S, TimeUnit.SECONDS);
            ends.forEach((tp, end) -> listener.endOffset(tp, end.offset()));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                // Nothing committed yet: the group starts from the earliest record (auto.offset.reset=earliest).
                long from = c != null ? c.offset() : starts.get(tp).offset();
                listener.committed(tp, from);
                listener.lag(tp, Math.max(0, ends.get(tp).offset() - from));
            }
            listener.refreshed(this);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The broker is away: the listener keeps its last figures (readiness says it is away); try again later.
            LOG.log(System.Logger.Level.DEBUG, "consumer lag of {0} not refreshed: {1}", group, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(1));
    }
}
