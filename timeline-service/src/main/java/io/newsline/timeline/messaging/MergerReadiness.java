package io.newsline.timeline.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The merger role of this instance: {@code merging} or {@code standby}, both ready. DOWN while it cannot do
 * its part: its thread has stopped, it cannot take the merging over, or its last transaction was aborted
 * and none has committed since (the broker refusing). A standby that stepped down after being fenced is
 * ready: it serves the committed timeline like any instance.
 */
@Readiness
@ApplicationScoped
public class MergerReadiness implements HealthCheck {

    private final TransactionalMerger merger;

    public MergerReadiness(TransactionalMerger merger) {
        this.merger = merger;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = merger.problem();
        return HealthCheckResponse.named("timeline merger")
                .status(problem == null)
                .withData("role", merger.role().name().toLowerCase())
                .withData("partitions", merger.partitionsOwned())
                .withData("transactionalId", merger.transactionalId())
                .withData("lastSteppedDown", merger.lastStepDown() == null ? "never" : merger.lastStepDown().toString())
                .withData("problem", problem == null ? "none" : problem)
                .build();
    }
}
