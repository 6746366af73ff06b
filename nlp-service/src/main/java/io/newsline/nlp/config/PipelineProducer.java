package io.newsline.nlp.config;

import io.newsline.nlp.geo.Gazetteer;
import io.newsline.nlp.pipeline.EnrichmentPipeline;
import io.newsline.nlp.pipeline.NameRecognizer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/** Builds the one enrichment pipeline of the process at start, so the first article does not wait for the model. */
@ApplicationScoped
public class PipelineProducer {

    private static final Logger LOG = Logger.getLogger(PipelineProducer.class);

    @Produces
    @Singleton
    @Startup
    EnrichmentPipeline pipeline(NlpConfig config) {
        long started = System.nanoTime();
        // The CRF model and the gazetteer load independently: one on each core halves the time to ready.
        CompletableFuture<NameRecognizer> model = CompletableFuture.supplyAsync(
                () -> NameRecognizer.load(config.model(), config.maxSentenceTokens()));
        Gazetteer gazetteer = Gazetteer.loadBundled(config.gazetteerOverlay());
        long gazetteerMs = (System.nanoTime() - started) / 1_000_000;
        NameRecognizer recognizer = model.join();
        long totalMs = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("NLP pipeline ready in %d ms (gazetteer: %d places in %d ms; model %s)",
                totalMs, gazetteer.size(), gazetteerMs, config.model());
        return new EnrichmentPipeline(recognizer, gazetteer);
    }
}
