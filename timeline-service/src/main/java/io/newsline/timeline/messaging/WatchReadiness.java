package io.newsline.timeline.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the saved watches and their delivery statuses have been read, so every watch answers, and while
 * this instance follows both topics and can take the delivering over (or delivers). DOWN with the reason
 * otherwise; an instance that stands by is as ready as the one delivering.
 */
@Readiness
@ApplicationScoped
public class WatchReadiness implements HealthCheck {

    private final WatchStore store;
    private final WatchDeliverer deliverer;

    public WatchReadiness(WatchStore store, WatchDeliverer deliverer) {
        this.store = store;
        this.deliverer = deliverer;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = store.failure();
        if (problem == null) {
            problem = deliverer.problem();
        }
        return HealthCheckResponse.named("watches")
                .status(store.loaded() && problem == null)
                .withData("watches", store.watches().size())
                .withData("role", deliverer.delivering() ? "delivering" : "standby")
                .withData("problem", problem == null ? "none" : problem)
                .build();
    }
}
