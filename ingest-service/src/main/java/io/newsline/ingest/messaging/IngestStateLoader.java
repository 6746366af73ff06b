package io.newsline.ingest.messaging;

import io.newsline.ingest.config.IngestConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads ingest's state back from Kafka at start, on a thread of its own so the service is live at once
 * and ready once done: the seen ids ({@code news.ingest.seen}), then the API feeds
 * ({@code news.ingest.feeds}), then starts polling. Retries until the broker answers.
 */
@ApplicationScoped
public class IngestStateLoader {

    private static final Logger LOG = Logger.getLogger(IngestStateLoader.class);

    private final String bootstrapServers;
    private final IngestConfig config;
    private final IngestPipeline pipeline;
    private final FeedCatalog feeds;
    private volatile Thread loader;

    public IngestStateLoader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             IngestConfig config, IngestPipeline pipeline, FeedCatalog feeds) {
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

    private void load() {
        Duration timeout = Duration.ofSeconds(5);
        long started = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                CompactedTopicReader.readAll(bootstrapServers, config.ingest().topics().seen(), timeout,
                        (id, value) -> {
                            if (value != null) {
                                pipeline.seen().add(id);
                            }
                        });
                CompactedTopicReader.readAll(bootstrapServers, config.ingest().topics().feeds(), timeout, feeds::restore);
                pipeline.seen().markLoaded();
                feeds.start();
                LOG.infof("state loaded in %d ms: %d seen article ids", (System.nanoTime() - started) / 1_000_000,
                        pipeline.seen().size());
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                LOG.warnf("could not load ingest state from Kafka yet (%s); retrying", e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
