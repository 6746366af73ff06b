package io.newsline.contracts.kafka;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets a Kafka consumer stop between records: once {@link #stop} is called no record is started, the ones
 * in progress are waited for, and records that arrive afterwards are held (neither acknowledged nor failed)
 * until {@link #release}, so the connector commits exactly what was done and the next owner of the
 * partition starts right after it.
 *
 * <pre>{@code
 * drain.enter();            // throws LeftForNextOwner after release() if stopping
 * try { process(record); } finally { drain.exit(); }
 * }</pre>
 */
public final class ConsumerDrain {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean stopping;

    /** Before a record: returns to process it, or, once stopping, holds the caller and then throws. */
    public void enter() {
        inFlight.incrementAndGet();
        if (stopping) {
            inFlight.decrementAndGet();
            holdUntilReleased();
        }
    }

    /** After a record that {@link #enter} let through, whatever its outcome. */
    public void exit() {
        inFlight.decrementAndGet();
    }

    /** Whether {@link #stop} was called: no record is started any more. */
    public boolean stopping() {
        return stopping;
    }

    /** Starts no further record and waits up to {@code grace} for those in progress; answers how many are left. */
    public int stop(Duration grace) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return inFlight.get();
    }

    /**
     * Holds the caller like a record arriving after the stop, without processing it, and then throws: for a
     * record this instance cannot process at all (its models could not be loaded), which must stay
     * uncommitted for another instance rather than be dead-lettered. Not between {@link #enter} and {@link #exit}.
     */
    public void hold() {
        holdUntilReleased();
    }

    /** Records held so far (arrived after the stop, or {@link #hold held}): the next owner of the partition reads them. */
    public int held() {
        return held.get();
    }

    /** Once the connector has closed its consumers: held records can no longer be committed, so let them go. */
    public void release() {
        released.countDown();
    }

    private void holdUntilReleased() {
        held.incrementAndGet();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new LeftForNextOwner();
    }

    /** Ends a held record's thread after shutdown; the connector logs it once, without a stack trace. */
    public static final class LeftForNextOwner extends RuntimeException {
        LeftForNextOwner() {
            super("shutting down: record left uncommitted for the next owner of the partition", null, false, false);
        }
    }
}
