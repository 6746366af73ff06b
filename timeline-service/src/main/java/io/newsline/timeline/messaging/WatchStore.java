package io.newsline.timeline.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import io.newsline.timeline.watch.DeliveryStatus;
import io.newsline.timeline.watch.Watch;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The saved watches ({@code news.timeline.watches}) and their delivery statuses ({@code news.timeline.deliveries}),
 * both compacted and keyed by watch name. Every instance reads both from their first record and follows them, so
 * any instance answers for every watch; writes wait for the broker's acknowledgement.
 */
@ApplicationScoped
public class WatchStore {

    private static final Logger LOG = Logger.getLogger(WatchStore.class);

    /** A watch saved (value) or deleted (null), as the topic said it. */
    public interface Listener {
        void changed(String name, Watch watch);
    }

    private final String bootstrap;
    private final TopicPartition watchesPartition = new TopicPartition(Topics.TIMELINE_WATCHES, 0);
    private final TopicPartition deliveriesPartition = new TopicPartition(Topics.TIMELINE_DELIVERIES, 0);
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    /**
     * Each watch's last stored status as its JSON, read only when asked for: the deliverer stores hundreds a
     * second under load, and every instance follows them.
     */
    private final Map<String, byte[]> statuses = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile KafkaProducer<String, byte[]> producer;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Admin admin;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean loaded;
    private volatile long deliveriesPosition;
    private volatile String failure;

    public WatchStore(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.bootstrap = bootstrap;
    }

    void start(@Observes StartupEvent ev) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "timeline-watches");
        // A 201 promises the watch survives a restart: every in-sync replica has it, written once.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 9_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "timeline-watches-admin"));
        running = true;
        thread = new Thread(this::follow, "watch-store");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        join(thread);
        if (producer != null) {
            producer.close(Duration.ofSeconds(3));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** Whether both topics have been read to where they ended at start. */
    public boolean loaded() {
        return loaded;
    }

    /** Why the store cannot follow its topics, or null. */
    public String failure() {
        return failure;
    }

    public Collection<Watch> watches() {
        return List.copyOf(watches.values());
    }

    public Optional<Watch> watch(String name) {
        return Optional.ofNullable(watches.get(name));
    }

    /** The status the deliverer last stored for this watch. */
    public Optional<DeliveryStatus> storedStatus(String name) {
        byte[] json = statuses.get(name);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(json, DeliveryStatus.class));
        } catch (IOException e) {
            LOG.errorf("the stored delivery status of watch %s is unreadable (%s); it starts again from its watch",
                    name, e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores a watch; returns once the broker acknowledged it. */
    public void put(Watch watch, Duration timeout) throws ExecutionException, TimeoutException, InterruptedException {
        send(Topics.TIMELINE_WATCHES, watch.name(), json(watch)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        apply(watch.name(), watch);
    }

    /** Deletes a watch and its delivery status; returns once the broker acknowledged both. */
    public void delete(String name, Duration timeout) throws ExecutionException, TimeoutException, InterruptedException {
        Future<RecordMetadata> status = send(Topics.TIMELINE_DELIVERIES, name, null);
        send(Topics.TIMELINE_WATCHES, name, null).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        status.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        apply(name, null);
        statuses.remove(name);
    }

    /** Stores a delivery status, without waiting. */
    public Future<RecordMetadata> putStatus(String name, DeliveryStatus status) {
        byte[] json = json(status);
        statuses.put(name, json);
        return send(Topics.TIMELINE_DELIVERIES, name, json);
    }

    /**
     * Waits until every delivery status on the topic now has been read: what an instance that starts to deliver
     * needs, so it resumes from the positions the last deliverer stored.
     */
    public void awaitStatusesCaughtUp(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long end;
        try {
            end = admin.listOffsets(Map.of(deliveriesPartition, OffsetSpec.latest())).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(deliveriesPartition).offset();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end of " + Topics.TIMELINE_DELIVERIES, e.getCause());
        }
        while (!loaded || deliveriesPosition < end) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(Topics.TIMELINE_DELIVERIES + " read to " + deliveriesPosition + " of " + end);
            }
            Thread.sleep(20);
        }
    }

    private Future<RecordMetadata> send(String topic, String key, byte[] value) {
        return producer.send(new ProducerRecord<>(topic, key, value));
    }

    private void follow() {
        while (running) {
            try {
                ensureTopics();
                readAndFollow();
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                failure = e.toString();
                LOG.warnf("cannot follow the watch topics yet (%s); retrying", e.toString());
                sleep(1_000);
            }
        }
    }

    private void readAndFollow() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "timeline-watch-store");
        // No group: every instance reads both topics whole, at every start.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            if (!running) {
                return;
            }
            List<TopicPartition> both = List.of(watchesPartition, deliveriesPartition);
            c.assign(both);
            c.seekToBeginning(both);
            Map<TopicPartition, Long> end = c.endOffsets(both, Duration.ofSeconds(10));
            while (running) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (r.key() == null) {
                        continue;
                    }
                    if (r.topic().equals(Topics.TIMELINE_WATCHES)) {
                        apply(r.key(), read(r.value(), Watch.class, r));
                    } else if (r.value() == null) {
                        statuses.remove(r.key());
                    } else {
                        statuses.put(r.key(), r.value());
                    }
                }
                deliveriesPosition = c.position(deliveriesPartition);
                failure = null;
                if (!loaded && c.position(watchesPartition) >= end.get(watchesPartition)
                        && deliveriesPosition >= end.get(deliveriesPartition)) {
                    loaded = true;
                    LOG.infof("watches loaded: %d watches", watches.size());
                }
            }
        } finally {
            consumer = null;
        }
    }

    /** Applies a watch record; listeners hear of it only when it changes what this instance knew. */
    private void apply(String name, Watch watch) {
        Watch before = watch == null ? watches.remove(name) : watches.put(name, watch);
        if (java.util.Objects.equals(before, watch)) {
            return;
        }
        for (Listener l : listeners) {
            l.changed(name, watch);
        }
    }

    private <T> T read(byte[] value, Class<T> type, ConsumerRecord<String, byte[]> r) {
        if (value == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(value, type);
        } catch (IOException e) {
            LOG.errorf("skipping unreadable record %s@%d (key %s): %s", r.topic(), r.offset(), r.key(), e.getMessage());
            return null;
        }
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("watch records always serialise", e);
        }
    }

    /** Creates the two topics when the broker lacks them: a broker that creates topics itself would not compact them. */
    private void ensureTopics() {
        try {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topics.Spec spec : Topics.ALL) {
                boolean mine = spec.name().equals(Topics.TIMELINE_WATCHES) || spec.name().equals(Topics.TIMELINE_DELIVERIES);
                if (mine && !existing.contains(spec.name())) {
                    missing.add(new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                            .configs(spec.config()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                LOG.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the watch topics", e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not list its topics in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
