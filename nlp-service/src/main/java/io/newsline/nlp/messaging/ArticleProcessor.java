package io.newsline.nlp.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.nlp.pipeline.EnrichmentPipeline;
import io.newsline.nlp.pipeline.InvalidArticleException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
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
 */
@ApplicationScoped
public class ArticleProcessor {

    private static final Logger LOG = Logger.getLogger(ArticleProcessor.class);

    private final EnrichmentPipeline pipeline;

    public ArticleProcessor(EnrichmentPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Incoming(Channels.ARTICLES_IN)
    @Outgoing(Channels.ENRICHED_OUT)
    @Blocking
    public Record<String, EnrichedArticle> enrich(ConsumerRecord<String, byte[]> record) {
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
