package io.newsline.ingest.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.net.OutboundAddressPolicy;
import io.newsline.ingest.config.IngestConfig;
import io.newsline.ingest.feeds.FeedArticles;
import io.newsline.ingest.feeds.FeedDefinition;
import io.newsline.ingest.feeds.FeedItem;
import io.newsline.ingest.feeds.FeedPoller;
import io.newsline.ingest.feeds.FeedPoller.ItemOutcome;
import io.newsline.ingest.feeds.FeedStatus;
import io.newsline.ingest.intake.ArticleIntake;
import io.newsline.ingest.intake.ArticleValidator;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The feeds ingest polls: those of the configuration ({@code newsline.feeds.<name>.*}) and those added
 * through the API, which are kept in the compacted topic {@code news.ingest.feeds} so they survive a restart.
 * Feed items go through the same validation and {@link IngestPipeline} as posted articles.
 */
@ApplicationScoped
public class FeedCatalog {

    private static final Logger LOG = Logger.getLogger(FeedCatalog.class);

    private final IngestConfig config;
    private final KafkaArticleLog log;
    private final IngestPipeline pipeline;
    private final ArticleValidator validator = new ArticleValidator();
    private final FeedPoller poller;
    /** API feeds read back from the topic at start, before polling begins. */
    private final Map<String, FeedDefinition> stored = new LinkedHashMap<>();
    private volatile boolean started;

    public FeedCatalog(IngestConfig config, KafkaArticleLog log, IngestPipeline pipeline) {
        this.config = config;
        this.log = log;
        this.pipeline = pipeline;
        this.poller = new FeedPoller(config.ingest().feedPolling().fetchTimeout(),
                config.ingest().feedPolling().maxFeedBytes(), this::publish, Clock.systemUTC(),
                OutboundAddressPolicy.of(config.outbound().refusePrivateAddresses()));
    }

    /** Takes one record of {@code news.ingest.feeds} while the state is loaded (null value: deleted). */
    void restore(String name, byte[] value) {
        if (value == null) {
            stored.remove(name);
            return;
        }
        try {
            JsonNode json = Json.mapper().readTree(value);
            stored.put(name, new FeedDefinition(name, json.path("url").asText(),
                    Duration.ofSeconds(json.path("intervalSeconds").asLong(300)),
                    json.hasNonNull("source") ? json.get("source").asText() : null, FeedDefinition.Origin.API));
        } catch (IOException e) {
            LOG.warnf("ignoring unreadable feed record %s on the feeds topic", name);
        }
    }

    /** Starts polling every configured and stored feed; called once the seen ids are loaded. */
    void start() {
        if (!config.ingest().feedPolling().enabled()) {
            return;
        }
        config.feeds().forEach((name, f) -> poller.schedule(new FeedDefinition(name, f.url(), f.interval(),
                f.source().orElse(null), FeedDefinition.Origin.CONFIG)));
        stored.values().stream().filter(d -> !config.feeds().containsKey(d.name())).forEach(poller::schedule);
        started = true;
    }

    public boolean isConfigured(String name) {
        return config.feeds().containsKey(name);
    }

    public List<FeedStatus> statuses() {
        return poller.statuses();
    }

    public Optional<FeedStatus> status(String name) {
        return poller.status(name);
    }

    /** Adds or replaces an API feed: stored first (so it survives a restart), then polled. True when it is new. */
    public boolean put(FeedDefinition feed, Duration timeout) throws ExecutionException, TimeoutException, InterruptedException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", feed.name());
        value.put("url", feed.url());
        value.put("intervalSeconds", feed.interval().toSeconds());
        value.put("source", feed.source());
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
        log.storeFeed(feed.name(), bytes).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        boolean created = poller.definition(feed.name()).isEmpty();
        if (started) {
            poller.schedule(feed);
        }
        return created;
    }

    /** Deletes an API feed: a tombstone on the topic, then no more polling. False when there was none. */
    public boolean delete(String name, Duration timeout) throws ExecutionException, TimeoutException, InterruptedException {
        if (poller.definition(name).isEmpty()) {
            return false;
        }
        log.storeFeed(name, null).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return poller.remove(name);
    }

    /** Polls a feed now; the future completes with its status once the poll is over. */
    public Optional<CompletableFuture<FeedStatus>> pollNow(String name) {
        return poller.pollNow(name);
    }

    private ItemOutcome publish(FeedDefinition feed, String feedTitle, FeedItem item) {
        ArticleValidator.Result result = validator.validate(FeedArticles.toArticleJson(feed, feedTitle, item),
                java.time.Instant.now());
        if (!result.valid()) {
            pipeline.rejected(IngestPipeline.Via.FEED);
            LOG.debugf("feed %s: item %s refused: %s", feed.name(), item.link() != null ? item.link() : item.guid(),
                    result.errors());
            return ItemOutcome.REJECTED;
        }
        CompletableFuture<ArticleIntake.Outcome> outcome = pipeline.submit(result.article(), IngestPipeline.Via.FEED);
        try {
            return outcome.get(config.ingest().ackTimeout().toMillis(), TimeUnit.MILLISECONDS).duplicate()
                    ? ItemOutcome.DUPLICATE : ItemOutcome.ACCEPTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ItemOutcome.FAILED;
        } catch (ExecutionException | TimeoutException e) {
            return ItemOutcome.FAILED;
        }
    }

    @PreDestroy
    void close() {
        poller.close();
    }
}
