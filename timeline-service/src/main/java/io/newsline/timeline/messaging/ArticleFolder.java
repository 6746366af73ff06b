package io.newsline.timeline.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.config.TimelineConfig;
import io.newsline.timeline.domain.EventMerger;
import io.newsline.timeline.domain.TimelineView;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The merger: folds each enriched article into the timeline and publishes every changed event to
 * {@code news.timeline}. The article's offset is committed (by returning) only after the broker
 * acknowledged all of its records; a re-delivered article is recognised by its id and changes
 * nothing, so each article counts exactly once.
 */
@ApplicationScoped
@Identifier(ArticleFolder.REBALANCE_LISTENER)
public class ArticleFolder implements KafkaConsumerRebalanceListener {

    public static final String REBALANCE_LISTENER = "timeline-merger";
    private static final Logger LOG = Logger.getLogger(ArticleFolder.class);

    private final EventMerger merger;
    private final TimelineView view;
    private final TimelineLoader loader;
    private final MutinyEmitter<TimelineEvent> timeline;
    private final Duration catchUpTimeout;
    private final Counter articles;
    private final Counter created;
    private final Counter updated;
    private final Counter mergedAway;
    private volatile boolean seeded;
    private volatile int partitionsOwned;

    public ArticleFolder(EventMerger merger, TimelineView view, TimelineLoader loader,
            @Channel(Channels.TIMELINE_OUT) MutinyEmitter<TimelineEvent> timeline, TimelineConfig config,
            MeterRegistry registry) {
        this.merger = merger;
        this.view = view;
        this.loader = loader;
        this.timeline = timeline;
        this.catchUpTimeout = config.catchUpTimeout();
        this.articles = registry.counter("newsline.timeline.articles.folded");
        this.created = registry.counter("newsline.timeline.events", "change", "created");
        this.updated = registry.counter("newsline.timeline.events", "change", "updated");
        this.mergedAway = registry.counter("newsline.timeline.events", "change", "merged-away");
        registry.gauge("newsline.timeline.merger.partitions", this, f -> f.partitionsOwned);
    }

    @Incoming(Channels.ENRICHED_IN)
    @Blocking
    public void fold(EnrichedArticle article) throws InterruptedException, TimeoutException {
        if (article == null) {
            // An unreadable record: the connector logged it; skipping keeps the pipeline going.
            LOG.warn("skipping an enriched record that is not an EnrichedArticle");
            return;
        }
        List<TimelineEvent> records;
        synchronized (this) {
            if (!seeded) {
                seed();
            }
            records = merger.fold(article);
        }
        List<Uni<Void>> sends = new ArrayList<>(records.size());
        for (TimelineEvent record : records) {
            sends.add(timeline.sendMessage(Message.of(record)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.id()).build())));
            count(record);
        }
        if (!sends.isEmpty()) {
            // Waits for the broker: the offset of this article is committed only after its records are safe.
            Uni.join().all(sends).andFailFast().await().atMost(Duration.ofMinutes(2));
        }
        articles.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("article %s (%s, %d events reported) → %s", article.id(), article.source(),
                    article.events() == null ? 0 : article.events().size(), describe(records));
        }
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
