package io.newsline.nlp.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsline.localkafka.KafkaTestResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The offset meters against the real broker: per partition, the lag (end offset minus what the group
 * committed), the committed offset and the end offset, also of a topic the service only writes.
 */
class ConsumerLagMeterTest {

    @Test
    void theLagOfEachPartitionIsWhatTheGroupHasNotCommitted() throws Exception {
        String bootstrap = KafkaTestResource.broker().bootstrapServers();
        String topic = "lag-test-" + UUID.randomUUID();
        String written = "lag-test-out-" + UUID.randomUUID();
        String group = "lag-test-group-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1), new NewTopic(written, 1, (short) 1)))
                    .all().get();
            // Given 5 records on partition 0 and 3 on partition 1
            for (int i = 0; i < 5; i++) {
                TestTopics.sendTo(topic, 0, "k" + i, "v".getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 3; i++) {
                TestTopics.sendTo(topic, 1, "k" + i, "v".getBytes(StandardCharsets.UTF_8));
            }
            // And 4 records on the topic the service writes
            for (int i = 0; i < 4; i++) {
                TestTopics.sendTo(written, 0, "k" + i, "v".getBytes(StandardCharsets.UTF_8));
            }
            // And a group that committed partition 0 up to offset 2 and partition 1 not at all
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)))
                    .all().get();
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ConsumerLagMeter meter = new ConsumerLagMeter(registry, bootstrap, group, topic, written, written);

        meter.start(null);
        try {
            // Then partition 0 lags by 3 records, and partition 1 by all 3 (the group starts at the earliest)
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertEquals(3.0, lag(registry, "0"));
                assertEquals(3.0, lag(registry, "1"));
            });
            // And the counters say where the group stands and how many records each partition holds
            assertEquals(2.0, counter(registry, "newsline.consumer.committed.records", topic, "0"));
            assertEquals(0.0, counter(registry, "newsline.consumer.committed.records", topic, "1"));
            assertEquals(5.0, counter(registry, "newsline.topic.records", topic, "0"));
            assertEquals(3.0, counter(registry, "newsline.topic.records", topic, "1"));
            assertEquals(4.0, counter(registry, "newsline.topic.records", written, "0"));
        } finally {
            meter.stop(null);
        }
    }

    private static double counter(SimpleMeterRegistry registry, String name, String topic, String partition) {
        FunctionCounter c = registry.find(name).tag("topic", topic).tag("partition", partition).functionCounter();
        return c == null ? Double.NaN : c.count();
    }

    private static double lag(SimpleMeterRegistry registry, String partition) {
        Gauge g = registry.find("newsline.consumer.lag.records").tag("partition", partition).gauge();
        return g == null ? Double.NaN : g.value();
    }
}
