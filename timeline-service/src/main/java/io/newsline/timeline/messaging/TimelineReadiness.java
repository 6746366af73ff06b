package io.newsline.timeline.messaging;

import io.newsline.timeline.domain.TimelineView;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once news.timeline has been read to the end it had at start, the loader keeps polling it and its
 * connection to the broker is up: what GET and SSE answers need to be current.
 */
@Readiness
@ApplicationScoped
public class TimelineReadiness implements HealthCheck {

    private final TimelineLoader loader;
    private final TimelineView view;

    public TimelineReadiness(TimelineLoader loader, TimelineView view) {
        this.loader = loader;
        this.view = view;
    }

    @Override
    public HealthCheckResponse call() {
        String failure = loader.failure();
        boolean connected = loader.brokerConnected();
        if (failure == null && !connected) {
            failure = "broker not reachable";
        }
        return HealthCheckResponse.named("timeline state")
                .status(loader.loaded() && failure == null)
                .withData("loaded", loader.loaded())
                .withData("broker", connected ? "connected" : "unreachable")
                .withData("events", view.size())
                .withData("sequence", view.lastSequence())
                .withData("problem", failure == null ? "none" : failure)
                .build();
    }
}
