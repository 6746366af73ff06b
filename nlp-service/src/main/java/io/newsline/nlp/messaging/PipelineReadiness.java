package io.newsline.nlp.messaging;

import io.newsline.nlp.config.PipelineLoader;
import io.newsline.nlp.pipeline.EnrichmentPipeline;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the NER model and the gazetteer are in memory: DOWN while they load, and DOWN with the
 * reason when they could not be loaded. SmallRye's Kafka checks beside it cover the broker links.
 */
@Readiness
@ApplicationScoped
public class PipelineReadiness implements HealthCheck {

    private final PipelineLoader models;

    public PipelineReadiness(PipelineLoader models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        PipelineLoader.State state = models.state();
        String problem = models.problem();
        return HealthCheckResponse.named("nlp-pipeline").status(state == PipelineLoader.State.LOADED)
                .withData("models", state.name().toLowerCase())
                .withData("problem", problem == null ? "none" : problem)
                .withData("version", EnrichmentPipeline.VERSION).build();
    }
}
