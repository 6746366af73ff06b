package io.newsline.localkafka;

import io.newsline.contracts.kafka.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The operator's view of {@code news.articles.dlq} behind {@code ./newsline dlq}: lists dead letters with
 * the reason SmallRye recorded in their headers and whether each was re-driven, and re-drives chosen ones
 * (by offset) to the topic they came from, bytes unchanged, once the cause is fixed. Each letter goes back
 * once: a re-drive is recorded in {@code news.articles.dlq.redriven} and not repeated unless forced.
 *
 * <p>Usage: {@code DeadLetters --bootstrap HOST:PORT list | redrive [--force] OFFSET... | redrive [--force] --all}
 */
public final class DeadLetters {

    static final String USAGE = "usage: ./newsline dlq list | redrive [--force] OFFSET... | redrive [--force] --all";

    /** What the operator asked to re-drive: every letter, or these offsets; {@code force} repeats re-driven ones. */
    record Request(boolean all, boolean force, Set<Long> offsets) {}

    /** What a re-drive did: letters sent, offsets with no letter, letters left alone because they went out before. */
    record Outcome(int redriven, Set<Long> unknown, int alreadyRedriven) {
        /** 0 when every letter asked for was found, and something was sent or nothing was left to send. */
        int exitCode(Request request) {
            if (!unknown.isEmpty()) {
                return 1;
            }
            return redriven == 0 && !request.all() ? 1 : 0;
        }
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = "localhost:9092";
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--bootstrap") && i + 1 < args.length) {
                bootstrap = args[++i];
            } else {
                rest.add(args[i]);
            }
        }
        if (rest.equals(List.of("list"))) {
            list(readAll(bootstrap), RedriveLog.read(bootstrap), System.out);
            return;
        }
        Request request = rest.isEmpty() || !rest.get(0).equals("redrive") ? null : request(rest.subList(1, rest.size()));
        if (request == null) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Outcome outcome = redrive(bootstrap, readAll(bootstrap), RedriveLog.read(bootstrap), request, System.out);
        System.exit(outcome.exitCode(request));
    }

    /** The arguments after {@code redrive}; null when they are not a valid request. */
    static Request request(List<String> args) {
        boolean all = false;
        boolean force = false;
        Set<Long> offsets = new TreeSet<>();
        for (String a : args) {
            if (a.equals("--all")) {
                all = true;
            } else if (a.equals("--force")) {
                force = true;
            } else {
                try {
                    offsets.add(Long.parseLong(a));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return all == offsets.isEmpty() ? new Request(all, force, offsets) : null;
    }

    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // The timeline's merger writes its dead letters inside its transactions: list committed ones only.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return readToEnd(consumer, Topics.ARTICLES_DLQ);
        }
    }

    /** Every record of a topic from its beginning to the end it has now. */
    static List<ConsumerRecord<byte[], byte[]>> readToEnd(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        Map<TopicPartition, Long> end = consumer.endOffsets(parts);
        long deadline = System.currentTimeMillis() + 30_000;
        while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }

    static void list(List<ConsumerRecord<byte[], byte[]>> letters, RedriveLog log, PrintStream out) {
        if (letters.isEmpty()) {
            out.println("no dead letters in " + Topics.ARTICLES_DLQ);
            return;
        }
        int redriven = 0;
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
            RedriveLog.Redriven done = log.of(r.offset());
            if (done != null) {
                out.printf("  status  %s%n", done.describe());
                redriven++;
            }
        }
        out.println(letters.size() + " dead letter(s), " + redriven + " re-driven; re-drive with: ./newsline dlq"
                + " redrive OFFSET... (or --all: every one not re-driven yet; --force: again)");
    }

    static Outcome redrive(String bootstrap, List<ConsumerRecord<byte[], byte[]>> letters, RedriveLog log,
            Request request, PrintStream out) throws Exception {
        Set<Long> unknown = new TreeSet<>(request.offsets());
        int sent = 0;
        int skipped = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> r : letters) {
                if (!request.all() && !unknown.remove(r.offset())) {
                    continue;
                }
                RedriveLog.Redriven before = log.of(r.offset());
                if (before != null && !request.force()) {
                    out.println("offset " + r.offset() + ": already " + before.describe() + "; --force sends it again");
                    skipped++;
                    continue;
                }
                String topic = header(r, "dead-letter-topic");
                if (topic.equals("-")) {
                    out.println("offset " + r.offset() + ": no dead-letter-topic header, left alone");
                    continue;
                }
                RecordMetadata copy = producer.send(new ProducerRecord<>(topic, r.key(), r.value())).get();
                log.record(producer, r.offset(), copy);
                out.println("offset " + r.offset() + " -> " + topic + "-" + copy.partition() + "@" + copy.offset());
                sent++;
            }
        }
        if (!unknown.isEmpty()) {
            out.println("no dead letter at offset " + String.join(", ", unknown.stream().map(String::valueOf).toList())
                    + (letters.isEmpty() ? " (" + Topics.ARTICLES_DLQ + " is empty)"
                    : " (offsets " + letters.get(0).offset() + " to " + letters.get(letters.size() - 1).offset() + ")"));
        }
        out.println(sent + " dead letter(s) re-driven" + (skipped == 0 ? "" : ", " + skipped + " already re-driven left alone"));
        return new Outcome(sent, unknown, skipped);
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
