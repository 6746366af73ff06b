package io.newsline.localkafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** {@code ./newsline dlq} against a real broker: listing, re-driving each letter once, naming unknown offsets. */
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
    void listsReasonsAndRedrivesEachChosenLetterOnceBytesUnchangedToItsTopic() throws Exception {
        // Given two dead letters as nlp-service's dead-letter strategy writes them
        byte[] garbled = {(byte) 0xC3, (byte) 0x28, '{', 'x'};
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            p.send(letter("a1", garbled, "not valid UTF-8 JSON")).get();
            p.send(letter("a2", "{\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8), "body is required")).get();
        }

        // When the operator lists them
        String text = listing();

        // Then each shows where it came from and why it failed
        assertTrue(text.contains("reason  not valid UTF-8 JSON"), text);
        assertTrue(text.contains("reason  body is required"), text);
        assertTrue(text.contains("from    news.articles.raw-1@41"), text);
        assertTrue(text.contains("2 dead letter(s), 0 re-driven"), text);

        // When the first is re-driven, it is back on news.articles.raw with its key and exact bytes
        StringBuilder out = new StringBuilder();
        DeadLetters.Outcome first = redrive(request("0"), out);
        assertEquals(1, first.redriven());
        assertEquals(0, first.exitCode(request("0")));
        List<ConsumerRecord<byte[], byte[]>> raw = readRaw(1);
        assertEquals(1, raw.size());
        assertEquals("a1", new String(raw.get(0).key(), StandardCharsets.UTF_8));
        assertArrayEquals(garbled, raw.get(0).value());

        // and the listing says so
        String after = listing();
        assertTrue(after.contains("status  re-driven "), after);
        assertTrue(after.contains("2 dead letter(s), 1 re-driven"), after);

        // When it is asked for again, and then every letter is: the first is left alone, the second goes out
        DeadLetters.Outcome again = redrive(request("0"), out);
        assertEquals(0, again.redriven());
        assertEquals(1, again.exitCode(request("0")), "nothing was re-driven");
        assertTrue(out.toString().contains("offset 0: already re-driven"), out.toString());
        DeadLetters.Outcome all = redrive(request("--all"), out);
        assertEquals(1, all.redriven());
        assertEquals(1, all.alreadyRedriven());
        assertEquals(0, redrive(request("--all"), out).redriven(), "a second --all finds nothing left");
        assertEquals(2, readRaw(2).size(), "one copy of each letter");

        // When forced, a re-driven letter goes out again
        assertEquals(1, redrive(request("--force", "0"), out).redriven());
        assertEquals(3, readRaw(3).size());
    }

    @Test
    void offsetsWithoutALetterAreNamedAndFailTheCommand() throws Exception {
        StringBuilder out = new StringBuilder();

        DeadLetters.Outcome outcome = redrive(request("97", "98"), out);

        assertEquals(Set.of(97L, 98L), outcome.unknown());
        assertEquals(1, outcome.exitCode(request("97", "98")));
        assertTrue(out.toString().contains("no dead letter at offset 97, 98"), out.toString());
    }

    @Test
    void aRequestNamesOffsetsOrAllNeverBoth() {
        assertEquals(new DeadLetters.Request(false, false, Set.of(3L, 7L)), DeadLetters.request(List.of("3", "7")));
        assertEquals(new DeadLetters.Request(true, true, Set.of()), DeadLetters.request(List.of("--force", "--all")));
        assertNull(DeadLetters.request(List.of()));
        assertNull(DeadLetters.request(List.of("--all", "3")));
        assertNull(DeadLetters.request(List.of("three")));
    }

    private static DeadLetters.Request request(String... args) {
        return DeadLetters.request(List.of(args));
    }

    private static String listing() {
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        DeadLetters.list(DeadLetters.readAll(broker.bootstrapServers()), RedriveLog.read(broker.bootstrapServers()),
                new PrintStream(listing, true, StandardCharsets.UTF_8));
        return listing.toString(StandardCharsets.UTF_8);
    }

    private static DeadLetters.Outcome redrive(DeadLetters.Request request, StringBuilder out) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DeadLetters.Outcome outcome = DeadLetters.redrive(broker.bootstrapServers(),
                DeadLetters.readAll(broker.bootstrapServers()), RedriveLog.read(broker.bootstrapServers()), request,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        out.append(printed.toString(StandardCharsets.UTF_8));
        return outcome;
    }

    private static ProducerRecord<byte[], byte[]> letter(String key, byte[] value, String reason) {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(Topics.ARTICLES_DLQ, key.getBytes(StandardCharsets.UTF_8), value);
        r.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        r.headers().add("dead-letter-topic", Topics.ARTICLES_RAW.getBytes(StandardCharsets.UTF_8));
        r.headers().add("dead-letter-partition", "1".getBytes(StandardCharsets.UTF_8));
        r.headers().add("dead-letter-offset", "41".getBytes(StandardCharsets.UTF_8));
        return r;
    }

    /** news.articles.raw from its beginning, once it holds at least {@code n} records (and a moment more). */
    private static List<ConsumerRecord<byte[], byte[]>> readRaw(int n) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(Topics.ARTICLES_RAW));
            long deadline = System.currentTimeMillis() + 20_000;
            while (out.size() < n && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(300)).forEach(out::add);
            }
            // anything else that might follow
            c.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }
}
