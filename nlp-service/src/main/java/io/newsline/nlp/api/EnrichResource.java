package io.newsline.nlp.api;

import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.nlp.config.PipelineLoader;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Enriches one article synchronously; writes nothing, so it is open like the reads. */
@Path("/api/enrich")
public class EnrichResource {

    /** A request arriving while the models load waits this long for them before it gets a 503. */
    private static final Duration MODELS_WAIT = Duration.ofSeconds(60);

    private final PipelineLoader models;

    public EnrichResource(PipelineLoader models) {
        this.models = models;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrich one Article", description = "Same code path as the Kafka processor; nothing is published."
            + " 503 while the models load (Retry-After) or when they could not be loaded.")
    public EnrichedArticle enrich(Article article) throws PipelineLoader.ModelsUnavailable, InterruptedException {
        return models.pipeline(MODELS_WAIT).enrich(article);
    }
}
