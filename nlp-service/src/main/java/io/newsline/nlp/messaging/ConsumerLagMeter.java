package io.newsline.nlp.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsline.contracts.kafka.ConsumerGroupLag;
import io.newsline.contracts.metrics.KafkaOffsetMeters;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code newsline_consumer_lag_records{group, topic, partition}}: how many records of {@code news.articles.raw}
 * the group {@code nlp-service} has not committed yet, read from the broker every few seconds
 * ({@link ConsumerGroupLag}), so every instance shows the group's lag; beside it the group's committed offsets
 * and the end offsets of the topics it reads and writes ({@link KafkaOffsetMeters}).
 */
@ApplicationScoped
public class ConsumerLagMeter {

    private static final Duration EVERY = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final String bootstrap;
    private final String group;
    private final String topic;
    private final List<String> written;
    private volatile ConsumerGroupLag reader;

    public ConsumerLagMeter(MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "mp.messaging.incoming.articles-in.group.id") String group,
            @ConfigProperty(name = "mp.messaging.incoming.articles-in.topic") String topic,
            @ConfigProperty(name = "mp.messaging.outgoing.articles-enriched.topic") String enrichedTopic,
            @ConfigProperty(name = "mp.messaging.incoming.articles-in.dead-letter-queue.topic") String deadLetterTopic) {
        this.registry = registry;
        this.bootstrap = bootstrap;
        this.group = group;
        this.topic = topic;
        this.written = List.of(enrichedTopic, deadLetterTopic);
    }

    void start(@Observes StartupEvent ev) {
        reader = ConsumerGroupLag.start(bootstrap, "nlp-lag-meter", group, topic, written, EVERY,
                new KafkaOffsetMeters(registry, group));
    }

    void stop(@Observes ShutdownEvent ev) {
        if (reader != null) {
            reader.close();
        }
    }
}
