package io.newsline.timeline.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Two lags, read from the broker every few seconds:
 * {@code newsline_consumer_lag_records{group, topic, partition}}, how many records of
 * {@code news.articles.enriched} the merger group {@code timeline-merger} has not committed yet (end offset
 * minus committed offset; every instance shows the group's figure, merger or not), and
 * {@code newsline_timeline_view_lag_records}, how many records of {@code news.timeline} this instance's
 * view has not applied yet (what its GET and SSE answers are behind the feed).
 */
@ApplicationScoped
public class ConsumerLagMeter {

    private static final Logger LOG = Logger.getLogger(ConsumerLagMeter.class);
    private static final Duration EVERY = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final String bootstrap;
    private final String group;
    private final String topic;
    private final TimelineLoader loader;
    private final TopicPartition timelinePartition;
    private final AtomicLong viewLag = new AtomicLong();
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();
    private volatile Admin admin;
    private volatile ScheduledExecutorService timer;

    public ConsumerLagMeter(MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "mp.messaging.incoming.enriched-in.group.id") String group,
            @ConfigProperty(name = "mp.messaging.incoming.enriched-in.topic") String topic,
            @ConfigProperty(name = "mp.messaging.outgoing.timeline-out.topic") String timelineTopic,
            TimelineLoader loader) {
        this.registry = registry;
        this.bootstrap = bootstrap;
        this.group = group;
        this.topic = topic;
        this.loader = loader;
        this.timelinePartition = new TopicPartition(timelineTopic, 0);
        Gauge.builder("newsline.timeline.view.lag.records", viewLag, AtomicLong::get)
                .description("Records of news.timeline this instance has not applied to its view yet")
                .register(registry);
    }

    void start(@Observes StartupEvent ev) {
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "timeline-lag-meter",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "timeline-lag-meter");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::refresh, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private void refresh() {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(4, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(4, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (TopicPartition tp : partitions) {
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
            }
            latest.put(timelinePartition, OffsetSpec.latest());
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(4, TimeUnit.SECONDS);
            viewLag.set(Math.max(0, ends.get(timelinePartition).offset() - loader.position()));
            Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get(4, TimeUnit.SECONDS);
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                // Nothing committed yet: the group starts from the earliest record (auto.offset.reset=earliest).
                long from = c != null ? c.offset() : starts.get(tp).offset();
                lagOf(tp).set(Math.max(0, ends.get(tp).offset() - from));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The broker is away: keep the last figures (readiness says it is away) and try again later.
            LOG.debugf("consumer lag not refreshed: %s", e.toString());
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
