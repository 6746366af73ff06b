package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventReference;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.TimelineEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The timeline as {@code news.timeline} says it is: the latest record of every event, in timeline
 * order, with each event's revisions, and the listeners that get every record as it is applied.
 * One thread applies records; any number of threads read.
 */
public final class TimelineView {

    /**
     * Where a merged-away event went, the record that said so, and the event as it last was before it (null
     * when this view never saw it live: its records were compacted away), to tell which subscribers held it.
     */
    private record Removal(String mergedInto, TimelineEvent record, TimelineEvent lastLive) {}

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, TimelineEvent> byId = new HashMap<>();
    private final TreeMap<OrderKey, TimelineEvent> ordered = new TreeMap<>();
    private final Map<String, Removal> removed = new HashMap<>();
    private final TreeMap<Long, String> latestBySequence = new TreeMap<>();
    private final Map<String, Long> sequenceOf = new HashMap<>();
    private final Map<String, List<Revision>> revisions = new HashMap<>();
    private final KnownRegions regions = new KnownRegions();
    private final List<Consumer<FeedChange>> listeners = new CopyOnWriteArrayList<>();
    private long lastSequence;

    /** Applies the record at this sequence; records at or below the last applied one are ignored. */
    public FeedChange apply(long sequence, TimelineEvent record) {
        if (record == null || record.id() == null) {
            return null;
        }
        lock.writeLock().lock();
        try {
            if (sequence <= lastSequence) {
                return null;
            }
            lastSequence = sequence;
            TimelineEvent current = record.withSequence(sequence);
            TimelineEvent previous = byId.get(record.id());
            if (previous != null) {
                ordered.remove(OrderKey.of(previous));
            }
            Long oldSequence = sequenceOf.put(record.id(), sequence);
            if (oldSequence != null) {
                latestBySequence.remove(oldSequence);
            }
            latestBySequence.put(sequence, record.id());
            if (record.isRemoved()) {
                byId.remove(record.id());
                removed.put(record.id(), new Removal(record.mergedInto(), current, previous));
                revisions.computeIfAbsent(record.id(), k -> new ArrayList<>()).add(new Revision(
                        previous == null ? 0 : previous.revision() + 1, sequence, null,
                        List.of("merged into " + record.mergedInto())));
            } else {
                removed.remove(record.id());
                byId.put(record.id(), current);
                ordered.put(OrderKey.of(current), current);
                regions.learn(current.location());
                revisions.computeIfAbsent(record.id(), k -> new ArrayList<>()).add(
                        new Revision(current.revision(), sequence, current.updatedAt(), changes(previous, current)));
            }
            FeedChange change = new FeedChange(sequence, current, previous);
            // Under the lock, so a subscriber that registers while taking its replay snapshot sees each record once.
            for (Consumer<FeedChange> l : listeners) {
                l.accept(change);
            }
            return change;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** One page in timeline order, after {@code after} (exclusive) when given. */
    public TimelinePage page(TimelineFilter filter, OrderKey after, int limit) {
        lock.readLock().lock();
        try {
            Collection<TimelineEvent> from = after == null ? ordered.values() : ordered.tailMap(after, false).values();
            List<TimelineEvent> items = new ArrayList<>(Math.min(limit, 128));
            String next = null;
            for (TimelineEvent e : from) {
                if (!filter.matches(e, regions)) {
                    continue;
                }
                if (items.size() == limit) {
                    next = OrderKey.of(items.get(items.size() - 1)).toCursor();
                    break;
                }
                items.add(e);
            }
            return new TimelinePage(items, next, lastSequence);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The {@code limit} most recently changed events that pass the filter, the latest change first. */
    public List<TimelineEvent> latest(TimelineFilter filter, int limit) {
        lock.readLock().lock();
        try {
            List<TimelineEvent> items = new ArrayList<>(Math.min(limit, 128));
            for (String id : latestBySequence.descendingMap().values()) {
                TimelineEvent e = byId.get(id);
                if (e != null && filter.matches(e, regions)) {
                    items.add(e);
                    if (items.size() == limit) {
                        break;
                    }
                }
            }
            return items;
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<TimelineEvent> event(String id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byId.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The live event a merged-away id ended up in, following merges of merges; empty if id was not merged away. */
    public Optional<String> mergedInto(String id) {
        lock.readLock().lock();
        try {
            String at = id;
            Set<String> seen = new HashSet<>();
            while (removed.containsKey(at) && seen.add(at)) {
                at = removed.get(at).mergedInto();
            }
            return Objects.equals(at, id) ? Optional.empty() : Optional.of(at);
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<Revision> revisions(String id) {
        lock.readLock().lock();
        try {
            return List.copyOf(revisions.getOrDefault(id, List.of()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every live event, for a merger taking over. */
    public List<TimelineEvent> events() {
        lock.readLock().lock();
        try {
            return List.copyOf(byId.values());
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
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public KnownRegions regions() {
        return regions;
    }

    /**
     * Registers a listener for every record applied from now on and, in the same step, returns the
     * latest record of every event whose sequence is above {@code since}, in sequence order: together
     * they cover the feed with no gap and no duplicate. {@code Long.MAX_VALUE} means live only.
     *
     * <p>A client resuming past what this view has applied (it reconnected to an instance still
     * rebuilding after a restart) already holds everything up to {@code since}: the snapshot then
     * reaches {@code since}, so the records the rebuild applies up to there are not sent to it again.
     */
    public Snapshot subscribe(long since, Consumer<FeedChange> listener) {
        lock.writeLock().lock();
        try {
            List<FeedChange> replay = new ArrayList<>();
            for (Map.Entry<Long, String> latest : latestBySequence.tailMap(since, false).entrySet()) {
                String id = latest.getValue();
                TimelineEvent e = byId.get(id);
                if (e != null) {
                    replay.add(new FeedChange(latest.getKey(), e, null));
                    continue;
                }
                Removal r = removed.get(id);
                if (r.lastLive() == null) {
                    // Never seen live here: whether the subscriber holds it is unknown, so it is told.
                    replay.add(new FeedChange(latest.getKey(), r.record(), null));
                } else if (revisions.get(id).get(0).sequence() <= since) {
                    replay.add(new FeedChange(latest.getKey(), r.record(), r.lastLive()));
                }
                // Otherwise the event was created and merged away after since: the subscriber never had it.
            }
            listeners.add(listener);
            return new Snapshot(replay, since == Long.MAX_VALUE ? lastSequence : Math.max(lastSequence, since));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * What a subscriber replays first, in sequence order, and the sequence the replay reaches (live records
     * follow it). A live event comes as its latest record; a merged-away one, only when the subscriber may
     * hold it, as its removal record with the event as it last was ({@code previous}; null when unknown).
     */
    public record Snapshot(List<FeedChange> replay, long sequence) {}

    public void unsubscribe(Consumer<FeedChange> listener) {
        listeners.remove(listener);
    }

    public int subscribers() {
        return listeners.size();
    }

    private static List<String> changes(TimelineEvent before, TimelineEvent after) {
        if (before == null) {
            return List.of("created");
        }
        List<String> out = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (EventSource s : nullSafe(before.sources())) {
            known.add(s.articleId());
        }
        for (EventSource s : nullSafe(after.sources())) {
            if (!known.contains(s.articleId())) {
                out.add("source added: " + s.articleId() + (s.source() == null ? "" : " (" + s.source() + ")")
                        + (s.copyOf() == null ? "" : ", a copy of " + s.copyOf()));
            }
        }
        Set<String> referenced = new HashSet<>();
        before.referencesOrEmpty().forEach(r -> referenced.add(r.articleId()));
        for (EventReference r : after.referencesOrEmpty()) {
            if (!referenced.contains(r.articleId())) {
                out.add("referenced by: " + r.articleId() + (r.source() == null ? "" : " (" + r.source() + ")"));
            }
        }
        diff(out, "type", before, after, TimelineEvent::type);
        diff(out, "subtype", before, after, TimelineEvent::subtype);
        diff(out, "date", before, after, TimelineEvent::date);
        diff(out, "dateEnd", before, after, TimelineEvent::dateEnd);
        diff(out, "datePrecision", before, after, TimelineEvent::datePrecision);
        diff(out, "location", before, after, e -> e.location() == null ? null : e.location().name());
        diff(out, "killed", before, after, TimelineEvent::killed);
        diff(out, "injured", before, after, TimelineEvent::injured);
        diff(out, "casualties", before, after, TimelineEvent::casualties);
        diff(out, "status", before, after, e -> e.status() == null ? null : e.status().json());
        diff(out, "signature", before, after, TimelineEvent::signature);
        if (!Objects.equals(before.entities(), after.entities())) {
            out.add("entities: " + after.entities());
        }
        return out;
    }

    private static void diff(List<String> out, String field, TimelineEvent a, TimelineEvent b,
            Function<TimelineEvent, Object> get) {
        Object x = get.apply(a);
        Object y = get.apply(b);
        if (!Objects.equals(x, y)) {
            out.add(field + ": " + x + " → " + y);
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
