package io.newsline.timeline.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the saved watches and their delivery statuses have been read, so every watch answers. */
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
        String failure = store.failure();
        return HealthCheckResponse.named("watches")
                .status(store.loaded())
                .withData("watches", store.watches().size())
                .withData("delivering", deliverer.delivering())
                .withData("problem", failure == null ? "none" : failure)
                .build();
    }
}
