package io.newsline.ingest.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads compacted state topics from their beginning to the end offsets they had when reading started,
 * without a consumer group (nothing is committed: every start reads them all again). One consumer for
 * all of them, so a start pays for one client and one set of round trips.
 */
final class CompactedTopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;

    CompactedTopicReader(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-state");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Asking for a missing state topic must not make the broker create it uncompacted.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Which of {@code topics} the broker has, with one metadata request. */
    Set<String> existing(Set<String> topics, Duration timeout) {
        Set<String> all = consumer.listTopics(timeout).keySet();
        return Set.copyOf(topics.stream().filter(all::contains).toList());
    }

    /**
     * Hands every record of each topic (a null value is a deletion) to that topic's sink, in offset order
     * per partition.
     */
    void readAll(Map<String, BiConsumer<String, byte[]>> sinks, Duration timeout) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : sinks.keySet()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new TimeoutException("topic " + topic + " does not exist (yet)");
            }
            infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos() * 10;
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("reading " + sinks.keySet() + " to their end took too long");
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                sinks.get(r.topic()).accept(r.key(), r.value());
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
