package io.newsline.timeline.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsline.contracts.kafka.ConsumerDrain;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.metrics.DeadLetterCounter;
import io.newsline.contracts.metrics.StageTimer;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.config.TimelineConfig;
import io.newsline.timeline.domain.EventMerger;
import io.newsline.timeline.domain.MergeDecision;
import io.newsline.timeline.domain.TimelineView;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The merger: folds each enriched article into the timeline and publishes every changed event to
 * {@code news.timeline}. The article's offset is committed (by returning) only after the broker
 * acknowledged all of its records; a re-delivered article is recognised by its id and changes
 * nothing, so each article counts exactly once.
 *
 * <p>A record that is not an EnrichedArticle (not JSON, not UTF-8, no id) or that the merger cannot fold
 * goes to {@code news.articles.dlq} as received, with SmallRye's {@code dead-letter-*} headers, like nlp's
 * dead letters, so {@code ./newsline dlq} lists it and re-drives it to {@code news.articles.enriched}; the
 * merger goes on with the next record. Failures to write (the broker refusing) are not dead-lettered:
 * they stop the channel, so no article is skipped.
 *
 * <p>On shutdown the article being folded finishes (its records acknowledged); records not started yet are
 * held, neither acknowledged nor failed, so the connector commits exactly what was folded before the
 * merger leaves its group and a standby instance takes over from there.
 */
@ApplicationScoped
@Identifier(ArticleFolder.REBALANCE_LISTENER)
public class ArticleFolder implements KafkaConsumerRebalanceListener {

    public static final String REBALANCE_LISTENER = "timeline-merger";
    private static final Logger LOG = Logger.getLogger(ArticleFolder.class);
    /** Longer than one article's records take to be acknowledged by a healthy broker. */
    private static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(8);

    private final EventMerger merger;
    private final TimelineView view;
    private final TimelineLoader loader;
    private final MutinyEmitter<TimelineEvent> timeline;
    private final MutinyEmitter<byte[]> deadLetters;
    private final String enrichedTopic;
    private final Duration catchUpTimeout;
    private final Counter articles;
    private final Counter created;
    private final Counter updated;
    private final Counter mergedAway;
    private final Counter deadLettered;
    private final Counter deadLettersOfTopic;
    private final Timer foldTime;
    private volatile boolean seeded;
    private volatile int partitionsOwned;
    private final ConsumerDrain drain = new ConsumerDrain();

    public ArticleFolder(EventMerger merger, TimelineView view, TimelineLoader loader,
            @Channel(Channels.TIMELINE_OUT) MutinyEmitter<TimelineEvent> timeline,
            @Channel(Channels.DEAD_LETTERS_OUT) MutinyEmitter<byte[]> deadLetters, TimelineConfig config,
            MeterRegistry registry,
            @ConfigProperty(name = "mp.messaging.incoming.enriched-in.topic")
            String enrichedTopic) {
        this.merger = merger;
        this.view = view;
        this.loader = loader;
        this.timeline = timeline;
        this.deadLetters = deadLetters;
        this.enrichedTopic = enrichedTopic;
        this.catchUpTimeout = config.catchUpTimeout();
        this.articles = Counter.builder("newsline.timeline.articles.folded")
                .description("Enriched articles folded into the timeline (their timeline records acknowledged)")
                .register(registry);
        this.created = eventCounter(registry, "created");
        this.updated = eventCounter(registry, "updated");
        this.mergedAway = eventCounter(registry, "merged-away");
        this.deadLettersOfTopic = DeadLetterCounter.of(registry, enrichedTopic);
        Map<MergeDecision, Counter> decisions = new EnumMap<>(MergeDecision.class);
        for (MergeDecision d : MergeDecision.values()) {
            decisions.put(d, Counter.builder("newsline.timeline.merge.decisions")
                    .description("What the merger decided for each event an article reports: a new event, joined "
                            + "an event, or joined two events that were one happening")
                    .tag("decision", d.label())
                    .register(registry));
        }
        merger.onDecision(d -> decisions.get(d).increment());
        this.deadLettered = Counter.builder("newsline.timeline.articles.dead.lettered")
                .description("Records of news.articles.enriched the merger could not read or fold, sent to news.articles.dlq")
                .register(registry);
        this.foldTime = StageTimer.builder("newsline.timeline.fold")
                .description("Time to fold one enriched article into the timeline, until the broker acknowledged its timeline records")
                .register(registry);
        Gauge.builder("newsline.timeline.merger.partitions", this, f -> f.partitionsOwned)
                .description("Partitions of news.articles.enriched this instance merges (all on the merger, 0 on a standby)")
                .register(registry);
    }

    private static Counter eventCounter(MeterRegistry registry, String change) {
        return Counter.builder("newsline.timeline.events")
                .description("Records written to news.timeline, by change: an event created, a new revision, an event merged away")
                .tag("change", change)
                .register(registry);
    }

    @Incoming(Channels.ENRICHED_IN)
    @Blocking
    public void fold(ConsumerRecord<String, byte[]> record) throws InterruptedException, TimeoutException {
        drain.enter();
        try {
            foldRecord(record);
        } finally {
            drain.exit();
        }
    }

