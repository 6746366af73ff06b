package io.newsline.localkafka;

import io.newsline.contracts.kafka.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The operator's view of {@code news.articles.dlq} behind {@code ./newsline dlq}: lists dead letters with
 * the reason SmallRye recorded in their headers, and re-drives chosen ones (by offset) to the topic they
 * came from, bytes unchanged, once the cause is fixed.
 *
 * <p>Usage: {@code DeadLetters --bootstrap HOST:PORT list | redrive OFFSET... | redrive --all}
 */
public final class DeadLetters {

    public static void main(String[] args) throws Exception {
        String bootstrap = "localhost:9092";
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--bootstrap")) {
                bootstrap = args[++i];
            } else {
                rest.add(args[i]);
            }
        }
        if (rest.isEmpty() || !(rest.get(0).equals("list") || rest.get(0).equals("redrive"))
                || (rest.get(0).equals("redrive") && rest.size() < 2)) {
            System.err.println("usage: ./newsline dlq list | redrive OFFSET... | redrive --all");
            System.exit(2);
        }
        List<ConsumerRecord<byte[], byte[]>> letters = readAll(bootstrap);
        if (rest.get(0).equals("list")) {
            list(letters, System.out);
        } else {
            boolean all = rest.contains("--all");
            Set<Long> chosen = new HashSet<>();
            for (String s : rest.subList(1, rest.size())) {
                if (!s.equals("--all")) {
                    chosen.add(Long.parseLong(s));
                }
            }
            int n = redrive(bootstrap, letters, all, chosen, System.out);
            System.out.println(n + " dead letter(s) re-driven");
            if (n == 0 && !letters.isEmpty()) {
                System.exit(1);
            }
        }
    }

    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // The timeline's merger writes its dead letters inside its transactions: list committed ones only.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.ARTICLES_DLQ).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 30_000;
            while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    static void list(List<ConsumerRecord<byte[], byte[]>> letters, PrintStream out) {
        if (letters.isEmpty()) {
            out.println("no dead letters in " + Topics.ARTICLES_DLQ);
            return;
        }
        for (ConsumerRecord<byte[], byte[]> r : letters) {
            out.printf("offset %d  %s  key %s%n", r.offset(), Instant.ofEpochMilli(r.timestamp()),
                    r.key() == null ? "-" : new String(r.key(), StandardCharsets.UTF_8));
            out.printf("  from    %s-%s@%s%n", header(r, "dead-letter-topic"), header(r, "dead-letter-partition"),
                    header(r, "dead-letter-offset"));
            out.printf("  reason  %s%n", header(r, "dead-letter-reason"));
            String cause = header(r, "dead-letter-cause");
            if (!cause.equals("-")) {
                out.printf("  cause   %s%n", cause);
            }
            out.printf("  value   %s%n", preview(r.value()));
        }
        out.println(letters.size() + " dead letter(s); re-drive with: ./newsline dlq redrive OFFSET... (or --all)");
    }

    static int redrive(String bootstrap, List<ConsumerRecord<byte[], byte[]>> letters, boolean all, Set<Long> chosen,
            PrintStream out) throws Exception {
        int n = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> r : letters) {
                if (!all && !chosen.contains(r.offset())) {
                    continue;
                }
                String topic = header(r, "dead-letter-topic");
                if (topic.equals("-")) {
                    out.println("offset " + r.offset() + ": no dead-letter-topic header, left alone");
                    continue;
                }
                producer.send(new ProducerRecord<>(topic, r.key(), r.value())).get();
                out.println("offset " + r.offset() + " -> " + topic);
                n++;
            }
        }
        return n;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? "-" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String preview(byte[] value) {
        if (value == null) {
            return "(null)";
        }
        String s = new String(value, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 160) + "… (" + value.length + " bytes)" : s;
    }

    private DeadLetters() {}
}
