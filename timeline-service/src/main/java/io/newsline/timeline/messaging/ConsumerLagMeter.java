package io.newsline.timeline.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsline.contracts.kafka.ConsumerGroupLag;
import io.newsline.timeline.config.MergerConfig;
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
 * Two lags, read from the broker every few seconds ({@link ConsumerGroupLag}):
 * {@code newsline_consumer_lag_records{group, topic, partition}}, how many records of
 * {@code news.articles.enriched} the merger group {@code timeline-merger} has not committed yet (every
 * instance shows the group's figure, merger or not), and {@code newsline_timeline_view_lag_records}, how
 * many records of {@code news.timeline} this instance's view has not applied yet (what its GET and SSE
 * answers are behind the feed; the records of a transaction still open count until it commits).
 */
@ApplicationScoped
public class ConsumerLagMeter implements ConsumerGroupLag.Listener {

    private static final Duration EVERY = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final String bootstrap;
    private final String group;
    private final String topic;
    private final TimelineLoader loader;
    private final TopicPartition timelinePartition;
    private final AtomicLong viewLag = new AtomicLong();
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();
    private volatile ConsumerGroupLag reader;

    public ConsumerLagMeter(MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, MergerConfig merger,
            TimelineLoader loader) {
        this.registry = registry;
        this.bootstrap = bootstrap;
        this.group = merger.group();
        this.topic = merger.enrichedTopic();
        this.loader = loader;
        this.timelinePartition = new TopicPartition(merger.timelineTopic(), 0);
        Gauge.builder("newsline.timeline.view.lag.records", viewLag, AtomicLong::get)
                .description("Records of news.timeline this instance has not applied to its view yet")
                .register(registry);
    }

    void start(@Observes StartupEvent ev) {
        reader = ConsumerGroupLag.start(bootstrap, "timeline-lag-meter", group, topic, EVERY, this);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (reader != null) {
            reader.close();
        }
    }

    @Override
    public void lag(TopicPartition partition, long records) {
        lags.computeIfAbsent(partition, p -> {
            AtomicLong lag = new AtomicLong();
            Gauge.builder("newsline.consumer.lag.records", lag, AtomicLong::get)
                    .description("Records of the topic not yet committed by the consumer group (end offset - committed offset)")
                    .tags("group", group, "topic", p.topic(), "partition", Integer.toString(p.partition()))
                    .register(registry);
            return lag;
        }).set(records);
    }

    @Override
    public void refreshed(ConsumerGroupLag lag) throws Exception {
        viewLag.set(Math.max(0, lag.endOffset(timelinePartition) - loader.position()));
    }
}
