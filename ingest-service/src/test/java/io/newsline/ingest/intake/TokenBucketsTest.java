package io.newsline.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    @Test
    void aBurstIsAllowedThenTheRateAndEachKeyHasItsOwnBucket() {
        AtomicLong now = new AtomicLong();
        TokenBuckets buckets = new TokenBuckets(2, 3, now::get);

        for (int i = 0; i < 3; i++) {
            assertEquals(0, buckets.tryAcquire("a"));
        }
        long retry = buckets.tryAcquire("a");
        assertTrue(retry >= 1, "over the burst: wait");
        assertEquals(0, buckets.tryAcquire("b"), "another token is not affected");

        now.addAndGet(500_000_000L); // half a second at 2/s refills one permit
        assertEquals(0, buckets.tryAcquire("a"));
        assertTrue(buckets.tryAcquire("a") > 0);
    }
}
