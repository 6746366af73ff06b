package io.newsline.timeline.domain;

import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.index.IndexReads;
import io.newsline.timeline.index.MergeCandidates;
import io.newsline.timeline.index.StoredEvent;
import io.newsline.timeline.index.TimelineIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The timeline as {@code news.timeline} says it is: the latest record of every event, in timeline order, with each
 * event's revisions, and the listeners that get every record as it is applied. The events live in a
 * {@link TimelineIndex} (on disk in the service, in memory in tests), not in the heap; each commit of the index
 * remembers how far into {@code news.timeline} it reaches, so a restart reads on from there.
 * One thread applies records; any number of threads read.
 */
public final class TimelineView implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TimelineView.class);
    static final String SEQUENCE = "sequence";
    static final String OFFSET = "offset";
    static final String TOPIC = "topic";

    /** A record of {@code news.timeline} and its sequence (its offset plus one). */
    public record Entry(long sequence, TimelineEvent record) {}

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TimelineIndex index;
    private final IndexReads reads;
    private final KnownRegions regions = new KnownRegions();
    private final List<Consumer<FeedChange>> listeners = new CopyOnWriteArrayList<>();
    /** Records applied but not yet visible to readers nor handed to listeners (see {@link #deferPublishing}). */
    private final Map<String, StoredEvent> pending = new HashMap<>();
    private final List<FeedChange> unpublished = new ArrayList<>();
    private boolean deferred;
    /** The last sequence applied (records at or below it are ignored) and the last one readers see. */
    private long applied;
    private long lastSequence;
    private long resumeOffset;
    private String indexedTopic;
    private int live;

    /** A view in memory, for tests and tools. */
    public TimelineView() {
        this(TimelineIndex.inMemory());
    }

    public TimelineView(TimelineIndex index) {
        this.index = index;
        this.reads = new IndexReads(index);
        Map<String, String> committed = index.committed();
        lastSequence = Long.parseLong(committed.getOrDefault(SEQUENCE, "0"));
        applied = lastSequence;
        resumeOffset = Long.parseLong(committed.getOrDefault(OFFSET, "0"));
        indexedTopic = committed.get(TOPIC);
        index.regions().forEach(regions::add);
        live = index.countLive();
    }

    /** Applies the record at this sequence; records at or below the last applied one are ignored. */
    public FeedChange apply(long sequence, TimelineEvent record) {
        List<FeedChange> changes = applyAll(List.of(new Entry(sequence, record)));
        return changes.isEmpty() ? null : changes.get(0);
    }

    /**
     * Applies records in sequence order, makes them visible to readers in one step, then hands each change to
     * the listeners (unless publishing is deferred). Records at or below the last applied sequence are ignored.
     */
    public List<FeedChange> applyAll(List<Entry> entries) {
        lock.writeLock().lock();
        try {
            List<FeedChange> changes = new ArrayList<>(entries.size());
            for (Entry entry : entries) {
                TimelineEvent record = entry.record();
                if (record == null || record.id() == null || entry.sequence() <= applied) {
                    continue;
                }
                applied = entry.sequence();
                try {
                    changes.add(store(entry.sequence(), record));
                } catch (RuntimeException unreadable) {
                    // Only the merger writes the topic; a record the index cannot take is skipped, not fatal.
                    LOG.errorf("skipping timeline record %d (%s): %s", entry.sequence(), record.id(), unreadable);
                }
            }
            unpublished.addAll(changes);
            if (!deferred || pending.size() >= MAX_DEFERRED) {
                publish();
            }
            return changes;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** At most this many records wait unpublished while publishing is deferred. */
    static final int MAX_DEFERRED = 10_000;

    /**
     * While on, applied records become visible to readers and reach the listeners in steps of up to
     * {@link #MAX_DEFERRED} rather than after each call: the loader defers while it rebuilds, when nobody can
     * be served yet and each step's reopen of the index costs more than the records. Off publishes at once.
     */
    public void deferPublishing(boolean on) {
        lock.writeLock().lock();
        try {
            deferred = on;
            if (!on) {
                publish();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Makes what was applied visible to readers, then hands each change to the listeners; under the write lock. */
    private void publish() {
        if (!pending.isEmpty()) {
            index.refresh();
            pending.clear();
        }
        lastSequence = applied;
        // Under the lock, so a subscriber that registers while taking its replay point sees each record once.
        for (FeedChange change : unpublished) {
            for (Consumer<FeedChange> l : listeners) {
                l.accept(change);
            }
        }
        unpublished.clear();
    }

    private FeedChange store(long sequence, TimelineEvent record) {
        TimelineEvent current = record.withSequence(sequence);
        StoredEvent old = pending.containsKey(record.id()) ? pending.get(record.id()) : index.get(record.id());
        TimelineEvent previous = old != null && old.isLive() ? old.record() : null;
        List<Revision> revisions = old == null ? new ArrayList<>() : new ArrayList<>(old.revisions());
        long first = old == null ? sequence : old.firstSequence();
        StoredEvent stored;
        if (record.isRemoved()) {
            revisions.add(new Revision(previous == null ? 0 : previous.revision() + 1, sequence, null,
                    List.of("merged into " + record.mergedInto())));
            stored = new StoredEvent(record.id(), current, previous, first, revisions);
        } else {
            revisions.add(new Revision(current.revision(), sequence, current.updatedAt(),
                    RevisionDiff.changes(previous, current)));
            stored = new StoredEvent(record.id(), current, null, first, revisions);
        }
        index.put(stored, old != null);
        pending.put(record.id(), stored);
        if (record.isRemoved()) {
            live -= previous == null ? 0 : 1;
        } else {
            live += previous == null ? 1 : 0;
            KnownRegions.Region learnt = regions.learn(current.location());
            if (learnt != null) {
                index.putRegion(current.location().geonameId(), learnt);
            }
        }
        return new FeedChange(sequence, current, previous);
    }

    /**
     * Writes what was applied to disk with the offset of {@code news.timeline} to read on from: a restart starts
     * there ({@link #resumeOffset}).
     */
    public void checkpoint(long nextOffset, String topicId) {
        lock.writeLock().lock();
        try {
            Map<String, String> data = new HashMap<>(Map.of(SEQUENCE, Long.toString(applied), OFFSET,
                    Long.toString(nextOffset)));
            if (topicId != null) {
                data.put(TOPIC, topicId);
            }
            index.commit(data);
            resumeOffset = nextOffset;
            indexedTopic = topicId;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The offset of {@code news.timeline} the last checkpoint reaches (0: read it all). */
    public long resumeOffset() {
        lock.readLock().lock();
        try {
            return resumeOffset;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The id of the topic the index was read from (Kafka's topic id), or null when not known. */
    public String indexedTopic() {
        lock.readLock().lock();
        try {
            return indexedTopic;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The merger's look-ups in this view's index. */
    public CandidateSource mergeCandidates() {
        return new MergeCandidates(index);
    }

    /** Forgets everything, on disk too, to rebuild from the topic's first record. */
    public void restart() {
        lock.writeLock().lock();
        try {
            index.clear();
            regions.clear();
            pending.clear();
            unpublished.clear();
            applied = 0;
            lastSequence = 0;
            live = 0;
            index.commit(Map.of(SEQUENCE, "0", OFFSET, "0"));
            resumeOffset = 0;
            indexedTopic = null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** One page in timeline order, after {@code after} (exclusive) when given. */
    public TimelinePage page(TimelineFilter filter, OrderKey after, int limit) {
        lock.readLock().lock();
        try {
            return reads.page(filter, regions, after, limit, lastSequence);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The {@code limit} most recently changed events that pass the filter, the latest change first. */
    public List<TimelineEvent> latest(TimelineFilter filter, int limit) {
        lock.readLock().lock();
        try {
            return reads.latest(filter, regions, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<TimelineEvent> event(String id) {
        return stored(id).filter(StoredEvent::isLive).map(StoredEvent::record);
    }

    private Optional<StoredEvent> stored(String id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(index.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The live event a merged-away id ended up in, following merges of merges; empty if id was not merged away. */
    public Optional<String> mergedInto(String id) {
        String at = id;
        Set<String> seen = new HashSet<>();
        while (seen.add(at)) {
            Optional<StoredEvent> s = stored(at);
            if (s.isEmpty() || s.get().isLive()) {
                break;
            }
            at = s.get().record().mergedInto();
        }
        return Objects.equals(at, id) ? Optional.empty() : Optional.of(at);
    }

    public List<Revision> revisions(String id) {
        return stored(id).map(s -> List.copyOf(s.revisions())).orElse(List.of());
    }

    /** Every live event, for a merger taking over. */
    public List<TimelineEvent> events() {
        lock.readLock().lock();
        try {
            return index.liveEvents();
        } finally {
            lock.readLock().unlock();
        }
    }

    public long lastSequence() {
        lock.readLock().lock();
        try {
            return lastSequence;
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return live;
        } finally {
            lock.readLock().unlock();
        }
    }

    public KnownRegions regions() {
        return regions;
    }

    /** Bytes the index takes on disk. */
    public long diskBytes() {
        return index.diskBytes();
    }

    /**
     * Registers a listener for every record applied from now on and, in the same step, fixes where its replay
     * ends: the replay then reads, in sequence order, the latest record of every event whose sequence is above
     * {@code since}; with the live records they cover the feed with no gap and no duplicate. {@code Long.MAX_VALUE}
     * means live only.
     *
     * <p>A client resuming past what this view has applied (it reconnected to an instance still
     * rebuilding after a restart) already holds everything up to {@code since}: the snapshot then
     * reaches {@code since}, so the records the rebuild applies up to there are not sent to it again.
     */
    public Snapshot subscribe(long since, Consumer<FeedChange> listener) {
        lock.writeLock().lock();
        try {
            listeners.add(listener);
            long upTo = since == Long.MAX_VALUE ? lastSequence : Math.max(lastSequence, since);
            return new Snapshot(new Replay(this, since, upTo), upTo);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * What a subscriber replays first, in sequence order, read a page at a time ({@code pages}), and the sequence
     * the replay reaches (live records follow it).
     */
    public record Snapshot(Replay pages, long sequence) {

        /** The whole replay at once: for small timelines and tests; a stream reads {@link #pages} instead. */
        public List<FeedChange> replay() {
            Replay all = pages.copy();
            List<FeedChange> out = new ArrayList<>();
            for (FeedChange c = all.poll(); c != null; c = all.poll()) {
                out.add(c);
            }
            return out;
        }
    }

    /** The latest records of ids whose latest record lies in ({@code after}, {@code upTo}], in sequence order. */
    List<StoredEvent> replayPage(long after, long upTo, int max) {
        lock.readLock().lock();
        try {
            return reads.bySequence(after, upTo, max);
        } finally {
            lock.readLock().unlock();
        }
    }

    public void unsubscribe(Consumer<FeedChange> listener) {
        listeners.remove(listener);
    }

    public int subscribers() {
        return listeners.size();
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            index.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
