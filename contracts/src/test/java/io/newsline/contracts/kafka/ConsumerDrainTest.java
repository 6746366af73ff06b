package io.newsline.contracts.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each step waits for the state it needs (a latch, the drain's own counters), never for a time window, so
 * the outcome does not depend on how fast the machine is.
 */
class ConsumerDrainTest {

    private final ConsumerDrain drain = new ConsumerDrain();

    @Test
    void stopWaitsForTheRecordInProgressAndThenStartsNoOther() throws Exception {
        // Given a record in progress that finishes only when the test says so
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

        // When the stop begins
        CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                return drain.stop(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(drain::stopping);

        // Then it has not returned: the record is still in progress (it cannot finish before the latch opens)
        assertFalse(stopped.isDone(), "stop returned while a record was still in progress");
        // And once the record finishes, the stop returns with none left
        finish.countDown();
        assertEquals(0, stopped.get(10, TimeUnit.SECONDS));
        inProgress.get(10, TimeUnit.SECONDS);

        // A record arriving after the stop is held until release, then ends its thread without being processed.
        CountDownLatch processed = new CountDownLatch(1);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
            drain.enter();
            processed.countDown();
            drain.exit();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> drain.held() == 1);
        assertFalse(late.isDone(), "a held record's thread went on before the release");
        drain.release();
        ExecutionException held = assertThrows(ExecutionException.class, () -> late.get(10, TimeUnit.SECONDS));
        assertTrue(held.getCause() instanceof ConsumerDrain.LeftForNextOwner, held.getCause().toString());
        assertEquals(1, processed.getCount(), "the late record was never processed");
    }

    @Test
    void stopGivesUpAfterItsGraceAndSaysHowManyAreLeft() throws Exception {
        drain.enter();
        assertEquals(1, drain.stop(Duration.ofMillis(50)));
        drain.exit();
    }

    @Test
    void aRecordThisInstanceCannotProcessIsHeldUntilReleaseAndNeverProcessed() throws Exception {
        CompletableFuture<Void> refused = CompletableFuture.runAsync(drain::hold);
        await().atMost(Duration.ofSeconds(10)).until(() -> drain.held() == 1);
        assertFalse(refused.isDone(), "a held record's thread went on before the release");
        drain.release();
        ExecutionException held = assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
        assertTrue(held.getCause() instanceof ConsumerDrain.LeftForNextOwner, held.getCause().toString());
    }
}
