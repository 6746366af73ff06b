package io.newsline.timeline.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.TimelineEventSerializer;
import io.newsline.contracts.metrics.DeadLetterCounter;
import io.newsline.contracts.metrics.StageTimer;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.config.MergerConfig;
import io.newsline.timeline.config.TimelineConfig;
import io.newsline.timeline.domain.EventMerger;
import io.newsline.timeline.domain.MergeDecision;
import io.newsline.timeline.domain.TimelineView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    private final Counter deadLettersOfTopic;
    private final Map<MergeDecision, Counter> decisions = new EnumMap<>(MergeDecision.class);
    /** The merger's decisions since the last committed transaction: counted once it commits, dropped if it aborts. */
    private final List<MergeDecision> pendingDecisions = new ArrayList<>();
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
        this.articles = Counter.builder("newsline.timeline.articles.folded")
                .description("Enriched articles folded into the timeline (their transaction committed)")
                .register(registry);
        this.created = eventCounter(registry, "created");
        this.updated = eventCounter(registry, "updated");
        this.mergedAway = eventCounter(registry, "merged-away");
        this.deadLettersOfTopic = DeadLetterCounter.of(registry, enrichedTopic);
        for (MergeDecision d : MergeDecision.values()) {
            decisions.put(d, Counter.builder("newsline.timeline.merge.decisions")
                    .description("What the merger decided for each event an article reports: a new event, joined "
                            + "an event, or joined two events that were one happening")
                    .tag("decision", d.label())
                    .register(registry));
        }
        merger.onDecision(pendingDecisions::add);
        this.deadLettered = Counter.builder("newsline.timeline.articles.dead.lettered")
                .description("Records of news.articles.enriched the merger could not read or fold, sent to news.articles.dlq")
                .register(registry);
        Gauge.builder("newsline.timeline.merger.working.set", merger, EventMerger::workingSetSize)
                .description("Events (and removals) the merger holds in memory: what it wrote until the index shows "
                        + "it, and what it read from the index last")
                .register(registry);
        FunctionCounter.builder("newsline.timeline.merger.working.set.evicted", merger, EventMerger::workingSetEvicted)
                .description("Events the merger dropped from its working set (it finds them in the index again)")
                .register(registry);
        this.foldTime = StageTimer.builder("newsline.timeline.fold")
                .description("Time from fetching an enriched article to the commit of the transaction holding its timeline records")
                .register(registry);
    }

    private static Counter eventCounter(MeterRegistry registry, String change) {
        return Counter.builder("newsline.timeline.events")
                .description("Records written to news.timeline, by change: an event created, a new revision, an event merged away")
                .tag("change", change)
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
        int decided = pendingDecisions.size();
        try {
            changes = merger.fold(article);
        } catch (RuntimeException e) {
            // The half-done fold writes nothing, so its decisions are not counted either.
            pendingDecisions.subList(decided, pendingDecisions.size()).clear();
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
        pendingDecisions.clear();
    }

    /** Counts the folds of a committed transaction and logs them; {@code fetchedNanos} is when their poll returned. */
    public void committed(List<Fold> folds, long fetchedNanos) {
        long took = System.nanoTime() - fetchedNanos;
        pendingDecisions.forEach(d -> decisions.get(d).increment());
        pendingDecisions.clear();
        for (Fold f : folds) {
            if (f.deadLettered()) {
                deadLettered.increment();
                deadLettersOfTopic.increment();
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

    /**
     * Starts from what news.timeline holds now: everything every earlier merger committed. A merger that reads the
     * index forgets its working set and finds the events there (the index has caught up); one that holds every
     * event is given them all.
     */
    private void seed() throws InterruptedException, TimeoutException {
        loader.awaitCaughtUp(catchUpTimeout);
        if (merger.readsIndex()) {
            merger.reset(List.of());
            LOG.infof("merger starts on the timeline index (%d events) at sequence %d", view.size(),
                    view.lastSequence());
        } else {
            merger.reset(view.events());
            LOG.infof("merger starts from %d events at sequence %d", merger.size(), view.lastSequence());
        }
        seeded = true;
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
