package io.newsline.timeline.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsline.timeline.config.MergerConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The merger role. Every instance joins the consumer group {@code timeline-merger} on
 * {@code news.articles.enriched}; {@link SingleMergerAssignor} gives all partitions to one. That one folds
 * what each poll returns ({@link ArticleFolder}) and writes, in ONE Kafka transaction, every record the
 * articles cause ({@code news.timeline}, dead letters) together with the articles' consumer offsets
 * ({@code sendOffsetsToTransaction}). Readers read committed records only, so an article's records appear
 * all together or not at all, and an article counts as folded exactly when its records are there.
 *
 * <p><b>Taking over.</b> On being assigned the partitions, the instance starts a transactional producer
 * with the role's one {@code transactional.id}; {@code initTransactions} aborts whatever an earlier holder
 * left open and fences it. The merge state is then seeded from {@code news.timeline} as committed.
 *
 * <p><b>Stepping down.</b> A merger that wakes after its successor took over (a long pause, a frozen VM)
 * finds its producer fenced (or its offsets refused by the group, or its partitions lost): what it was
 * writing is aborted and never seen. It closes its producer and consumer, forgets its merge state and
 * joins the group again as its newest member, so it stands by behind its successor. It goes on serving
 * reads, and stays ready: its view reads the committed timeline like any other instance's.
 *
 * <p><b>Failures.</b> A transaction the broker fails (unreachable too long, records expired) is aborted, the
 * articles are read again from their committed offsets and the merge state re-seeded. On SIGTERM the
 * transaction in progress is finished, then the consumer leaves the group and a standby takes over at once.
 */
@ApplicationScoped
public class TransactionalMerger {

    private static final Logger LOG = Logger.getLogger(TransactionalMerger.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** Longer than a healthy broker takes to commit one transaction. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(8);

    /** What this instance does for the merger group. */
    public enum Role { STANDBY, MERGING, STOPPED, OFF }

    private final ArticleFolder folder;
    private final MergerConfig config;
    private final AtomicLong standingSince = new AtomicLong(System.currentTimeMillis());
    private final MergerClients clients;
    private final Counter committedTransactions;
    private final Counter abortedTransactions;
    private final Counter fenced;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Role role = Role.STANDBY;
    private volatile int partitionsOwned;
    private volatile String problem;
    private volatile Instant lastStepDown;
    /** The producer of the current term; touched by the merger thread only. */
    private KafkaProducer<String, byte[]> producer;
    private boolean takeOverDue;
    private boolean haltArmed;

    public TransactionalMerger(ArticleFolder folder, MergerConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.folder = folder;
        this.config = config;
        this.clients = new MergerClients(bootstrap, config);
        this.haltArmed = config.testHaltMidArticle().isPresent();
        this.committedTransactions = Counter.builder("newsline.timeline.merger.transactions").tag("outcome", "committed")
                .description("Transactions of the merger: each writes the records of the articles one poll returned, with their offsets")
                .register(registry);
        this.abortedTransactions = Counter.builder("newsline.timeline.merger.transactions").tag("outcome", "aborted")
                .description("Transactions of the merger: each writes the records of the articles one poll returned, with their offsets")
                .register(registry);
        this.fenced = Counter.builder("newsline.timeline.merger.fenced")
                .description("Times this instance found that a successor had taken the merging over (its producer fenced"
                        + " or its partitions lost) and stepped down")
                .register(registry);
        Gauge.builder("newsline.timeline.merger.partitions", this, m -> m.partitionsOwned)
                .description("Partitions of news.articles.enriched this instance merges (all on the merger, 0 on a standby)")
                .register(registry);
    }

    void start(@Observes StartupEvent ev) {
        if (!config.enabled()) {
            role = Role.OFF;
            LOG.info("merging is off on this instance (timeline.merger.enabled=false): it serves news.timeline only");
            return;
        }
        running = true;
        thread = new Thread(this::run, "timeline-merger");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs before anything else stops: the transaction in progress commits, no other starts, and the consumer
     * leaves the group, so a standby instance takes over from the committed offsets at once.
     */
    void stop(@Observes @Priority(1) ShutdownEvent ev) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            t.join(STOP_GRACE.toMillis());
            LOG.infof("merger stopped%s", t.isAlive() ? " (still finishing a transaction; left to the next merger)" : "");
        }
    }

