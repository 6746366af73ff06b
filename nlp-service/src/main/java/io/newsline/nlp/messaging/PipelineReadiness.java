package io.newsline.nlp.messaging;

import io.newsline.nlp.pipeline.EnrichmentPipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the NER model and gazetteer are loaded (SmallRye's Kafka check covers the broker links). */
@Readiness
@ApplicationScoped
public class PipelineReadiness implements HealthCheck {

    private final Instance<EnrichmentPipeline> pipeline;

    public PipelineReadiness(Instance<EnrichmentPipeline> pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public HealthCheckResponse call() {
        boolean loaded = pipeline.isResolvable() && pipeline.get() != null;
        return HealthCheckResponse.named("nlp-pipeline").status(loaded)
                .withData("version", EnrichmentPipeline.VERSION).build();
    }
}
