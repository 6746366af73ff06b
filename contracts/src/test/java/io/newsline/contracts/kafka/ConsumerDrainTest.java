package io.newsline.contracts.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsumerDrainTest {

    private final ConsumerDrain drain = new ConsumerDrain();

    @Test
    void stopWaitsForTheRecordInProgressAndThenStartsNoOther() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> inProgress = CompletableFuture.runAsync(() -> {
            drain.enter();
            try {
                started.countDown();
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                drain.exit();
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));

        CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                return drain.stop(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertFalse(stopped.isDone(), "stop returned while a record was still in progress");
        finish.countDown();
        assertEquals(0, stopped.get(10, TimeUnit.SECONDS));
        inProgress.get(10, TimeUnit.SECONDS);

        // A record arriving after the stop is held until release, then ends its thread without being processed.
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
            drain.enter();
            drain.exit();
        });
        Thread.sleep(200);
        assertFalse(late.isDone(), "a record after the stop was let through");
        drain.release();
        ExecutionException held = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> late.get(10, TimeUnit.SECONDS));
        assertTrue(held.getCause() instanceof ConsumerDrain.LeftForNextOwner, held.getCause().toString());
    }

    @Test
    void stopGivesUpAfterItsGraceAndSaysHowManyAreLeft() throws Exception {
        drain.enter();
        assertEquals(1, drain.stop(Duration.ofMillis(50)));
        drain.exit();
    }
}