    public Role role() {
        return role;
    }

    public int partitionsOwned() {
        return partitionsOwned;
    }

    /** Why the merger cannot work now, or null. */
    public String problem() {
        Thread t = thread;
        if (running && t != null && !t.isAlive()) {
            return "merger thread stopped";
        }
        return problem;
    }

    /** When this instance last stepped down because a successor had taken over, or null. */
    public Instant lastStepDown() {
        return lastStepDown;
    }

    public String transactionalId() {
        return config.transactionalId();
    }

    private void run() {
        while (running) {
            KafkaConsumer<String, byte[]> c = clients.consumer(standingSince::get);
            consumer = c;
            try {
                c.subscribe(List.of(config.enrichedTopic()), new Rebalance());
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(POLL);
                    if (producer == null && !takeOverDue) {
                        problem = null;
                    }
                    if (takeOverDue) {
                        takeOver();
                    }
                    if (!records.isEmpty()) {
                        merge(records);
                    }
                }
            } catch (WakeupException e) {
                // Stopping.
            } catch (Fenced e) {
                stepDown(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                problem = e.toString();
                LOG.errorf(e, "the merger failed; it joins its group again in %s", RETRY);
                pause();
            } finally {
                endTerm(Duration.ofSeconds(1));
                close(c);
            }
        }
        role = Role.STOPPED;
    }

    /** Becomes the merger: fences every earlier holder of the role before anything is folded. */
    private void takeOver() {
        takeOverDue = false;
        KafkaProducer<String, byte[]> p = clients.producer();
        try {
            p.initTransactions();
        } catch (RuntimeException e) {
            p.close(Duration.ZERO);
            throw e;
        }
        producer = p;
        folder.forget();
        role = Role.MERGING;
        problem = null;
        LOG.infof("this instance is the merger now (%d partitions, transactional id %s)", partitionsOwned,
                config.transactionalId());
    }

    private void merge(ConsumerRecords<String, byte[]> records) throws Fenced, InterruptedException {
        long fetched = System.nanoTime();
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        if (producer == null) {
            // Not the merger (any more): leave these for whoever is.
            rewind(all, 0);
            return;
        }
        int from = 0;
        while (from < all.size() && running) {
            from = transaction(all, from, fetched);
        }
        if (from < all.size()) {
            rewind(all, from);
        }
    }

    /**
     * Folds records from {@code from} on and writes what they cause with their offsets in one transaction.
     * Returns where the next transaction starts: the end, or after an article whose fold went wrong (the
     * merge state is re-seeded before the rest).
     */
    private int transaction(List<ConsumerRecord<String, byte[]>> all, int from, long fetched)
            throws Fenced, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        List<ArticleFolder.Fold> folds = new ArrayList<>();
        int next = from;
        try {
            producer.beginTransaction();
            while (next < all.size()) {
                ConsumerRecord<String, byte[]> r = all.get(next++);
                ArticleFolder.Fold fold = folder.fold(r);
                send(fold);
                folds.add(fold);
                offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                if (fold.stateSpoiled()) {
                    break;
                }
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            commit();
        } catch (KafkaException | TimeoutException e) {
            abort(e, all, from);
            return all.size();
        }
        committedTransactions.increment();
        problem = null;
        folder.committed(folds, fetched);
        return next;
    }

    private void send(ArticleFolder.Fold fold) throws InterruptedException {
        List<ProducerRecord<String, byte[]>> out = fold.records();
        for (int i = 0; i < out.size(); i++) {
            producer.send(out.get(i));
            if (i == 0 && out.size() > 1 && haltArmed) {
                haltMidArticle(fold, out.size());
            }
        }
    }

