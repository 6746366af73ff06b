package io.newsline.ingest.intake;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A per-token rate limit: each key (a token's fingerprint, never the token) has a bucket of
 * {@code burst} permits refilled at {@code perSecond}. Keys are only ever valid tokens, so the map
 * stays as small as the token list.
 */
public final class TokenBuckets {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes one permit for this key; answers 0 when taken, else the whole seconds until one is free. */
    public long tryAcquire(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoClock.getAsLong())).take();
    }

    private final class Bucket {
        private double permits;
        private long refilledAt;

        Bucket(double permits, long now) {
            this.permits = permits;
            this.refilledAt = now;
        }

        synchronized long take() {
            long now = nanoClock.getAsLong();
            permits = Math.min(burst, permits + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (permits >= 1) {
                permits -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - permits) / perSecond));
        }
    }
}
