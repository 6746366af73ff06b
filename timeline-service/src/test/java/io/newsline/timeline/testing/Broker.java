package io.newsline.timeline.testing;

import io.newsline.contracts.kafka.JsonSerializer;
import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.localkafka.KafkaTestResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes enriched articles to the test broker as nlp-service would (keyed by article id), and reads news.timeline. */
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

    /**
     * The sequences (offset + 1) of the committed records of news.timeline above {@code after} and up to
     * {@code upTo}: what a subscriber resuming after {@code after} must get. Not a plain range: the merger
     * writes in transactions, whose markers take offsets too.
     */
    public static List<Long> timelineSequences(long after, long upTo) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        TopicPartition tp = new TopicPartition(Topics.TIMELINE, 0);
        List<Long> sequences = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.assign(List.of(tp));
            c.seek(tp, after);
            long end = c.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (c.position(tp) < Math.min(end, upTo) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.offset() + 1 > after && r.offset() + 1 <= upTo) {
                        sequences.add(r.offset() + 1);
                    }
                }
            }
        }
        return sequences;
    }

    public static String bootstrap() {
        return KafkaTestResource.broker().bootstrapServers();
    }

    private Broker() {}
}
