package io.newsline.timeline.watch;

import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.KnownRegions;
import io.newsline.timeline.domain.TimelineFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Reads the feed once for every watch: each change, in sequence order, is matched against each watch's filter
 * and offered to the watches it matches. One thread; the deliveries do their own posting, so a slow receiver
 * never holds it up. A watch added while it runs first catches up from its own position, on this thread, so
 * its changes still arrive in order.
 */
public final class WatchDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WatchDispatcher.class);
    private static final int BATCH = 500;

    private record Entry(WatchDelivery delivery, TimelineFilter filter) {}

    private final ChangeLog changes;
    private final KnownRegions regions;
    private final Map<String, Entry> watches = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition more = lock.newCondition();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean signalled;
    private volatile long dispatchedTo;

    /** Starts after the lowest position of {@code initial}: nothing any of them still needs is skipped. */
    public WatchDispatcher(ChangeLog changes, KnownRegions regions, Collection<WatchDelivery> initial) {
        this.changes = changes;
        this.regions = regions;
        long from = Long.MAX_VALUE;
        for (WatchDelivery d : initial) {
            watches.put(d.watch().name(), new Entry(d, d.watch().filter().toTimelineFilter()));
            from = Math.min(from, d.position());
        }
        this.dispatchedTo = from == Long.MAX_VALUE ? -1 : from;
        this.thread = new Thread(this::run, "watch-dispatcher");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** New records are on the feed. */
    public void signal() {
        signalled = true;
        lock.lock();
        try {
            more.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void add(WatchDelivery delivery) {
        commands.add(() -> {
            Entry old = watches.put(delivery.watch().name(),
                    new Entry(delivery, delivery.watch().filter().toTimelineFilter()));
            if (old != null) {
                old.delivery().stop();
            }
            catchUp(delivery, watches.get(delivery.watch().name()).filter());
        });
        signal();
    }

    /** Stops and forgets a watch; answers at once, the dispatcher drops it before its next record. */
    public void remove(String name) {
        commands.add(() -> {
            Entry e = watches.remove(name);
            if (e != null) {
                e.delivery().stop();
            }
        });
        signal();
    }

    /** The feed sequence every watch has been matched up to. */
    public long dispatchedTo() {
        return dispatchedTo;
    }

    private void run() {
        while (running) {
            try {
                for (Runnable c; (c = commands.poll()) != null; ) {
                    c.run();
                }
                if (dispatchedTo < 0) {
                    // No watch yet: start from the feed's present, whatever it is, when the first one comes.
                    waitForMore();
                    continue;
                }
                List<TimelineEvent> batch = changes.after(dispatchedTo, BATCH);
                if (batch.isEmpty()) {
                    waitForMore();
                    continue;
                }
                for (TimelineEvent record : batch) {
                    for (Entry e : watches.values()) {
                        if (e.filter().matches(record, regions)) {
                            e.delivery().offer(record.sequence());
                        }
                    }
                }
                dispatchedTo = batch.get(batch.size() - 1).sequence();
                for (Entry e : watches.values()) {
                    e.delivery().scanned(dispatchedTo);
                }
            } catch (RuntimeException e) {
                // The topic unreachable for a moment, most likely: the same records are read again.
                LOG.warnf("watch dispatcher: %s; retrying", e.toString());
                sleep(1_000);
            }
        }
    }

    /** Offers a watch that joined late the matching changes from its position up to where the others are. */
    private void catchUp(WatchDelivery delivery, TimelineFilter filter) {
        if (dispatchedTo < 0) {
            dispatchedTo = delivery.position();
            return;
        }
        long at = delivery.position();
        while (at < dispatchedTo && running) {
            List<TimelineEvent> batch;
            try {
                batch = changes.after(at, BATCH);
            } catch (RuntimeException e) {
                // Skipping ahead would lose this watch's changes: read the same records again.
                LOG.warnf("watch %s: catching up from %d: %s; retrying", delivery.watch().name(), at, e.toString());
                sleep(1_000);
                continue;
            }
            if (batch.isEmpty()) {
                break;
            }
            for (TimelineEvent record : batch) {
                if (record.sequence() > dispatchedTo) {
                    break;
                }
                if (filter.matches(record, regions)) {
                    delivery.offer(record.sequence());
                }
                at = record.sequence();
            }
            if (batch.get(batch.size() - 1).sequence() > dispatchedTo) {
                break;
            }
        }
        delivery.scanned(dispatchedTo);
    }

    private void waitForMore() {
        lock.lock();
        try {
            if (!signalled && commands.isEmpty()) {
                more.await(500, TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The delivery of this watch, for its status. */
    public Optional<WatchDelivery> delivery(String name) {
        Entry e = watches.get(name);
        return e == null ? Optional.empty() : Optional.of(e.delivery());
    }

    /** The deliveries it hands changes to, for their status. */
    public List<WatchDelivery> deliveries() {
        List<WatchDelivery> out = new ArrayList<>();
        for (Entry e : List.copyOf(watches.values())) {
            out.add(e.delivery());
        }
        return out;
    }

    /** Stops dispatching and every delivery; an attempt in flight finishes, unsettled. */
    @Override
    public void close() {
        running = false;
        signal();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Entry e : watches.values()) {
            e.delivery().stop();
        }
    }
}
