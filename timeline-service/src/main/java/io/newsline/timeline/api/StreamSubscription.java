package io.newsline.timeline.api;

import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.FeedChange;
import io.newsline.timeline.domain.TimelineFilter;
import io.newsline.timeline.domain.TimelineView;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One client's stream: first the replay, then live records, sent only as fast as the client reads.
 * Live records wait in a bounded queue; when it is full the client gets {@code overflow} with the
 * sequence to resume from and the stream ends, so a slow client costs a bounded amount of memory
 * and never holds up the feed or the other clients.
 */
final class StreamSubscription implements Flow.Subscription, Consumer<FeedChange> {

    private final Flow.Subscriber<? super OutboundSseEvent> subscriber;
    private final TimelineView view;
    private final TimelineFilter filter;
    private final boolean filtered;
    private final Sse sse;
    private final int capacity;
    private final Executor executor;
    private final Runnable onEnd;
    private final Runnable onOverflow;
    private final Deque<TimelineEvent> replay = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<FeedChange> live = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean overflowed;
    private volatile boolean pingDue;
    private volatile boolean done;
    /** The highest sequence this client has been given or passed over: where it would resume. */
    private long position;
    private long replayedUpTo;
    private boolean sinceGiven;

    StreamSubscription(Flow.Subscriber<? super OutboundSseEvent> subscriber, TimelineView view, TimelineFilter filter,
            Sse sse, int capacity, Executor executor, Runnable onEnd, Runnable onOverflow) {
        this.subscriber = subscriber;
        this.view = view;
        this.filter = filter;
        this.filtered = filter != TimelineFilter.NONE;
        this.sse = sse;
        this.capacity = capacity;
        this.executor = executor;
        this.onEnd = onEnd;
        this.onOverflow = onOverflow;
    }

    /** Registers for live records and takes the replay in one step; {@code since} null means live only. */
    void start(Long since) {
        sinceGiven = since != null && since > 0;
        TimelineView.Snapshot snapshot = view.subscribe(since == null ? Long.MAX_VALUE : since, this);
        replay.addAll(snapshot.replay());
        replayedUpTo = snapshot.sequence();
        position = since == null ? snapshot.sequence() : Math.min(since, snapshot.sequence());
        schedule();
    }

    /** A live record from the view; runs on the loader thread, so it only queues. */
    @Override
    public void accept(FeedChange change) {
        if (done || overflowed) {
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            overflowed = true;
            view.unsubscribe(this);
            onOverflow.run();
        } else {
            live.add(change);
        }
        schedule();
    }

    void ping() {
        pingDue = true;
        schedule();
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            end(new IllegalArgumentException("request must be positive"));
            return;
        }
        demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
        schedule();
    }

    @Override
    public void cancel() {
        done = true;
        view.unsubscribe(this);
        onEnd.run();
    }

    private void schedule() {
        if (wip.getAndIncrement() == 0) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        int missed = 1;
        do {
            emitWhatIsDue();
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void emitWhatIsDue() {
        while (!done && demand.get() > 0) {
            if (overflowed) {
                live.clear();
                replay.clear();
                send(sse.newEventBuilder().name("overflow").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(Map.class, Map.of("reason", "client too slow: more than " + capacity
                                + " messages behind", "resumeFrom", position))
                        .build());
                done = true;
                onEnd.run();
                subscriber.onComplete();
                return;
            }
            if (pingDue) {
                pingDue = false;
                send(sse.newEventBuilder().comment("ping").build());
                continue;
            }
            OutboundSseEvent next = nextMessage();
            if (next == null) {
                return;
            }
            send(next);
        }
    }

    /** The next message to send, skipping records the filters leave out; null when nothing is waiting. */
    private OutboundSseEvent nextMessage() {
        while (!replay.isEmpty()) {
            TimelineEvent e = replay.poll();
            position = Math.max(position, e.sequence());
            if (e.isRemoved()) {
                // A client resuming may hold the merged-away event; a fresh one (since=0) never saw it.
                if (sinceGiven) {
                    return removed(e.sequence(), e.id(), e.mergedInto(), null);
                }
                continue;
            }
            if (filter.matches(e, view.regions())) {
                return event(e.revision() <= 1 ? "created" : "updated", e);
            }
        }
        FeedChange c;
        while ((c = live.poll()) != null) {
            queued.decrementAndGet();
            if (c.sequence() <= replayedUpTo) {
                continue;
            }
            position = c.sequence();
            TimelineEvent previous = c.previous();
            boolean was = previous != null && filter.matches(previous, view.regions());
            if (c.isRemoval()) {
                if (!filtered || was) {
                    return removed(c.sequence(), c.current().id(), c.current().mergedInto(), null);
                }
                continue;
            }
            if (filter.matches(c.current(), view.regions())) {
                return event(previous == null || !was ? "created" : "updated", c.current());
            }
            if (was) {
                return removed(c.sequence(), c.current().id(), null, "filtered");
            }
        }
        return null;
    }

    private OutboundSseEvent event(String name, TimelineEvent e) {
        return sse.newEventBuilder().id(Long.toString(e.sequence())).name(name)
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(TimelineEvent.class, e).build();
    }

    private OutboundSseEvent removed(long sequence, String id, String mergedInto, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        if (mergedInto != null) {
            data.put("mergedInto", mergedInto);
        }
        if (reason != null) {
            data.put("reason", reason);
        }
        return sse.newEventBuilder().id(Long.toString(sequence)).name("removed")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Map.class, data).build();
    }

    private void send(OutboundSseEvent message) {
        demand.decrementAndGet();
        try {
            subscriber.onNext(message);
        } catch (RuntimeException e) {
            end(e);
        }
    }

    private void end(Throwable failure) {
        if (!done) {
            done = true;
            view.unsubscribe(this);
            onEnd.run();
            subscriber.onError(failure);
        }
    }
}
