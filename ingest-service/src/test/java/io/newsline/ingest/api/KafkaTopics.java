package io.newsline.ingest.api;

import org.eclipse.microprofile.config.ConfigProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads topics of the test broker the way an operator would, with a plain consumer and no group. */
final class KafkaTopics {

    /** Where the first application's broker is, for a later test profile to use the same one. */
    static final String SHARED_BOOTSTRAP = "newsline.test.shared-bootstrap";

    private KafkaTopics() {}

    /** The broker the application under test uses. */
    static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Notes the current broker JVM-wide (system properties outlive the application's class loader). */
    static void shareBroker() {
        System.setProperty(SHARED_BOOTSTRAP, bootstrapServers());
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, String topic) {
        return c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    /** The sum of the topic's end offsets: how many records were ever written to it. */
    static long endOffsets(String topic) {
        try (KafkaConsumer<String, String> c = consumer()) {
            Map<TopicPartition, Long> end = c.endOffsets(partitions(c, topic), Duration.ofSeconds(10));
            return end.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every record of the topic up to its current end. */
    static List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> parts = partitions(c, topic);
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** The values of the records with this key. */
    static List<String> valuesWithKey(String topic, String key) {
        return readAll(topic).stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }
}
