package io.newsline.localkafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.kafka.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static KafkaBrokerProcess broker;

    @BeforeAll
    static void start() {
        broker = KafkaBrokerProcess.startFresh();
    }

    @AfterAll
    static void stop() {
        broker.stop();
    }

    @Test
    void listsReasonsAndRedrivesTheChosenLetterBytesUnchangedToItsTopic() throws Exception {
        // Given two dead letters as nlp-service's dead-letter strategy writes them
        byte[] garbled = {(byte) 0xC3, (byte) 0x28, '{', 'x'};
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            p.send(letter("a1", garbled, "not valid UTF-8 JSON")).get();
            p.send(letter("a2", "{\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8), "body is required")).get();
        }

        // When the operator lists them
        List<ConsumerRecord<byte[], byte[]>> letters = DeadLetters.readAll(broker.bootstrapServers());
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        DeadLetters.list(letters, new PrintStream(listing, true, StandardCharsets.UTF_8));

        // Then each shows where it came from and why it failed
        String text = listing.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("reason  not valid UTF-8 JSON"), text);
        assertTrue(text.contains("reason  body is required"), text);
        assertTrue(text.contains("from    news.articles.raw-1@41"), text);

        // When the first is re-driven, it is back on news.articles.raw with its key and exact bytes
        int n = DeadLetters.redrive(broker.bootstrapServers(), letters, false, Set.of(0L),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(1, n);
        List<ConsumerRecord<byte[], byte[]>> raw = readRaw();
        assertEquals(1, raw.size());
        assertEquals("a1", new String(raw.get(0).key(), StandardCharsets.UTF_8));
        assertArrayEquals(garbled, raw.get(0).value());
    }

    private static ProducerRecord<byte[], byte[]> letter(String key, byte[] value, String reason) {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(Topics.ARTICLES_DLQ, key.getBytes(StandardCharsets.UTF_8), value);
        r.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        r.headers().add("dead-letter-topic", Topics.ARTICLES_RAW.getBytes(StandardCharsets.UTF_8));
        r.headers().add("dead-letter-partition", "1".getBytes(StandardCharsets.UTF_8));
        r.headers().add("dead-letter-offset", "41".getBytes(StandardCharsets.UTF_8));
        return r;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readRaw() {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(Topics.ARTICLES_RAW));
            long deadline = System.currentTimeMillis() + 20_000;
            while (out.isEmpty() && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(300)).forEach(out::add);
            }
            // anything else that might follow
            c.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }
}
