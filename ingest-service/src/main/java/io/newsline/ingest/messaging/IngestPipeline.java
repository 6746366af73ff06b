package io.newsline.ingest.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsline.contracts.metrics.StageTimer;
import io.newsline.contracts.model.Article;
import io.newsline.ingest.intake.ArticleIntake;
import io.newsline.ingest.intake.SeenIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The one way into Kafka for every article, whether posted, batched or polled: deduplicates by id,
 * publishes, counts the outcomes and logs one debug line per article.
 */
@ApplicationScoped
public class IngestPipeline {

    private static final Logger LOG = Logger.getLogger(IngestPipeline.class);

    /** Where an article came from, for the metrics. */
    public enum Via { API, BATCH, FEED }

    private final SeenIds seen = new SeenIds();
    private final ArticleIntake intake;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public IngestPipeline(KafkaArticleLog log, MeterRegistry registry) {
        this.registry = registry;
        this.intake = new ArticleIntake(log, seen,
                failure -> LOG.warnf("an article was stored but its id not remembered in the seen-ids topic: %s",
                        failure.toString()));
    }

    public SeenIds seen() {
        return seen;
    }

    /** Publishes a validated article unless it is a duplicate; fails when the broker does not take it. */
    public CompletableFuture<ArticleIntake.Outcome> submit(Article article, Via via) {
        long start = System.nanoTime();
        return intake.submit(article).whenComplete((outcome, failure) -> {
            // An article answered at once because the broker is known to be unreachable was never handed to Kafka.
            if (!(unwrap(failure) instanceof BrokerLink.Unreachable)) {
                time(failure != null ? "unavailable" : outcome.duplicate() ? "duplicate" : "accepted", System.nanoTime() - start);
            }
            if (failure != null) {
                count(via, "unavailable");
                LOG.debugf("article %s via %s NOT stored: %s", article.id(), via, failure.toString());
            } else {
                count(via, outcome.duplicate() ? "duplicate" : "accepted");
                LOG.debugf("article %s via %s %s: \"%s\" (%d chars, published %s)", article.id(), via,
                        outcome.duplicate() ? "duplicate" : "accepted", shortTitle(article.title()),
                        article.body().length(), article.publishedAt());
            }
        });
    }

    /** Counts a refused article (any 4xx), which never reaches Kafka. */
    public void rejected(Via via) {
        count(via, "rejected");
    }

    private void count(Via via, String outcome) {
        counters.computeIfAbsent(via + "/" + outcome, k -> Counter.builder("newsline.ingest.articles")
                .description("Articles handled by ingest, by outcome and by the way they came in")
                .tag("via", via.name().toLowerCase())
                .tag("outcome", outcome)
                .register(registry)).increment();
    }

    private void time(String outcome, long nanos) {
        timers.computeIfAbsent(outcome, o -> StageTimer.builder("newsline.ingest.ack")
                .description("Time from handing a valid article to Kafka until the broker acknowledged it (accepted), "
                        + "it was recognised as a duplicate, or the send failed (unavailable)")
                .tag("outcome", o)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static String shortTitle(String title) {
        return title.length() <= 80 ? title : title.substring(0, 80) + "…";
    }
}
