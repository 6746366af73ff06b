package io.newsline.timeline.testing;

import io.newsline.contracts.kafka.JsonSerializer;
import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.localkafka.KafkaTestResource;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes enriched articles to the test broker as nlp-service would: keyed by article id. */
public final class Broker {

    private static KafkaProducer<String, EnrichedArticle> producer;

    public static synchronized void publish(EnrichedArticle article) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new JsonSerializer<>());
        }
        try {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, article.id(), article))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the test broker did not take the article", e);
        }
    }

    public static String bootstrap() {
        return KafkaTestResource.broker().bootstrapServers();
    }

    private Broker() {}
}
