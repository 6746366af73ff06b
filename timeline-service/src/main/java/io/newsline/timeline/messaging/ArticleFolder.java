package io.newsline.timeline.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.TimelineEventSerializer;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.config.MergerConfig;
import io.newsline.timeline.config.TimelineConfig;
import io.newsline.timeline.domain.EventMerger;
import io.newsline.timeline.domain.TimelineView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Turns one record of {@code news.articles.enriched} into the records it causes: every event of the
 * timeline the article changes, for {@code news.timeline}, or, for a record that is not an
 * EnrichedArticle (not JSON, not UTF-8, no id) or that the rules fail to fold, a dead letter for
 * {@code news.articles.dlq} with the {@code dead-letter-*} headers nlp-service's dead letters carry, so
 * {@code ./newsline dlq} lists and re-drives both alike. Writes nothing itself: {@link TransactionalMerger}
 * writes what it returns, with the article's offset, in one transaction.
 *
 * <p>Holds the {@link EventMerger}, seeded from what {@code news.timeline} holds (committed records only)
 * before the first fold after a take-over or an aborted transaction, so it continues exactly where the
 * last committed transaction left the timeline.
 */
@ApplicationScoped
public class ArticleFolder {

    private static final Logger LOG = Logger.getLogger(ArticleFolder.class);
    private static final TimelineEventSerializer TIMELINE_JSON = new TimelineEventSerializer();

    /**
     * What one enriched record becomes. {@code stateSpoiled}: the rules threw half-way, so the merger's
     * memory holds a partial fold; it is re-seeded from news.timeline before the next article.
     */
    public record Fold(ConsumerRecord<String, byte[]> source, EnrichedArticle article, List<TimelineEvent> changes,
            List<ProducerRecord<String, byte[]>> records, boolean deadLettered, boolean stateSpoiled) {}

    private final EventMerger merger;
    private final TimelineView view;
    private final TimelineLoader loader;
    private final String enrichedTopic;
    private final String timelineTopic;
    private final String deadLetterTopic;
    private final Duration catchUpTimeout;
    private final Counter articles;
    private final Counter created;
    private final Counter updated;
    private final Counter mergedAway;
    private final Counter deadLettered;
    private final Timer foldTime;
    private boolean seeded;

    public ArticleFolder(EventMerger merger, TimelineView view, TimelineLoader loader, MergerConfig topics,
            TimelineConfig config, MeterRegistry registry) {
        this.merger = merger;
        this.view = view;
        this.loader = loader;
        this.enrichedTopic = topics.enrichedTopic();
        this.timelineTopic = topics.timelineTopic();
        this.deadLetterTopic = topics.deadLetterTopic();
        this.catchUpTimeout = config.catchUpTimeout();
        this.articles = registry.counter("newsline.timeline.articles.folded");
        this.created = registry.counter("newsline.timeline.events", "change", "created");
        this.updated = registry.counter("newsline.timeline.events", "change", "updated");
        this.mergedAway = registry.counter("newsline.timeline.events", "change", "merged-away");
        this.deadLettered = Counter.builder("newsline.timeline.articles.dead.lettered")
                .description("Records of news.articles.enriched the merger could not read or fold, sent to news.articles.dlq")
                .register(registry);
        this.foldTime = Timer.builder("newsline.timeline.fold")
                .description("Time from fetching an enriched article to the commit of the transaction holding its timeline records")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    /** Folds one enriched record; called by the merger's one thread only. */
    public Fold fold(ConsumerRecord<String, byte[]> record) throws InterruptedException, TimeoutException {
        EnrichedArticle article;
        try {
            article = read(record.value());
        } catch (PoisonRecord e) {
            return deadLetter(record, null, e.getMessage(), e.getCause(), false);
        }
        if (!seeded) {
            seed();
        }
        List<TimelineEvent> changes;
        try {
            changes = merger.fold(article);
        } catch (RuntimeException e) {
            // Data the rules do not expect (or a bug): holding up every later article would be worse.
            LOG.errorf(e, "article %s could not be folded; dead-lettered", article.id());
            seeded = false;
            return deadLetter(record, article, "could not fold: " + e, e.getCause(), true);
        }
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(changes.size());
        for (TimelineEvent change : changes) {
            out.add(new ProducerRecord<>(timelineTopic, change.id(), TIMELINE_JSON.serialize(timelineTopic, change)));
        }
        return new Fold(record, article, changes, out, false, false);
    }

    /**
     * The merger's memory may hold folds that were never committed (an aborted transaction) or belongs
     * to a term that ended: start again from news.timeline before the next fold.
     */
    public void forget() {
        seeded = false;
    }

    /** Counts the folds of a committed transaction and logs them; {@code fetchedNanos} is when their poll returned. */
    public void committed(List<Fold> folds, long fetchedNanos) {
        long took = System.nanoTime() - fetchedNanos;
        for (Fold f : folds) {
            if (f.deadLettered()) {
                deadLettered.increment();
                continue;
            }
            articles.increment();
            foldTime.record(took, TimeUnit.NANOSECONDS);
            f.changes().forEach(this::count);
            if (LOG.isDebugEnabled()) {
                EnrichedArticle a = f.article();
                LOG.debugf("article %s (%s, %d events reported) → %s", a.id(), a.source(),
                        a.events() == null ? 0 : a.events().size(), describe(f.changes()));
            }
        }
    }

    /** Starts from what news.timeline holds now: everything every earlier merger committed. */
    private void seed() throws InterruptedException, TimeoutException {
        loader.awaitCaughtUp(catchUpTimeout);
        merger.reset(view.events());
        seeded = true;
        LOG.infof("merger starts from %d events at sequence %d", merger.size(), view.lastSequence());
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

    /** The record as received for news.articles.dlq, with the headers SmallRye's dead-letter strategy writes. */
    private Fold deadLetter(ConsumerRecord<String, byte[]> record, EnrichedArticle article, String reason, Throwable cause,
            boolean stateSpoiled) {
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
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(deadLetterTopic, null, record.key(), value, headers);
        return new Fold(record, article, List.of(), List.of(letter), true, stateSpoiled);
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
}
