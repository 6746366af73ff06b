package io.newsline.localkafka;

import io.newsline.contracts.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Which dead letters were re-driven, kept in the compacted topic {@code news.articles.dlq.redriven}: one record
 * per letter, keyed by its offset, written once the re-driven copy was acknowledged. A letter found here is
 * not sent again unless the operator forces it.
 */
final class RedriveLog {

    /** Where and when one dead letter was re-driven (the last time, when it was forced again). */
    record Redriven(long letter, Instant at, String topic, int partition, long offset) {
        String describe() {
            return "re-driven " + at + " to " + topic + "-" + partition + "@" + offset;
        }
    }

    private final Map<Long, Redriven> byLetter;

    private RedriveLog(Map<Long, Redriven> byLetter) {
        this.byLetter = byLetter;
    }

    /** Reads the whole log. */
    static RedriveLog read(String bootstrap) {
        Map<Long, Redriven> out = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (ConsumerRecord<byte[], byte[]> r : DeadLetters.readToEnd(consumer, Topics.ARTICLES_DLQ_REDRIVEN)) {
                Redriven entry = parse(r);
                if (entry != null) {
                    out.put(entry.letter(), entry);
                }
            }
        }
        return new RedriveLog(out);
    }

    Redriven of(long letter) {
        return byLetter.get(letter);
    }

    /** Records that a letter went out as {@code sent}; returns once the broker acknowledged the record. */
    Redriven record(KafkaProducer<byte[], byte[]> producer, long letter, RecordMetadata sent)
            throws ExecutionException, InterruptedException {
        Redriven entry = new Redriven(letter, Instant.now(), sent.topic(), sent.partition(), sent.offset());
        String value = entry.at() + " " + entry.topic() + " " + entry.partition() + " " + entry.offset();
        producer.send(new ProducerRecord<>(Topics.ARTICLES_DLQ_REDRIVEN, bytes(Long.toString(letter)), bytes(value))).get();
        byLetter.put(letter, entry);
        return entry;
    }

    /** A value is {@code <instant> <topic> <partition> <offset>}, readable with a console consumer. */
    private static Redriven parse(ConsumerRecord<byte[], byte[]> r) {
        if (r.key() == null || r.value() == null) {
            return null;
        }
        try {
            List<String> f = List.of(new String(r.value(), StandardCharsets.UTF_8).split(" "));
            return new Redriven(Long.parseLong(new String(r.key(), StandardCharsets.UTF_8)), Instant.parse(f.get(0)),
                    f.get(1), Integer.parseInt(f.get(2)), Long.parseLong(f.get(3)));
        } catch (RuntimeException unreadable) {
            // Not written by this tool: it says nothing about which letters went out.
            return null;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
