package io.newsline.timeline.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.contracts.net.OutboundAddressPolicy;
import io.newsline.timeline.config.MergerConfig;
import io.newsline.timeline.config.TimelineConfig;
import io.newsline.timeline.domain.TimelineView;
import io.newsline.timeline.watch.Backoff;
import io.newsline.timeline.watch.DeliveryStatus;
import io.newsline.timeline.watch.HttpWebhookClient;
import io.newsline.timeline.watch.RecentChanges;
import io.newsline.timeline.watch.Watch;
import io.newsline.timeline.watch.WatchDelivery;
import io.newsline.timeline.watch.WatchDispatcher;
import io.newsline.timeline.watch.WebhookClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the watches' changes from one instance at a time. Every instance joins the consumer group
 * {@code timeline-watch-deliverer} on {@code news.timeline.watches} with {@link SingleMergerAssignor}; the member
 * given its partition (the longest-running one) delivers, the others stand by and one of them takes over when it
 * leaves or its session times out (the merger's {@code timeline.merger.session-timeout}: both roles fail over
 * alike). The deliverer stores each watch's position and status in {@code news.timeline.deliveries} every few
 * seconds ({@code timeline.watches.status-every}), and before it hands over, so the next one resumes there.
 *
 * <p>Every instance keeps the latest records of {@code news.timeline} in memory as its view applies them, so the
 * one that takes over delivers live changes without reading the topic again.
 */
@ApplicationScoped
public class WatchDeliverer {

    private static final Logger LOG = Logger.getLogger(WatchDeliverer.class);
    static final String GROUP = "timeline-watch-deliverer";
    private static final int RENDERED = 2_000;
    /** A position that only moved because nothing matched is stored this seldom, not at every flush. */
    private static final Duration IDLE_FLUSH = Duration.ofSeconds(30);

    /** What was last stored for a watch. */
    private record Stored(long version, long position, long atNanos) {}

