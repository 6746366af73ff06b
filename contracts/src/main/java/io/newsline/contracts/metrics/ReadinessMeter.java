package io.newsline.contracts.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code newsline_ready}: 1 while the service's readiness ({@code /q/health/ready}) is UP, 0 while it is DOWN,
 * so Prometheus can alert on a service that runs but cannot do its work (broker away, state not loaded),
 * which {@code up} alone does not show. Every service picks this bean up from this module (its beans.xml).
 */
@Startup
@ApplicationScoped
public class ReadinessMeter {

    private static final Duration EVERY = Duration.ofSeconds(5);
    /** Longer than any readiness check waits for the broker, so a slow check reads as DOWN, not as stuck. */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final SmallRyeHealthReporter health;
    private final AtomicInteger ready = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "readiness-meter");
        t.setDaemon(true);
        return t;
    });

    public ReadinessMeter(SmallRyeHealthReporter health, MeterRegistry registry) {
        this.health = health;
        Gauge.builder("newsline.ready", ready, AtomicInteger::get)
                .description("1 while the service's readiness (/q/health/ready) is UP, 0 while it is DOWN; checked every 5 s")
                .register(registry);
        timer.scheduleWithFixedDelay(this::check, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            ready.set(health.getReadinessAsync().await().atMost(CHECK_TIMEOUT).isDown() ? 0 : 1);
        } catch (RuntimeException e) {
            ready.set(0);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
