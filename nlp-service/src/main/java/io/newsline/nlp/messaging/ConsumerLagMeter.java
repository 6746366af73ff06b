package io.newsline.nlp.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsline.contracts.kafka.ConsumerGroupLag;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code newsline_consumer_lag_records{group, topic, partition}}: how many records of {@code news.articles.raw}
 * the group {@code nlp-service} has not committed yet, read from the broker every few seconds
 * ({@link ConsumerGroupLag}), so every instance shows the group's lag.
 */
@ApplicationScoped
public class ConsumerLagMeter {

    private static final Duration EVERY = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final String bootstrap;
    private final String group;
    private final String topic;
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();
    private volatile ConsumerGroupLag reader;

    public ConsumerLagMeter(MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "mp.messaging.incoming.articles-in.group.id") String group,
            @ConfigProperty(name = "mp.messaging.incoming.articles-in.topic") String topic) {
        this.registry = registry;
        this.bootstrap = bootstrap;
        this.group = group;
        this.topic = topic;
    }

    void start(@Observes StartupEvent ev) {
        reader = ConsumerGroupLag.start(bootstrap, "nlp-lag-meter", group, topic, EVERY,
                (partition, records) -> lagOf(partition).set(records));
    }

    void stop(@Observes ShutdownEvent ev) {
        if (reader != null) {
            reader.close();
        }
    }

    private AtomicLong lagOf(TopicPartition tp) {
        return lags.computeIfAbsent(tp, p -> {
            AtomicLong lag = new AtomicLong();
            Gauge.builder("newsline.consumer.lag.records", lag, AtomicLong::get)
                    .description("Records of the topic not yet committed by the consumer group (end offset - committed offset)")
                    .tags("group", group, "topic", p.topic(), "partition", Integer.toString(p.partition()))
                    .register(registry);
            return lag;
        });
    }
}
