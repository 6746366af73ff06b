package io.newsline.timeline.messaging;

import io.newsline.timeline.config.MergerConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Kafka clients of {@link TransactionalMerger}, each setting with the reason for it, and how to tell it was fenced. */
final class MergerClients {

    private final String bootstrap;
    private final MergerConfig config;
    /** Numbers the clients of each term, so a new term's clients never reuse a closed one's client id. */
    private final AtomicInteger terms = new AtomicInteger();

    MergerClients(String bootstrap, MergerConfig config) {
        this.bootstrap = bootstrap;
        this.config = config;
    }

    /** A consumer of the merger group that reports {@code standingSince} to {@link SingleMergerAssignor} at each join. */
    KafkaConsumer<String, byte[]> consumer(LongSupplier standingSince) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.group());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "timeline-merger-" + ProcessHandle.current().pid() + "-" + terms.incrementAndGet());
        // Offsets are committed only inside the merger's transactions.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // nlp-service does not write in transactions; if it ever does, an aborted enrichment must not be folded.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, SingleMergerAssignor.class.getName());
        p.put(SingleMergerAssignor.STANDING_SINCE_CONFIG, standingSince);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.sessionTimeout().toMillis());
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) config.heartbeatInterval().toMillis());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxArticlesPerTransaction());
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    KafkaProducer<String, byte[]> producer() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "timeline-merger-" + ProcessHandle.current().pid() + "-" + terms.get());
        // The role's one id: a new holder fences the old one and aborts what it left open.
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        // Durable before committed, and no duplicates or reordering from retries (required by transactions).
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Records go out at once: the SSE latency bar is tighter than any batching gain.
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // How long a commit or an abort may wait for an unreachable broker before it is tried again.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Whether this failure means a successor holds the merger role: this instance's producer was fenced by a
     * newer epoch, or the group refused its offsets (an old generation, an unknown member).
     */
    static boolean fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException
                    || t instanceof FencedInstanceIdException || t instanceof CommitFailedException
                    || t instanceof IllegalGenerationException || t instanceof UnknownMemberIdException) {
                return true;
            }
        }
        return false;
    }
}
