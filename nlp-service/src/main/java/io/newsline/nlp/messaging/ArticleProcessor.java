package io.newsline.nlp.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsline.contracts.kafka.ConsumerDrain;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.nlp.config.PipelineLoader;
import io.newsline.nlp.pipeline.EnrichmentPipeline;
import io.newsline.nlp.pipeline.InvalidArticleException;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * Reads each record of {@code news.articles.raw}, enriches it and publishes the result to
 * {@code news.articles.enriched} under the article id. A record that cannot be read or enriched
 * makes this method throw; SmallRye then nacks it and its dead-letter strategy copies it, bytes as
 * received, to {@code news.articles.dlq} with {@code dead-letter-reason}, and the stream goes on.
 *
 * <p>{@code @Blocking} runs the CPU-heavy work off the event loop, in order per consumer; the
 * channel's {@code concurrency} gives each core its own consumer, so partitions are enriched in
 * parallel and each key's records stay in order.
 *
 * <p>On shutdown the articles being enriched finish and are published; records not started yet are held
 * (neither acknowledged nor failed), so the connector commits exactly what was published and the next
 * owner of the partition starts right after it.
 */
@ApplicationScoped
public class ArticleProcessor {

    private static final Logger LOG = Logger.getLogger(ArticleProcessor.class);
    /** Longer than any one article takes, even the largest on a busy machine. */
    private static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(30);
    /** How long a record waits for the models at a time before it checks again whether they failed. */
    private static final Duration MODELS_WAIT = Duration.ofSeconds(30);

    private final PipelineLoader models;
    private final Timer enrichedTime;
    private final Timer deadLetteredTime;
    private final Counter skipped;
    private final ConsumerDrain drain = new ConsumerDrain();

    public ArticleProcessor(PipelineLoader models, MeterRegistry registry) {
        this.models = models;
        this.enrichedTime = enrichTimer(registry, "enriched");
        this.deadLetteredTime = enrichTimer(registry, "dead-lettered");
        this.skipped = Counter.builder("newsline.nlp.articles.skipped")
                .description("Articles passed through unread (language the pipeline cannot read)")
                .register(registry);
    }

    private static Timer enrichTimer(MeterRegistry registry, String outcome) {
        return Timer.builder("newsline.nlp.enrich")
                .description("Time to read and enrich one record of news.articles.raw, by outcome")
                .tag("outcome", outcome)
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    @Incoming(Channels.ARTICLES_IN)
    @Outgoing(Channels.ENRICHED_OUT)
    @Blocking
    public Record<String, EnrichedArticle> enrich(ConsumerRecord<String, byte[]> record) {
        EnrichmentPipeline pipeline = pipeline();
        drain.enter();
        long start = System.nanoTime();
        try {
            Record<String, EnrichedArticle> out = enrichRecord(pipeline, record);
            enrichedTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return out;
        } catch (RuntimeException e) {
            // Thrown on to SmallRye, which dead-letters the record.
            deadLetteredTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        } finally {
            drain.exit();
        }
    }

    /**
     * Runs before the Kafka connector closes its consumers (ShutdownEvent comes before the beans are
     * destroyed): from now on no record is started, and the ones being enriched are waited for, so their
     * results are published and acknowledged when the connector commits the offsets and leaves the group.
     */
    void stopTakingRecords(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException {
        int left = drain.stop(IN_FLIGHT_GRACE);
        LOG.infof("stopped taking records; %d article(s) still being enriched", left);
    }

    /**
     * Runs after the Kafka connector closed its consumers (its observer has priority 50): the held records can
     * no longer be committed or dead-lettered, so letting their threads go loses nothing and spares the
     * worker pool's 10 s wait for them.
     */
    void releaseHeld(@Observes @Priority(100) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        drain.release();
        if (drain.held() > 0) {
            LOG.infof("%d fetched record(s) left uncommitted for the next owner of their partition", drain.held());
        }
    }

    /**
     * The pipeline, once the models are loaded (records fetched meanwhile wait for them). When they could not
     * be loaded, the record is held like one arriving after a stop: a fault of this instance must not send
     * articles to the dead-letter topic, so they stay uncommitted for a healthy instance.
     */
    private EnrichmentPipeline pipeline() {
        while (true) {
            try {
                return models.pipeline(MODELS_WAIT);
            } catch (PipelineLoader.ModelsUnavailable e) {
                if (!e.loading()) {
                    drain.hold();
                }
            } catch (InterruptedException e) {
                // Shutting down while the models load: the record is left for the next owner.
                Thread.currentThread().interrupt();
                drain.hold();
            }
        }
    }

    private Record<String, EnrichedArticle> enrichRecord(EnrichmentPipeline pipeline, ConsumerRecord<String, byte[]> record) {
        Article article = read(record);
        if (article.id() == null || article.id().isBlank()) {
            article = article.withId(record.key());
        }
        if (article.id() == null || article.id().isBlank()) {
            throw new InvalidArticleException("id", "the record has neither a key nor an article id");
        }
        EnrichedArticle enriched = pipeline.enrich(article);
        LOG.debugf("enriched %s (partition %d, offset %d): %d entities, %d places, %d events, language %s, %d ms%s",
                enriched.id(), record.partition(), record.offset(), enriched.entities().size(),
                enriched.locations().size(), enriched.events().size(), enriched.nlp().language(),
                enriched.nlp().processingMs(),
                enriched.nlp().skipped() == null ? "" : ", skipped: " + enriched.nlp().skipped());
        if (enriched.nlp().skipped() != null) {
            skipped.increment();
        }
        return Record.of(enriched.id(), enriched);
    }

    private static Article read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || record.value().length == 0) {
            throw new InvalidArticleException("article", "empty record");
        }
        try {
            Article article = Json.mapper().readValue(record.value(), Article.class);
            if (article == null) {
                throw new InvalidArticleException("article", "not Article JSON: null");
            }
            return article;
        } catch (JsonProcessingException e) {
            throw new InvalidArticleException("article", "not Article JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidArticleException("article", "unreadable record: " + e.getMessage());
        }
    }
}
