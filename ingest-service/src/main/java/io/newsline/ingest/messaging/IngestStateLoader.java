package io.newsline.ingest.messaging;

import io.newsline.ingest.config.IngestConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.newsline.contracts.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads ingest's state back from Kafka at start, on a thread of its own so the service is live at once
 * and ready once done: its topics (created if missing), then the seen ids ({@code news.ingest.seen}) and the
 * API feeds ({@code news.ingest.feeds}) with one consumer while the producer fetches its metadata, then starts
 * polling. Retries until the broker answers.
 */
@ApplicationScoped
public class IngestStateLoader {

    private static final Logger LOG = Logger.getLogger(IngestStateLoader.class);

    private final String bootstrapServers;
    private final IngestConfig config;
    private final IngestPipeline pipeline;
    private final FeedCatalog feeds;
    private final KafkaArticleLog log;
    private final BrokerLink link;
    private volatile Thread loader;

    public IngestStateLoader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             IngestConfig config, IngestPipeline pipeline, FeedCatalog feeds,
                             KafkaArticleLog log, BrokerLink link) {
        this.log = log;
        this.link = link;
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        this.pipeline = pipeline;
        this.feeds = feeds;
    }

    void onStart(@Observes StartupEvent event) {
        loader = new Thread(this::load, "ingest-state-loader");
        loader.setDaemon(true);
        loader.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread t = loader;
        if (t != null) {
            t.interrupt();
        }
    }

    /**
     * Creates those of ingest's topics the broker lacks (a broker with auto-creation would make the state
     * topics uncompacted), with the settings of {@link Topics#ALL}. An admin client only when one is missing.
     */
    private void ensureTopics(CompactedTopicReader reader, Duration timeout) {
        Set<String> mine = Set.of(config.ingest().topics().raw(), config.ingest().topics().seen(),
                config.ingest().topics().feeds());
        Set<String> existing = reader.existing(mine, timeout);
        List<NewTopic> missing = new ArrayList<>();
        for (String name : mine) {
            if (existing.contains(name)) {
                continue;
            }
            Topics.Spec spec = Topics.ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElse(new Topics.Spec(name, 3, name.equals(config.ingest().topics().raw())
                            ? Map.of() : Map.of("cleanup.policy", "compact")));
            missing.add(new NewTopic(name, Optional.of(spec.partitions()), Optional.empty()).configs(spec.config()));
        }
        if (missing.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "ingest-topics",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            LOG.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + missing, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not create " + missing + " in time", e);
        }
    }

    private void load() {
        Duration timeout = Duration.ofSeconds(5);
        long started = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try (CompactedTopicReader reader = new CompactedTopicReader(bootstrapServers)) {
                ensureTopics(reader, timeout);
                // The producer's metadata and id are fetched while the state is read: independent round trips,
                // and the first post must not pay for them. Only once the topics exist, since a producer's
                // metadata request would have an auto-creating broker make them.
                CompletableFuture<Void> warm = new CompletableFuture<>();
                Thread warmer = new Thread(() -> {
                    try {
                        log.warmUp();
                        warm.complete(null);
                    } catch (RuntimeException e) {
                        warm.completeExceptionally(e);
                    }
                }, "ingest-producer-warm-up");
                warmer.setDaemon(true);
                warmer.start();
                Map<String, BiConsumer<String, byte[]>> sinks = new LinkedHashMap<>();
                sinks.put(config.ingest().topics().seen(), (id, value) -> {
                    if (value != null) {
                        pipeline.seen().add(id);
                    }
                });
                sinks.put(config.ingest().topics().feeds(), feeds::restore);
                reader.readAll(sinks, timeout);
                awaitWarmUp(warm, timeout);
                pipeline.seen().markLoaded();
                LOG.infof("state loaded in %d ms: %d seen article ids", (System.nanoTime() - started) / 1_000_000,
                        pipeline.seen().size());
                feeds.start();
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                link.failed(e);
                LOG.warnf("could not load ingest state from Kafka yet (%s%s); retrying", e.toString(),
                        e.getCause() == null ? "" : ", " + e.getCause());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private static void awaitWarmUp(CompletableFuture<Void> warm, Duration timeout) {
        try {
            warm.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the producer could not reach the broker", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the producer did not reach the broker within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
