package io.newsline.timeline.watch;

import io.newsline.contracts.model.TimelineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The deliveries of one watch. The dispatcher hands it the feed sequences of the changes that match; it posts
 * them one at a time, in feed order, each retried with {@link Backoff} while the receiver fails. A receiver
 * that has not answered with a 2xx for the whole retry window has the waiting delivery recorded as failed, and
 * every later one after a single failed attempt, until it answers again. Its {@link #position()} (every matching
 * change up to it settled) is what a deliverer taking over resumes from; the change in flight when it stops is
 * delivered again then, under the same idempotency key.
 *
 * <p>Only sequences wait in memory (8 bytes each); a change is read from the {@link ChangeLog} when its turn
 * comes. Work runs on the given executor and timer, never on the thread that offers changes.
 */
public final class WatchDelivery {

    private static final Logger LOG = Logger.getLogger(WatchDelivery.class);
    private static final int RECENT_FAILURES = 10;
    /** A change that cannot be read from the topic (broker unreachable) is read again after this long. */
    private static final Duration REREAD_AFTER = Duration.ofSeconds(1);

    /** Renders the body of a delivery: {@code {watch, change, event}}. */
    @FunctionalInterface
    public interface BodyRenderer {
        byte[] render(String watch, String change, TimelineEvent event);
    }

    /** What every delivery shares: how to wait, how long to retry, where to run. */
    public record Settings(Backoff backoff, Duration retryFor, Clock clock, Executor work,
            ScheduledExecutorService timer) {}

    private final Watch watch;
    private final ChangeLog changes;
    private final WebhookClient client;
    private final BodyRenderer renderer;
    private final Settings settings;

    // Guarded by this.
    private final SequenceQueue queue = new SequenceQueue();
    private final ArrayDeque<DeliveryStatus.Failure> recentFailures = new ArrayDeque<>();
    private long scannedTo;
    private boolean busy;
    private boolean stopped;
    private int attemptsOfHead;
    private ScheduledFuture<?> retry;
    private long delivered;
    private long failures;
    private String lastDelivery;
    private Instant lastDeliveryAt;
    private Integer lastStatus;
    private String lastError;
    private Instant lastSuccessAt;
    private Instant failingSince;
    private Instant nextAttemptAt;
    private long version;

    /** Resumes from {@code from}: its position and counts, as the last deliverer left them. */
    public WatchDelivery(Watch watch, DeliveryStatus from, ChangeLog changes, WebhookClient client,
            BodyRenderer renderer, Settings settings) {
        this.watch = watch;
        this.changes = changes;
        this.client = client;
        this.renderer = renderer;
        this.settings = settings;
        this.scannedTo = from.position();
        this.delivered = from.delivered();
        this.failures = from.failures();
        this.lastDelivery = from.lastDelivery();
        this.lastDeliveryAt = instant(from.lastDeliveryAt());
        this.lastStatus = from.lastStatus();
        this.lastError = from.lastError();
        this.lastSuccessAt = instant(from.lastSuccessAt());
        this.failingSince = instant(from.failingSince());
        if (from.recentFailures() != null) {
            recentFailures.addAll(from.recentFailures());
        }
    }

    public Watch watch() {
        return watch;
    }

    /** A matching change at this sequence; ignored when at or below what was already looked at. */
    public synchronized void offer(long sequence) {
        if (stopped || sequence <= scannedTo) {
            return;
        }
        queue.add(sequence);
        scannedTo = sequence;
        version++;
        if (!busy) {
            busy = true;
            settings.work().execute(this::attemptHead);
        }
    }

    /** Every change up to this sequence has been looked at: those that matched were offered. */
    public synchronized void scanned(long sequence) {
        scannedTo = Math.max(scannedTo, sequence);
    }

    /** Every matching change up to this sequence has been delivered or recorded as failed. */
    public synchronized long position() {
        return queue.isEmpty() ? scannedTo : queue.peek() - 1;
    }

    /** Bumps with every attempt and every change offered, so a caller can tell whether to store the status again. */
    public synchronized long version() {
        return version;
    }

    /** Whether an attempt is in flight or waiting to be retried. */
    public synchronized boolean busy() {
        return busy;
    }