    private final TimelineView view;
    private final TimelineLoader loader;
    private final WatchStore store;
    private final TimelineConfig.Watches config;
    private final Duration catchUpTimeout;
    private final ObjectMapper mapper;
    private final String bootstrap;
    private final MergerConfig merger;
    private final RecentChanges recent;
    private final FeedChangeLog changes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "watch-timer"));
    private final ExecutorService work = Executors.newFixedThreadPool(4, r -> thread(r, "watch-delivery"));
    private final HttpWebhookClient http;
    private final WebhookClient client;
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();
    /** Events lately rendered for a delivery, by sequence. Guarded by itself. */
    private final Map<Long, String> rendered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > RENDERED;
        }
    };
    private final Object lock = new Object();
    private volatile WatchDispatcher dispatcher;
    private volatile KafkaConsumer<byte[], byte[]> election;
    private volatile Thread electionThread;
    private volatile boolean running;
    /** Given the partition, not yet delivering: set by the rebalance, acted on by the election loop. */
    private volatile boolean deliveryDue;
    private volatile String problem;

    public WatchDeliverer(TimelineView view, TimelineLoader loader, WatchStore store, TimelineConfig config,
            MergerConfig merger, ObjectMapper mapper, OutboundAddressPolicy policy, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.view = view;
        this.loader = loader;
        this.store = store;
        this.config = config.watches();
        this.catchUpTimeout = config.catchUpTimeout();
        this.mapper = mapper;
        this.bootstrap = bootstrap;
        this.merger = merger;
        this.recent = new RecentChanges(this.config.recentChanges());
        this.changes = new FeedChangeLog(recent, view::lastSequence, bootstrap, merger.timelineTopic());
        this.http = new HttpWebhookClient(policy, this.config.connectTimeout(), this.config.readTimeout(), timer);
        Counter delivered = attempts(registry, "delivered");
        Counter failed = attempts(registry, "failed");
        Timer attemptTime = Timer.builder("newsline.timeline.watch.attempt")
                .description("Time from posting a delivery to its webhook until the receiver answered")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.client = (webhook, id, body, signature) -> {
            long start = System.nanoTime();
            return http.post(webhook, id, body, signature).whenComplete((a, e) -> {
                attemptTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                (a != null && a.delivered() ? delivered : failed).increment();
            });
        };
        Gauge.builder("newsline.timeline.watch.deliverer", this, d -> d.dispatcher == null ? 0 : 1)
                .description("1 on the instance that delivers webhooks (the merger), 0 on a standby")
                .register(registry);
        Gauge.builder("newsline.timeline.watch.pending", this, WatchDeliverer::pending)
                .description("Matching changes waiting to be delivered, summed over all watches").register(registry);
        Gauge.builder("newsline.timeline.watches", store, s -> s.watches().size())
                .description("Watches saved").register(registry);
    }

    private static Counter attempts(MeterRegistry registry, String outcome) {
        return Counter.builder("newsline.timeline.watch.attempts").tag("outcome", outcome)
                .description("Webhook POSTs, by whether the receiver answered 2xx").register(registry);
    }

    void start(@Observes StartupEvent ev) {
        view.subscribe(Long.MAX_VALUE, change -> {
            recent.add(change.current());
            WatchDispatcher d = dispatcher;
            if (d != null) {
                d.signal();
            }
        });
        store.addListener(this::watchChanged);
        running = true;
        electionThread = new Thread(this::elect, "watch-deliverer-election");
        electionThread.setDaemon(true);
        electionThread.start();
        long every = config.statusEvery().toMillis();
        timer.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
    }

    /** Hands over before the Kafka clients close: positions stored, the group left, so another instance takes over at once. */
    void stop(@Observes @Priority(10) ShutdownEvent ev) {
        running = false;
        KafkaConsumer<byte[], byte[]> c = election;
        if (c != null) {
            c.wakeup();
        }
        Thread t = electionThread;
        if (t != null) {
            try {
                t.join(8_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopDelivering();
        timer.shutdownNow();
        work.shutdownNow();
        http.close();
        changes.close();
    }

    /** Whether this instance delivers now. */
    public boolean delivering() {
        return dispatcher != null;
    }

    /** Why this instance cannot do its part for the watches (take the delivering over, or stand by), or null. */
    public String problem() {
        Thread t = electionThread;
        if (running && t != null && !t.isAlive()) {
            return "watch deliverer election stopped";
        }
        return problem;
    }

    /** The watch's delivery status: live on the delivering instance, else as the deliverer last stored it. */
    public DeliveryStatus status(Watch watch) {
        WatchDispatcher d = dispatcher;
        if (d != null) {
            Optional<WatchDelivery> delivery = d.delivery(watch.name());
            if (delivery.isPresent()) {
                return delivery.get().status();
            }
        }
        return store.storedStatus(watch.name()).orElse(DeliveryStatus.startingAt(watch.startSequence()));
    }

    private void elect() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "timeline-watch-deliverer");
        // The group only chooses who delivers; positions live in news.timeline.deliveries, nothing is committed.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, SingleMergerAssignor.class.getName());
        // A deliverer killed outright is replaced once its session times out, as the merger is.
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) merger.sessionTimeout().toMillis());
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) merger.heartbeatInterval().toMillis());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            election = c;
            if (!running) {
                return;
            }
            c.subscribe(List.of(Topics.TIMELINE_WATCHES), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        deliveryDue = false;
                        stopDelivering();
                    }
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    // Another instance may deliver already: stop at once, the positions it resumes from are stored.
                    onPartitionsRevoked(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // Nothing is read through this consumer: it only holds the partition.
                    c.pause(partitions);
                    if (!partitions.isEmpty()) {
                        deliveryDue = true;
                    }
                }
            });
            while (running) {
                c.poll(Duration.ofSeconds(1));
                if (deliveryDue && running) {
                    // Outside the rebalance callback, and tried again at every poll until it works.
                    startDelivering();
                }
            }
        } catch (WakeupException e) {
            // Shutting down.
        } catch (RuntimeException e) {
            problem = "watch deliverer election stopped: " + e;
            LOG.error("the watch deliverer election stopped", e);
        } finally {
            election = null;
        }
    }

    private void startDelivering() {
        try {
            store.awaitStatusesCaughtUp(catchUpTimeout);
            long deadline = System.nanoTime() + catchUpTimeout.toNanos();
            while (!loader.loaded() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            synchronized (lock) {
                List<WatchDelivery> deliveries = new ArrayList<>();
                for (Watch w : store.watches()) {
                    deliveries.add(delivery(w));
                }
                WatchDispatcher d = new WatchDispatcher(changes, view.regions(), deliveries);
                d.start();
                dispatcher = d;
                deliveryDue = false;
                problem = null;
                LOG.infof("this instance delivers the watches now: %d watches, from sequence %d", deliveries.size(),
                        d.dispatchedTo());
            }
        } catch (TimeoutException | IllegalStateException e) {
            problem = "cannot take the watch deliveries over: " + e.getMessage();
            LOG.errorf("cannot deliver the watches: %s; trying again", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopDelivering() {
        WatchDispatcher d;
        synchronized (lock) {
            d = dispatcher;
            dispatcher = null;
        }
        if (d == null) {
            return;
        }
        d.close();
        List<WatchDelivery> deliveries = d.deliveries();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (deliveries.stream().anyMatch(WatchDelivery::busy) && System.nanoTime() < deadline) {
            sleep(20);
        }
        List<Future<?>> writes = new ArrayList<>();
        for (WatchDelivery delivery : deliveries) {
            if (store.watch(delivery.watch().name()).isPresent()) {
                writes.add(store.putStatus(delivery.watch().name(), delivery.status()));
            }
        }
        for (Future<?> w : writes) {
            try {
                w.get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warnf("a delivery position was not stored on handing over (%s); its changes are delivered again",
                        e.toString());
                break;
            }
        }
        stored.clear();
        LOG.infof("stopped delivering the watches (%d positions stored)", writes.size());
    }

    private void watchChanged(String name, Watch watch) {
        synchronized (lock) {
            WatchDispatcher d = dispatcher;
            if (d == null) {
                return;
            }
            if (watch == null) {
                d.remove(name);
                stored.remove(name);
            } else {
                d.add(delivery(watch));
            }
        }
    }

    private WatchDelivery delivery(Watch w) {
        DeliveryStatus from = store.storedStatus(w.name()).orElse(DeliveryStatus.startingAt(w.startSequence()));
        WatchDelivery.Settings settings = new WatchDelivery.Settings(
                new Backoff(config.firstRetry(), config.maxRetry(), () -> ThreadLocalRandom.current().nextDouble()),
                config.retryFor(), Clock.systemUTC(), work, timer);
        return new WatchDelivery(w, from, changes, client, this::body, settings);
    }

    /**
     * {@code {watch, change, event}}. The event's JSON is the same for every watch it goes to, so it is written
     * once per record and kept for the others.
     */
    private byte[] body(String watch, String change, TimelineEvent event) {
        try {
            String json;
            synchronized (rendered) {
                json = rendered.get(event.sequence());
            }
            if (json == null) {
                json = mapper.writeValueAsString(event);
                synchronized (rendered) {
                    rendered.put(event.sequence(), json);
                }
            }
            return ("{\"watch\":" + mapper.writeValueAsString(watch) + ",\"change\":\"" + change + "\",\"event\":"
                    + json + "}").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores the status of every watch whose deliveries moved since it was last stored. */
    private void flush() {
        WatchDispatcher d = dispatcher;
        if (d == null) {
            return;
        }
        try {
            long now = System.nanoTime();
            for (WatchDelivery delivery : d.deliveries()) {
                String name = delivery.watch().name();
                long version = delivery.version();
                long position = delivery.position();
                Stored last = stored.get(name);
                boolean changed = last == null || last.version() != version;
                boolean moved = last != null && last.position() != position && now - last.atNanos() > IDLE_FLUSH.toNanos();
                if ((changed || moved) && store.watch(name).isPresent()) {
                    store.putStatus(name, delivery.status());
                    stored.put(name, new Stored(version, position, now));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not store the delivery positions (%s); trying again", e.toString());
        }
    }

    private double pending() {
        WatchDispatcher d = dispatcher;
        return d == null ? 0 : d.deliveries().stream().mapToLong(x -> x.status().pending()).sum();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
