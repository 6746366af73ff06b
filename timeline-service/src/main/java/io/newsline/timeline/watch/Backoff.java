package io.newsline.timeline.watch;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt of a delivery: {@code first}, doubling with every failed attempt up
 * to {@code max}, each wait drawn at random between half and all of that ("equal jitter"), so receivers that
 * come back are not hit by every waiting delivery at the same instant.
 */
public record Backoff(Duration first, Duration max, DoubleSupplier random) {

    /** The wait after the {@code failures}-th failed attempt (1 for the first). */
    public Duration after(int failures) {
        long cap = max.toMillis();
        long full = first.toMillis();
        for (int i = 1; i < failures && full < cap; i++) {
            full *= 2;
        }
        full = Math.min(full, cap);
        long half = full / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (full - half)));
    }
}
