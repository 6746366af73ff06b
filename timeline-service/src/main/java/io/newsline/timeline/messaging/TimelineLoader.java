package io.newsline.timeline.messaging;

import io.newsline.contracts.kafka.TimelineEventDeserializer;
import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.TimelineView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads {@code news.timeline} into the {@link TimelineView}, then follows it. Every instance does this, merger or
 * not, so any instance serves the whole timeline. The view's index remembers, in each checkpoint, the offset it
 * reaches: a restart reads on from there. An index that is ahead of the topic, or was read from another topic of
 * the same name (its Kafka topic id differs), is emptied and rebuilt from the first record.
 *
 * <p>A plain consumer rather than a Reactive Messaging channel: it reads the one partition from its own position
 * without a consumer group, and knows its position to tell when it has caught up — the record offsets are the
 * feed's sequence numbers.
 *
 * <p>It reads committed records only ({@code read_committed}): the merger writes in transactions, and the
 * records of an aborted one (a merger that died mid-article, or was fenced) are skipped, as are the
 * transaction markers, so sequences have gaps and never a record that was not committed.
 */
@ApplicationScoped
public class TimelineLoader {

    private static final Logger LOG = Logger.getLogger(TimelineLoader.class);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.TIMELINE, 0);
    /** How often the index is written to disk while records flow: what a crash makes the next start read again. */
    static final long CHECKPOINT_EVERY_MS = 5_000;

    private final TimelineView view;
    private final String bootstrap;
    private final String topic;
    private volatile KafkaConsumer<String, TimelineEvent> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean loaded;
    private volatile long position;
    private volatile long lastPollMillis;
    private volatile String failure;
    /** The consumer's open connections to the broker (Kafka's own metric), readable from any thread. */
    private volatile Metric connections;
    private String topicId;
    private long lastCheckpointMillis;
    private long checkpointedPosition = -1;
    /** Whether {@link #position} was read from the consumer in this run (before, it says nothing). */
    private boolean positioned;

    public TimelineLoader(TimelineView view,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "timeline.merger.timeline-topic", defaultValue = Topics.TIMELINE)
            String topic) {
        this.view = view;
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    void start(@Observes StartupEvent ev) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "timeline-loader");
        // No group: each instance reads the whole partition itself and never commits.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Only what the merger committed: never a record of a transaction it aborted or that was fenced.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Big batches make the rebuild of a long timeline fast.
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(32 * 1024 * 1024));
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new TimelineEventDeserializer());
        running = true;
        thread = new Thread(this::run, "timeline-loader");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        KafkaConsumer<String, TimelineEvent> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        TopicPartition tp = new TopicPartition(topic, PARTITION.partition());
        long target = -1;
        try {
            connections = consumer.metrics().entrySet().stream()
                    .filter(e -> e.getKey().name().equals("connection-count") && e.getKey().group().equals("consumer-metrics"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            consumer.assign(List.of(tp));
            seekToResume(tp);
            // Until it has caught up nobody is served: the view publishes in large steps meanwhile.
            view.deferPublishing(true);
            while (running) {
                try {
                    if (target < 0) {
                        // For a read_committed consumer the end is the last stable offset: an open transaction's
                        // records are not waited for.
                        target = consumer.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
                        checkIndexAgainst(tp, target);
                        long from = consumer.position(tp);
                        LOG.infof(from == 0 ? "rebuilding the timeline from %s: %d records to read"
                                : "catching the timeline index up from %s offset " + from + ": %d records to read",
                                topic, target - from);
                        // Nothing to read (an empty or fully compacted-away topic): loaded now, not after
                        // a first poll that would wait its whole timeout for records that do not exist.
                        if (consumer.position(tp) >= target) {
                            position = consumer.position(tp);
                            positioned = true;
                            checkpoint();
                            view.deferPublishing(false);
                            lastPollMillis = System.currentTimeMillis();
                            loaded = true;
                            LOG.infof("timeline loaded: %d events, sequence %d", view.size(), view.lastSequence());
                        }
                    }
                    ConsumerRecords<String, TimelineEvent> records = consumer.poll(Duration.ofMillis(500));
                    List<TimelineView.Entry> batch = new ArrayList<>(records.count());
                    for (ConsumerRecord<String, TimelineEvent> r : records) {
                        batch.add(new TimelineView.Entry(r.offset() + 1, r.value()));
                    }
                    view.applyAll(batch);
                    position = consumer.position(tp);
                    positioned = true;
                    lastPollMillis = System.currentTimeMillis();
                    failure = null;
                    if (!loaded && position >= target) {
                        checkpoint();
                        view.deferPublishing(false);
                        loaded = true;
                        LOG.infof("timeline loaded: %d events, sequence %d", view.size(), view.lastSequence());
                    } else if (System.currentTimeMillis() - lastCheckpointMillis >= CHECKPOINT_EVERY_MS) {
                        checkpoint();
                    }
                } catch (RecordDeserializationException e) {
                    // Only the merger writes this topic; an unreadable record is skipped, not fatal.
                    LOG.errorf("skipping unreadable record at %s offset %d: %s", tp, e.offset(), e.getMessage());
                    consumer.seek(tp, e.offset() + 1);
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    failure = "broker not answering: " + e.getMessage();
                    LOG.warnf("news.timeline not reachable yet: %s", e.getMessage());
                }
            }
        } catch (WakeupException e) {
            // Shutting down.
        } catch (RuntimeException e) {
            failure = e.toString();
            LOG.error("timeline loader stopped", e);
        } finally {
            try {
                checkpoint();
            } catch (RuntimeException e) {
                LOG.warnf("could not write the timeline index at stop (the next start reads on from the last "
                        + "checkpoint): %s", e.toString());
            }
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Starts where the index's last checkpoint ends, or at the first record. */
    private void seekToResume(TopicPartition tp) {
        long resume = view.resumeOffset();
        if (resume > 0) {
            consumer.seek(tp, resume);
        } else {
            consumer.seekToBeginning(List.of(tp));
        }
    }

    /** Empties an index that does not belong to this topic, so the loader rebuilds it from the first record. */
    private void checkIndexAgainst(TopicPartition tp, long end) {
        topicId = TopicIds.of(bootstrap, topic);
        long resume = view.resumeOffset();
        String indexed = view.indexedTopic();
        String why = null;
        if (resume > end) {
            why = "it reaches offset " + resume + " and the topic ends at " + end;
        } else if (resume > 0 && topicId != null && indexed != null && !indexed.equals(topicId)) {
            why = "it was read from topic id " + indexed + ", the topic now has id " + topicId;
        }
        if (why != null) {
            LOG.warnf("the timeline index does not match %s (%s): rebuilding it from the first record", topic, why);
            view.restart();
            consumer.seekToBeginning(List.of(tp));
        }
    }

    /** Writes the index to disk with the position reached, when it moved. */
    private void checkpoint() {
        lastCheckpointMillis = System.currentTimeMillis();
        long at = position;
        if (positioned && at != checkpointedPosition) {
            view.checkpoint(at, topicId);
            checkpointedPosition = at;
        }
    }

    /**
     * Whether the loader is connected to the broker now. Kafka's consumer drops its connections as soon as
     * the broker goes away and counts them again once it reconnects.
     */
    public boolean brokerConnected() {
        Metric m = connections;
        return m != null && m.metricValue() instanceof Number n && n.doubleValue() > 0;
    }

    /** Whether the timeline as it was on news.timeline at start has been read. */
    public boolean loaded() {
        return loaded;
    }

    /** Why the loader is not healthy, or null when it is. */
    public String failure() {
        if (failure != null) {
            return failure;
        }
        Thread t = thread;
        if (t == null) {
            // A readiness probe can come before startup has started the loader.
            return "loader not started yet";
        }
        if (!t.isAlive()) {
            return "loader thread stopped";
        }
        return null;
    }

    /**
     * Waits until everything committed on news.timeline now has been applied to the view: what a merger
     * taking over must see before it folds anything, so it continues from the last merger's state. Called
     * after the new merger's {@code initTransactions}, which has aborted whatever an earlier one left open.
     */
    public void awaitCaughtUp(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long end;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "timeline-merger-catch-up");
        try (Admin admin = Admin.create(p)) {
            TopicPartition tp = new TopicPartition(topic, PARTITION.partition());
            end = admin.listOffsets(Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(tp).offset();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot read the end of " + topic, e.getCause());
        }
        while (position < end || !loaded) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("news.timeline read to " + position + " of " + end);
            }
            Thread.sleep(20);
        }
    }

    public long position() {
        return position;
    }

    public long lastPollMillis() {
        return lastPollMillis;
    }
}