    /** No further attempt starts; the one in flight, if any, is not settled and will be delivered again. */
    public synchronized void stop() {
        stopped = true;
        if (retry != null) {
            retry.cancel(false);
        }
    }

    public synchronized DeliveryStatus status() {
        return new DeliveryStatus(position(), queue.size(), delivered, failures, lastDelivery, text(lastDeliveryAt),
                lastStatus, lastError, text(lastSuccessAt), text(failingSince), text(nextAttemptAt),
                List.copyOf(recentFailures), settings.clock().instant().toString());
    }

    private void attemptHead() {
        long sequence;
        synchronized (this) {
            retry = null;
            nextAttemptAt = null;
            if (stopped || queue.isEmpty()) {
                busy = false;
                return;
            }
            sequence = queue.peek();
        }
        TimelineEvent event;
        try {
            event = changes.at(sequence);
        } catch (RuntimeException e) {
            LOG.warnf("watch %s: could not read the change at %d (%s); trying again", watch.name(), sequence,
                    e.getMessage());
            synchronized (this) {
                later(REREAD_AFTER);
            }
            return;
        }
        if (event == null) {
            // Compacted away: the same event's later revision follows in the feed and is delivered instead.
            synchronized (this) {
                queue.poll();
            }
            next();
            return;
        }
        String key = event.id() + ":" + event.revision();
        byte[] body = renderer.render(watch.name(), event.revision() <= 1 ? "created" : "updated", event);
        String signature = Signature.of(body, watch.webhook().secret());
        client.post(watch.webhook(), key, body, signature)
                .whenComplete((attempt, error) -> settle(key, attempt != null ? attempt
                        : new WebhookClient.Attempt(null, String.valueOf(error))));
    }

    private void settle(String key, WebhookClient.Attempt attempt) {
        synchronized (this) {
            Instant now = settings.clock().instant();
            version++;
            lastDelivery = key;
            lastDeliveryAt = now;
            lastStatus = attempt.status();
            if (attempt.delivered()) {
                delivered++;
                lastError = null;
                lastSuccessAt = now;
                failingSince = null;
            } else {
                attemptsOfHead++;
                lastError = attempt.reason();
                if (failingSince == null) {
                    failingSince = now;
                }
                if (now.isBefore(failingSince.plus(settings.retryFor()))) {
                    LOG.debugf("watch %s: delivery %s failed (%s), attempt %d", watch.name(), key, lastError,
                            attemptsOfHead);
                    later(settings.backoff().after(attemptsOfHead));
                    return;
                }
                failures++;
                recentFailures.addLast(new DeliveryStatus.Failure(key, now.toString(), attemptsOfHead, lastError));
                while (recentFailures.size() > RECENT_FAILURES) {
                    recentFailures.removeFirst();
                }
                LOG.warnf("watch %s: delivery %s failed after %d attempts (%s); the receiver has been failing since %s",
                        watch.name(), key, attemptsOfHead, lastError, failingSince);
            }
            attemptsOfHead = 0;
            queue.poll();
        }
        next();
    }

    /** Runs the next delivery, or goes idle. */
    private void next() {
        synchronized (this) {
            if (stopped || queue.isEmpty()) {
                busy = false;
                return;
            }
        }
        settings.work().execute(this::attemptHead);
    }

    /** Tries the head again after {@code wait}; the caller holds the lock. */
    private void later(Duration wait) {
        if (stopped) {
            busy = false;
            return;
        }
        nextAttemptAt = settings.clock().instant().plus(wait);
        retry = settings.timer().schedule(() -> settings.work().execute(this::attemptHead), wait.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    /** Sequences in arrival order, as a growable ring of longs: a receiver down for an hour costs kilobytes. */
    static final class SequenceQueue {
        private long[] items = new long[16];
        private int head;
        private int size;

        void add(long value) {
            if (size == items.length) {
                long[] bigger = new long[items.length * 2];
                for (int i = 0; i < size; i++) {
                    bigger[i] = items[(head + i) % items.length];
                }
                items = bigger;
                head = 0;
            }
            items[(head + size) % items.length] = value;
            size++;
        }

        long peek() {
            return items[head];
        }

        long poll() {
            long v = items[head];
            head = (head + 1) % items.length;
            size--;
            return v;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }
    }
}
