package io.newsline.timeline.messaging;

import io.newsline.contracts.kafka.TimelineEventDeserializer;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.watch.ChangeLog;
import io.newsline.timeline.watch.RecentChanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code news.timeline} by sequence for the watches: the records this instance applied lately from memory
 * ({@link RecentChanges}), older ones from the topic with a consumer of its own, committed records only. Records
 * beyond what the timeline view has applied are not handed out, so watches see the feed as readers do.
 * The merger writes in transactions, so sequences have gaps (transaction markers, aborted records): a record is
 * found by seeking to its offset and reading on, never by counting.
 */
final class FeedChangeLog implements ChangeLog, AutoCloseable {

    private static final int HISTORY_CACHE = 2_000;

    private final RecentChanges recent;
    private final LongSupplier applied;
    private final String bootstrap;
    private final TopicPartition partition;
    /** Records lately read from the topic, for deliveries that read them one by one. Guarded by this. */
    private final LinkedHashMap<Long, TimelineEvent> history = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TimelineEvent> eldest) {
            return size() > HISTORY_CACHE;
        }
    };
    private KafkaConsumer<String, TimelineEvent> consumer;

    /** @param applied the sequence of the last record the timeline view applied */
    FeedChangeLog(RecentChanges recent, LongSupplier applied, String bootstrap, String topic) {
        this.recent = recent;
        this.applied = applied;
        this.bootstrap = bootstrap;
        this.partition = new TopicPartition(topic, 0);
    }

    @Override
    public List<TimelineEvent> after(long sequence, int max) {
        long last = applied.getAsLong();
        if (sequence >= last) {
            return List.of();
        }
        List<TimelineEvent> fromMemory = recent.after(sequence, max);
        if (fromMemory != null) {
            return fromMemory.stream().filter(e -> e.sequence() <= last).toList();
        }
        return read(sequence, Math.min(max, (int) Math.min(Integer.MAX_VALUE, last - sequence)), last);
    }

    @Override
    public TimelineEvent at(long sequence) {
        if (recent.covers(sequence)) {
            return recent.at(sequence);
        }
        synchronized (this) {
            TimelineEvent cached = history.get(sequence);
            if (cached != null) {
                return cached;
            }
        }
        List<TimelineEvent> read = read(sequence - 1, 500, applied.getAsLong());
        return !read.isEmpty() && read.get(0).sequence() == sequence ? read.get(0) : null;
    }

    /** Records after {@code sequence} up to {@code last}, from the topic. */
    private synchronized List<TimelineEvent> read(long sequence, int max, long last) {
        KafkaConsumer<String, TimelineEvent> c = consumer();
        // A record's sequence is its offset plus one: the records after sequence s start at offset s.
        c.seek(partition, sequence);
        List<TimelineEvent> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (out.isEmpty() && c.position(partition) < last && System.nanoTime() < deadline) {
            try {
                for (ConsumerRecord<String, TimelineEvent> r : c.poll(Duration.ofMillis(200))) {
                    long seq = r.offset() + 1;
                    if (r.value() != null && r.value().id() != null && seq <= last && out.size() < max) {
                        TimelineEvent e = r.value().withSequence(seq);
                        out.add(e);
                        history.put(seq, e);
                    }
                }
            } catch (RecordDeserializationException e) {
                // The loader skips such a record too; so do the watches.
                c.seek(partition, e.offset() + 1);
            }
        }
        if (out.isEmpty() && c.position(partition) < last) {
            throw new IllegalStateException("could not read " + partition.topic() + " after sequence " + sequence);
        }
        return out;
    }

    private KafkaConsumer<String, TimelineEvent> consumer() {
        if (consumer == null) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, "timeline-watch-history");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            // Only what the merger committed: a change it rolled back never reaches a webhook.
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
            consumer = new KafkaConsumer<>(p, new StringDeserializer(), new TimelineEventDeserializer());
            consumer.assign(List.of(partition));
        }
        return consumer;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(2));
            consumer = null;
        }
    }
}
