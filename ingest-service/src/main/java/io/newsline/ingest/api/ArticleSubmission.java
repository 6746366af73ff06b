package io.newsline.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.problem.Problem;
import io.newsline.contracts.problem.ProblemException;
import io.newsline.ingest.config.IngestConfig;
import io.newsline.ingest.intake.ArticleIntake;
import io.newsline.ingest.intake.ArticleValidator;
import io.newsline.ingest.messaging.BrokerLink;
import io.newsline.ingest.messaging.IngestPipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What posted articles and batch items share: validation, submission, and the wait for the broker. */
@ApplicationScoped
public class ArticleSubmission {

    static final String UNREACHABLE = "Kafka is unreachable";

    private final ArticleValidator validator = new ArticleValidator();
    private final IngestPipeline pipeline;
    private final IngestConfig config;
    private final BrokerLink link;

    public ArticleSubmission(IngestPipeline pipeline, IngestConfig config, BrokerLink link) {
        this.pipeline = pipeline;
        this.config = config;
        this.link = link;
    }

    /** Validates and starts publishing; a 400 problem for invalid fields, a 503 while the seen ids load. */
    CompletableFuture<ArticleIntake.Outcome> start(JsonNode json, IngestPipeline.Via via) {
        // A request arriving during start-up waits for the seen ids rather than bouncing at once, unless the
        // broker they are read from is known to be unreachable.
        if (!pipeline.seen().loaded() && link.isDown()) {
            pipeline.rejected(via);
            throw unavailable(UNREACHABLE + "; ingest has not loaded the ids it has seen");
        }
        if (!pipeline.seen().awaitLoaded(config.ingest().ackTimeout())) {
            pipeline.rejected(via);
            throw unavailable("ingest is still loading the ids it has seen; retry shortly");
        }
        ArticleValidator.Result result = validator.validate(json, Instant.now());
        if (!result.valid()) {
            pipeline.rejected(via);
            throw new ProblemException(Problem.invalidFields(result.errors()));
        }
        return pipeline.submit(result.article(), via);
    }

    /** Waits for the broker until {@code deadlineNanos}; a 503 when it did not acknowledge. */
    ArticleIntake.Outcome await(CompletableFuture<ArticleIntake.Outcome> pending, long deadlineNanos) {
        try {
            long wait = Math.max(0, deadlineNanos - System.nanoTime());
            return pending.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw unavailable("Kafka did not acknowledge within " + config.ingest().ackTimeout().toMillis()
                    + " ms; the outcome is unknown and re-posting is safe (a stored article is recognised as a duplicate)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BrokerLink.Unreachable) {
                throw unavailable(UNREACHABLE + "; the article was not stored");
            }
            throw unavailable("Kafka did not take the article (" + e.getCause().getClass().getSimpleName()
                    + "); re-posting is safe (a stored article is recognised as a duplicate)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for Kafka");
        }
    }

    long deadline() {
        return System.nanoTime() + config.ingest().ackTimeout().toNanos();
    }

    ProblemException unavailable(String detail) {
        return new ProblemException(Problem.unavailable(detail),
                Map.of(HttpHeaders.RETRY_AFTER, Integer.toString(config.ingest().retryAfterSeconds())));
    }

    void rejected(IngestPipeline.Via via) {
        pipeline.rejected(via);
    }
}