    /** The fault tests' window: some of an article's records are on the broker, the rest not yet. */
    private void haltMidArticle(ArticleFolder.Fold fold, int records) throws InterruptedException {
        haltArmed = false;
        producer.flush();
        Duration halt = config.testHaltMidArticle().orElseThrow();
        LOG.warnf("test fault: halting for %s in article %s after 1 of %d timeline records", halt,
                fold.article().id(), records);
        Thread.sleep(halt.toMillis());
        LOG.warnf("test fault: resuming article %s", fold.article().id());
    }

    /** A commit the broker has not confirmed in max.block.ms may still succeed: it is waited for again. */
    private void commit() {
        while (true) {
            try {
                producer.commitTransaction();
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (!running) {
                    throw e;
                }
                LOG.warnf("the broker has not confirmed the commit yet (%s); waiting on", e.getMessage());
            }
        }
    }

    /**
     * Aborts the failed transaction: nothing of it is ever seen. When a successor fenced this instance it steps
     * down; otherwise the articles are read again from their committed offsets on a re-seeded merge state.
     */
    private void abort(Exception e, List<ConsumerRecord<String, byte[]>> all, int from) throws Fenced, InterruptedException {
        if (MergerClients.fenced(e)) {
            throw new Fenced(e);
        }
        abortedTransactions.increment();
        problem = "transaction aborted: " + e;
        LOG.warnf("transaction aborted (%s); its articles are read again from their committed offsets", e.toString());
        try {
            producer.abortTransaction();
        } catch (RuntimeException abortFailed) {
            if (MergerClients.fenced(abortFailed)) {
                throw new Fenced(abortFailed);
            }
            // The producer cannot go on; a new term (initTransactions) aborts the transaction instead.
            throw new IllegalStateException("could not abort the transaction", abortFailed);
        }
        rewind(all, from);
        folder.forget();
        pause();
    }

    /** Sets each partition back to its first record at or after {@code from}, so it is read again. */
    private void rewind(List<ConsumerRecord<String, byte[]>> all, int from) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : all.subList(from, all.size())) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        Collection<TopicPartition> assigned = consumer.assignment();
        first.forEach((tp, offset) -> {
            if (assigned.contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
    }

    private void stepDown(Fenced e) {
        fenced.increment();
        lastStepDown = Instant.now();
        standingSince.set(System.currentTimeMillis());
        LOG.warnf("fenced: another instance has taken the merging over (%s); what this one was writing is aborted,"
                + " it forgets its merge state and stands by", e.getCause().toString());
        endTerm(Duration.ZERO);
    }

    /** Ends this instance's term as merger, if it had one: no transaction is open here. */
    private void endTerm(Duration closeTimeout) {
        KafkaProducer<String, byte[]> p = producer;
        producer = null;
        takeOverDue = false;
        partitionsOwned = 0;
        if (role == Role.MERGING) {
            role = Role.STANDBY;
        }
        folder.forget();
        if (p != null) {
            try {
                p.close(closeTimeout);
            } catch (RuntimeException e) {
                LOG.debugf("closing the producer: %s", e);
            }
        }
    }

    /** A successor holds the merger role: this instance must write nothing more. */
    private static final class Fenced extends Exception {
        Fenced(Throwable cause) {
            super(cause);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Called between transactions (only poll calls it), so nothing is open.
            endTerm(Duration.ofSeconds(1));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitionsOwned = partitions.size();
            takeOverDue = !partitions.isEmpty();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // The group stopped hearing from this instance (paused past its session timeout): another may
            // merge now. It joins again behind whoever that is.
            // Also called when the consumer of a merger that already stepped down closes: nothing to do then.
            if (role != Role.MERGING) {
                return;
            }
            LOG.warnf("lost the enriched partitions (the group did not hear from this instance in time); standing by");
            fenced.increment();
            lastStepDown = Instant.now();
            standingSince.set(System.currentTimeMillis());
            endTerm(Duration.ZERO);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(KafkaConsumer<String, byte[]> c) {
        try {
            c.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debugf("closing the consumer: %s", e);
        }
    }
}