    /**
     * Runs before the Kafka connector closes the merger's consumer (ShutdownEvent comes before the beans are
     * destroyed): no article is started any more, and the one being folded is waited for, so its offset is
     * committed when the connector closes the consumer and leaves the group.
     */
    void stopTakingArticles(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException {
        int left = drain.stop(IN_FLIGHT_GRACE);
        LOG.infof("stopped taking articles; %d still being folded", left);
    }

    /**
     * Runs after the Kafka connector closed its consumers (its observer has priority 50): the held records can
     * no longer be committed or dead-lettered, so letting their threads go loses nothing and spares the
     * worker pool's 10 s wait for them.
     */
    void releaseHeld(@Observes @Priority(100) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        drain.release();
    }

    private void foldRecord(ConsumerRecord<String, byte[]> record) throws InterruptedException, TimeoutException {
        long start = System.nanoTime();
        EnrichedArticle article;
        try {
            article = read(record.value());
        } catch (PoisonRecord e) {
            deadLetter(record, e.getMessage(), e.getCause());
            return;
        }
        List<TimelineEvent> records;
        synchronized (this) {
            if (!seeded) {
                seed();
            }
            try {
                records = merger.fold(article);
            } catch (RuntimeException e) {
                // Data the rules do not expect (or a bug): holding up every later article would be worse.
                // Nothing of this article was published; re-seeding from news.timeline drops whatever the
                // failed fold changed in memory.
                LOG.errorf(e, "article %s could not be folded; dead-lettered", article.id());
                records = null;
                seeded = false;
                deadLetter(record, "could not fold: " + e, e.getCause());
            }
        }
        if (records == null) {
            return;
        }
        List<Uni<Void>> sends = new ArrayList<>(records.size());
        for (TimelineEvent change : records) {
            sends.add(timeline.sendMessage(Message.of(change)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(change.id()).build())));
            count(change);
        }
        if (!sends.isEmpty()) {
            // Waits for the broker: the offset of this article is committed only after its records are safe.
            Uni.join().all(sends).andFailFast().await().atMost(Duration.ofMinutes(2));
        }
        articles.increment();
        foldTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("article %s (%s, %d events reported) → %s", article.id(), article.source(),
                    article.events() == null ? 0 : article.events().size(), describe(records));
        }
    }

    /** An enriched record the merger cannot read. */
    private static final class PoisonRecord extends Exception {
        PoisonRecord(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private static EnrichedArticle read(byte[] value) throws PoisonRecord {
        if (value == null || value.length == 0) {
            throw new PoisonRecord("empty record", null);
        }
        EnrichedArticle article;
        try {
            article = Json.mapper().readValue(value, EnrichedArticle.class);
        } catch (JsonProcessingException e) {
            throw new PoisonRecord("not EnrichedArticle JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PoisonRecord("unreadable record: " + e.getMessage(), e);
        }
        if (article == null) {
            throw new PoisonRecord("not EnrichedArticle JSON: null", null);
        }
        if (article.id() == null || article.id().isBlank()) {
            throw new PoisonRecord("id is required", null);
        }
        return article;
    }

    /**
     * Copies the record to news.articles.dlq and waits for the broker, so its offset is committed only once
     * the dead letter is safe. Headers as SmallRye's dead-letter strategy writes them for nlp-service.
     */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, Throwable cause) {
        LOG.warnf("dead-lettering %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", utf8(reason));
        if (cause != null) {
            headers.add("dead-letter-cause", utf8(String.valueOf(cause.getMessage())));
        }
        headers.add("dead-letter-topic", utf8(record.topic() != null ? record.topic() : enrichedTopic));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        byte[] value = record.value() == null ? new byte[0] : record.value();
        deadLetters.sendMessage(Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key()).withHeaders(headers).build()))
                .await().atMost(Duration.ofMinutes(2));
        deadLettered.increment();
        deadLettersOfTopic.increment();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void count(TimelineEvent record) {
        if (record.isRemoved()) {
            mergedAway.increment();
        } else if (record.revision() == 1) {
            created.increment();
        } else {
            updated.increment();
        }
    }

    private static String describe(List<TimelineEvent> records) {
        if (records.isEmpty()) {
            return "no change (already folded or nothing to add)";
        }
        List<String> parts = new ArrayList<>();
        for (TimelineEvent r : records) {
            parts.add(r.isRemoved() ? r.id() + " merged into " + r.mergedInto()
                    : r.id() + " r" + r.revision() + " " + r.date() + " " + r.title() + " [" + r.sourceCount()
                            + " sources, " + r.status().json() + "]");
        }
        return String.join("; ", parts);
    }

    /** Starts from what news.timeline holds now, including everything an earlier merger wrote. */
    private void seed() throws InterruptedException, TimeoutException {
        loader.awaitCaughtUp(catchUpTimeout);
        merger.reset(view.events());
        seeded = true;
        LOG.infof("merger starts from %d events at sequence %d", merger.size(), view.lastSequence());
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitionsOwned = partitions.size();
        // Another instance may have merged while this one stood by: re-read the timeline before folding.
        seeded = false;
        if (!partitions.isEmpty()) {
            LOG.infof("this instance is the merger now: %s", partitions);
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitionsOwned = 0;
        seeded = false;
    }
}
