package io.newsline.e2e;

import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * news.timeline read straight from the broker, as every reader of it reads it (committed records only),
 * and the records no reader may ever see: those of transactions the merger aborted or that were fenced.
 * The merger writes in transactions, so offsets have gaps (aborted records, transaction markers) and the
 * last sequence is the last committed record's offset plus one, not the topic's end offset.
 */
final class TimelineTopic {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.TIMELINE, 0);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private TimelineTopic() {}

    /** Every committed record, in sequence order, up to the last stable offset as it is now. */
    static List<RunningSystem.TimelineRecord> committed(String bootstrap) throws IOException {
        List<RunningSystem.TimelineRecord> records = new ArrayList<>();
        for (ConsumerRecord<String, String> r : read(bootstrap, "read_committed")) {
            records.add(new RunningSystem.TimelineRecord(r.offset() + 1, r.key(), Json.mapper().readTree(r.value())));
        }
        return records;
    }

    /** The sequence of the last committed record, 0 when there is none: what a reader that caught up reflects. */
    static long lastSequence(String bootstrap) throws IOException {
        List<RunningSystem.TimelineRecord> all = committed(bootstrap);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
    }

    /**
     * Sequences of records written to the log but never committed: a reader that shows one of these shows
     * something the merger took back. Read while no transaction is open (the system settled).
     */
    static Set<Long> neverCommitted(String bootstrap) throws IOException {
        Set<Long> written = new TreeSet<>();
        read(bootstrap, "read_uncommitted").forEach(r -> written.add(r.offset() + 1));
        committed(bootstrap).forEach(r -> written.remove(r.sequence()));
        return written;
    }

    private static List<ConsumerRecord<String, String>> read(String bootstrap, String isolation) throws IOException {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.assign(List.of(PARTITION));
            c.seekToBeginning(List.of(PARTITION));
            // For read_committed the end is the last stable offset, for read_uncommitted the high watermark.
            long end = c.endOffsets(List.of(PARTITION), READ_TIMEOUT).get(PARTITION);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (c.position(PARTITION) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("could not read " + Topics.TIMELINE + " to " + end + " within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }
}
