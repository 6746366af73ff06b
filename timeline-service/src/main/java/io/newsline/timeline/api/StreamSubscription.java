package io.newsline.timeline.api;

import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.FeedChange;
import io.newsline.timeline.domain.Replay;
import io.newsline.timeline.domain.TimelineFilter;
import io.newsline.timeline.domain.TimelineView;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One client's stream: first the replay, then live records, sent only as fast as the client reads.
 * Live records wait in a bounded queue; when it is full the client gets {@code overflow} with the
 * sequence to resume from and the stream ends, so a slow client costs a bounded amount of memory
 * and never holds up the feed or the other clients. A client that has not read anything for two
 * heartbeats after overflowing is not even waited for: its stream ends without the message. A live record's data is rendered to JSON once and
 * shared by every subscriber ({@link FeedChange#rendered}); each message is handed on as text.
 */
final class StreamSubscription implements Flow.Subscription, Consumer<FeedChange> {

    /**
     * Messages one drain sends before it yields its thread. A client replaying a large timeline into a
     * fast socket would otherwise keep its event loop, and every other connection on it, for as long as
     * its socket takes data.
     */
    static final int TURN = 64;

    private final Flow.Subscriber<? super OutboundSseEvent> subscriber;
    private final TimelineView view;
    private final TimelineFilter filter;
    private final boolean filtered;
    private final Sse sse;
    private final Function<Object, String> json;
    private final int capacity;
    private final Executor executor;
    private final Runnable onEnd;
    private final Runnable onOverflow;
    /** Read from the index a page at a time as the client takes it; set by {@link #start}. */
    private volatile Replay replay;
    private final ConcurrentLinkedQueue<FeedChange> live = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicInteger heartbeatsSinceOverflow = new AtomicInteger();
    private volatile boolean overflowed;
    private volatile boolean pingDue;
    private volatile boolean closing;
    private volatile boolean done;
    /** The highest sequence this client has been given or passed over: where it would resume. */
    private long position;
    private long replayedUpTo;
    private boolean sinceGiven;

    StreamSubscription(Flow.Subscriber<? super OutboundSseEvent> subscriber, TimelineView view, TimelineFilter filter,
            Sse sse, Function<Object, String> json, int capacity, Executor executor, Runnable onEnd, Runnable onOverflow) {
        this.subscriber = subscriber;
        this.view = view;
        this.filter = filter;
        this.filtered = filter != TimelineFilter.NONE;
        this.sse = sse;
        this.json = json;
        this.capacity = capacity;
        this.executor = executor;
        this.onEnd = onEnd;
        this.onOverflow = onOverflow;
    }

    /** Registers for live records and takes the replay in one step; {@code since} null means live only. */
    void start(Long since) {
        sinceGiven = since != null && since > 0;
        TimelineView.Snapshot snapshot = view.subscribe(since == null ? Long.MAX_VALUE : since, this);
        replay = snapshot.pages();
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
            live.clear();
            onOverflow.run();
        } else {
            live.add(change);
        }
        schedule();
    }

    void ping() {
        if (overflowed) {
            heartbeatsSinceOverflow.incrementAndGet();
        }
        pingDue = true;
        schedule();
    }

    /**
     * Ends the stream after the message being sent, as the service stops: an open stream would otherwise
     * hold the shutdown for its whole timeout. The client resumes from the last id it read.
     */
    void close() {
        closing = true;
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
        live.clear();
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
            if (!emitWhatIsDue()) {
                // Out of this turn's budget: continue in a later task, so the other connections that share this
                // thread are served in between (wip stays above 0, so nothing else schedules a drain meanwhile).
                executor.execute(this::drain);
                return;
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** Sends what is due and the client asked for, up to {@link #TURN} messages; false when it stopped at that. */
    private boolean emitWhatIsDue() {
        if (closing && !done) {
            view.unsubscribe(this);
            complete();
            return true;
        }
        if (overflowed && !done && demand.get() == 0 && heartbeatsSinceOverflow.get() >= 2) {
            // Its socket is still full a heartbeat after it overflowed: a client that stopped reading. End the
            // stream now rather than when the connection times out; it resumes from the last id it read.
            complete();
            return true;
        }
        int sent = 0;
        while (!done && demand.get() > 0) {
            if (sent++ == TURN) {
                return false;
            }
            if (overflowed) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("reason", "client too slow: more than " + capacity + " messages behind");
                data.put("resumeFrom", position);
                send(sse.newEventBuilder().name(field("overflow")).data(String.class, field(json.apply(data))).build());
                complete();
                return true;
            }
            if (pingDue) {
                pingDue = false;
                send(sse.newEventBuilder().comment(field("ping")).build());
                continue;
            }
            OutboundSseEvent next = nextMessage();
            if (next == null) {
                return true;
            }
            send(next);
        }
        return true;
    }

    /** The next message to send, skipping records the filters leave out; null when nothing is waiting. */
    private OutboundSseEvent nextMessage() {
        Replay r = replay;
        FeedChange next;
        while (r != null && (next = r.poll()) != null) {
            FeedChange c = next;
            TimelineEvent e = c.current();
            position = Math.max(position, c.sequence());
            if (c.isRemoval()) {
                // A client resuming may hold the merged-away event; a fresh one (since=0) never saw it.
                if (sinceGiven && mayHold(c)) {
                    return removed(c.sequence(), e.id(), e.mergedInto(), null);
                }
                continue;
            }
            if (filter.matches(e, view.regions())) {
                return message(c.sequence(), e.revision() <= 1 ? "created" : "updated", json.apply(e));
            }
        }
        FeedChange c;
        while ((c = live.poll()) != null) {
            queued.decrementAndGet();
            if (c.sequence() <= replayedUpTo) {
                continue;
            }
            position = c.sequence();
            if (c.isRemoval()) {
                if (mayHold(c)) {
                    return message(c.sequence(), "removed", c.rendered(this::render));
                }
                continue;
            }
            TimelineEvent previous = c.previous();
            if (!filtered) {
                return message(c.sequence(), previous == null ? "created" : "updated", c.rendered(this::render));
            }
            boolean was = previous != null && filter.matches(previous, view.regions());
            if (filter.matches(c.current(), view.regions())) {
                return message(c.sequence(), !was ? "created" : "updated", c.rendered(this::render));
            }
            if (was) {
                return removed(c.sequence(), c.current().id(), null, "filtered");
            }
        }
        return null;
    }

    /**
     * Whether this client may hold the event a removal record merged away, so it must be told: every
     * unfiltered client; a filtered one when the event as it last was matched its filters. When that is
     * unknown (its records were compacted away), the event it went into stands in: the same happening.
     */
    private boolean mayHold(FeedChange removal) {
        if (!filtered) {
            return true;
        }
        TimelineEvent last = removal.previous() != null ? removal.previous()
                : view.mergedInto(removal.current().id()).flatMap(view::event).orElse(null);
        return filter.matches(last, view.regions());
    }

    /** The data of a live record, the same for every subscriber: the event, or where a merged-away one went. */
    private String render(FeedChange c) {
        TimelineEvent e = c.current();
        return e.isRemoved() ? json.apply(removal(e.id(), e.mergedInto(), null)) : json.apply(e);
    }

    private OutboundSseEvent message(long sequence, String name, String data) {
        return sse.newEventBuilder().id(field(Long.toString(sequence))).name(field(name)).data(String.class, field(data))
                .build();
    }

    /**
     * A field's value as handed to RESTEasy, which writes {@code name:value}: with the one leading space that
     * every SSE parser drops, so the stream reads {@code id: 42}, {@code event: created}, {@code data: {…}} and
     * {@code : ping}, the common form the docs show.
     */
    static String field(String value) {
        return " " + value;
    }

    private OutboundSseEvent removed(long sequence, String id, String mergedInto, String reason) {
        return message(sequence, "removed", json.apply(removal(id, mergedInto, reason)));
    }

    private static Map<String, Object> removal(String id, String mergedInto, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        if (mergedInto != null) {
            data.put("mergedInto", mergedInto);
        }
        if (reason != null) {
            data.put("reason", reason);
        }
        return data;
    }

    private void send(OutboundSseEvent message) {
        demand.decrementAndGet();
        try {
            subscriber.onNext(message);
        } catch (RuntimeException e) {
            end(e);
        }
    }

    private void complete() {
        live.clear();
        Replay r = replay;
        if (r != null) {
            r.clear();
        }
        done = true;
        onEnd.run();
        subscriber.onComplete();
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
