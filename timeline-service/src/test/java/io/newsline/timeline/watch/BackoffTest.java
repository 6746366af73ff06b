package io.newsline.timeline.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleUpToTheCapEachBetweenHalfAndAllOfIt() {
        Backoff least = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);
        Backoff most = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999999);

        assertEquals(Duration.ofMillis(500), least.after(1));
        assertEquals(Duration.ofMillis(999), most.after(1));
        assertEquals(Duration.ofMillis(4000), least.after(4));
        assertEquals(Duration.ofMillis(30_000), least.after(7), "64 s capped at 60 s, then halved");
        assertEquals(Duration.ofMillis(59_999), most.after(1_000), "no overflow after many attempts");
    }
}
