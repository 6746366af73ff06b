package io.newsline.nlp.api;

import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.nlp.pipeline.EnrichmentPipeline;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Enriches one article synchronously; writes nothing, so it is open like the reads. */
@Path("/api/enrich")
public class EnrichResource {

    private final EnrichmentPipeline pipeline;

    public EnrichResource(EnrichmentPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrich one Article", description = "Same code path as the Kafka processor; nothing is published.")
    public EnrichedArticle enrich(Article article) {
        return pipeline.enrich(article);
    }
}
