package io.newsline.nlp.config;

import io.newsline.nlp.geo.Gazetteer;
import io.newsline.nlp.lang.Morphology;
import io.newsline.nlp.pipeline.EnrichmentPipeline;
import io.newsline.nlp.pipeline.NameRecognizer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Loads the one enrichment pipeline of the process (the CRF model and the gazetteer) on a thread of its own
 * at start, so the service is live at once and ready once the models are in memory; readiness stays DOWN
 * with the reason when they cannot be loaded (a wrong model path, a broken overlay file).
 */
@ApplicationScoped
public class PipelineLoader {

    private static final Logger LOG = Logger.getLogger(PipelineLoader.class);

    /** Where the models are: loading, loaded or failed. */
    public enum State { LOADING, LOADED, FAILED }

    private final NlpConfig config;
    private final CompletableFuture<EnrichmentPipeline> pipeline = new CompletableFuture<>();
    private volatile String failure;

    public PipelineLoader(NlpConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        Thread loader = new Thread(this::load, "nlp-model-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        long started = System.nanoTime();
        try {
            // The CRF model and the gazetteer load independently: one on each core halves the time to ready.
            // The Ukrainian and Russian dictionaries load with the model, so that a ready service reads every
            // language it names without a first article's wait.
            CompletableFuture<NameRecognizer> model = CompletableFuture.supplyAsync(() -> {
                NameRecognizer loaded = NameRecognizer.load(config.model(), config.maxSentenceTokens());
                Morphology.LANGUAGES.forEach(Morphology::of);
                return loaded;
            });
            Gazetteer gazetteer = Gazetteer.loadBundled(config.gazetteerOverlay());
            long gazetteerMs = (System.nanoTime() - started) / 1_000_000;
            NameRecognizer recognizer = model.join();
            pipeline.complete(new EnrichmentPipeline(recognizer, gazetteer));
            LOG.infof("NLP pipeline ready in %d ms (gazetteer: %d places in %d ms; model %s)",
                    (System.nanoTime() - started) / 1_000_000, gazetteer.size(), gazetteerMs, config.model());
        } catch (RuntimeException | Error e) {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            LOG.errorf(cause, "the NLP models could not be loaded (model %s); the service stays unready", config.model());
            failure = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            pipeline.completeExceptionally(cause);
        }
    }

    public State state() {
        if (!pipeline.isDone()) {
            return State.LOADING;
        }
        return pipeline.isCompletedExceptionally() ? State.FAILED : State.LOADED;
    }

    /** Why the models could not be loaded, or null. */
    public String problem() {
        return failure;
    }

    /**
     * The pipeline, waiting up to {@code timeout} while the models load.
     *
     * @throws ModelsUnavailable when they failed to load or are still loading after the timeout
     */
    public EnrichmentPipeline pipeline(Duration timeout) throws ModelsUnavailable, InterruptedException {
        try {
            return pipeline.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ModelsUnavailable("the NLP models could not be loaded: " + failure, false);
        } catch (TimeoutException e) {
            throw new ModelsUnavailable("the NLP models are still loading", true);
        }
    }

    /** The models are not there: still loading (try again shortly), or failed (the operator must act). */
    public static final class ModelsUnavailable extends Exception {
        private final boolean loading;

        ModelsUnavailable(String message, boolean loading) {
            super(message, null, false, false);
            this.loading = loading;
        }

        public boolean loading() {
            return loading;
        }
    }
}
