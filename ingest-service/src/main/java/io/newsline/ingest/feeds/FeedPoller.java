package io.newsline.ingest.feeds;

import io.newsline.contracts.net.OutboundAddressPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Polls every feed on its own interval with a conditional GET (ETag / Last-Modified) and hands its items
 * to an {@link ItemSink}. Each poll runs on a worker of its own and every fetch has a deadline, so a
 * broken or slow feed delays only itself; a feed whose previous poll still runs skips its turn.
 * Every request, and each redirect it is sent on, goes only where the {@link OutboundAddressPolicy} allows.
 */
public final class FeedPoller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    /** What became of one item. */
    public enum ItemOutcome { ACCEPTED, DUPLICATE, REJECTED, FAILED }

    /** Turns an item into an article and publishes it, blocking until the broker answered. */
    @FunctionalInterface
    public interface ItemSink {
        ItemOutcome publish(FeedDefinition feed, String feedTitle, FeedItem item);
    }

    private static final int MAX_REDIRECTS = 5;
    private static final java.util.Set<Integer> REDIRECTS = java.util.Set.of(301, 302, 303, 307, 308);

    private final HttpClient http;
    private final Duration fetchTimeout;
    private final int maxBytes;
    private final ItemSink sink;
    private final Clock clock;
    private final OutboundAddressPolicy outbound;
    private final FeedParser parser = new FeedParser();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "feed-timer"));
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> thread(r, "feed-worker"));
    private final ConcurrentMap<String, FeedState> feeds = new ConcurrentHashMap<>();

    public FeedPoller(Duration fetchTimeout, int maxBytes, ItemSink sink, Clock clock, OutboundAddressPolicy outbound) {
        this.fetchTimeout = fetchTimeout;
        this.maxBytes = maxBytes;
        this.sink = sink;
        this.clock = clock;
        this.outbound = outbound;
        this.http = HttpClient.newBuilder()
                .connectTimeout(fetchTimeout)
                // Followed by fetch() itself, which checks each hop's address first.
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(workers)
                .build();
    }

    /** Starts polling a feed now and then on its interval; replaces a feed of the same name (keeping its counts). */
    public void schedule(FeedDefinition feed) {
        FeedState state = feeds.compute(feed.name(), (name, old) -> {
            FeedState s = old != null && old.definition.url().equals(feed.url()) ? old : new FeedState();
            if (old != null && old.timer != null) {
                old.timer.cancel(false);
            }
            s.definition = feed;
            return s;
        });
        long intervalMs = Math.max(1, feed.interval().toMillis());
        state.timer = timer.scheduleWithFixedDelay(() -> submitPoll(state), 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** Stops polling a feed and forgets it; false when there was none of that name. */
    public boolean remove(String name) {
        FeedState s = feeds.remove(name);
        if (s != null && s.timer != null) {
            s.timer.cancel(false);
        }
        return s != null;
    }

    /**
     * Polls a feed now, besides its schedule, or joins its poll already running; empty when there is no feed
     * of that name. The future completes with the feed's status once that poll is over.
     */
    public Optional<CompletableFuture<FeedStatus>> pollNow(String name) {
        FeedState s = feeds.get(name);
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(submitPoll(s).thenApply(done -> s.status()));
    }

    public Optional<FeedDefinition> definition(String name) {
        return Optional.ofNullable(feeds.get(name)).map(s -> s.definition);
    }

    public Optional<FeedStatus> status(String name) {
        return Optional.ofNullable(feeds.get(name)).map(FeedState::status);
    }

    public List<FeedStatus> statuses() {
        List<FeedStatus> out = new ArrayList<>();
        for (FeedState s : feeds.values()) {
            out.add(s.status());
        }
        out.sort(Comparator.comparing(FeedStatus::name));
        return out;
    }

    /** Starts a poll unless one is running (then its turn is skipped); completes when the running poll is over. */
    private CompletableFuture<Void> submitPoll(FeedState state) {
        CompletableFuture<Void> done;
        synchronized (state) {
            if (state.running != null) {
                return state.running;
            }
            done = new CompletableFuture<>();
            state.running = done;
        }
        try {
            workers.execute(() -> {
                try {
                    poll(state);
                } finally {
                    finished(state, done);
                }
            });
        } catch (RuntimeException e) {
            // Rejected after close(): nothing to poll any more.
            finished(state, done);
        }
        return done;
    }

    private static void finished(FeedState state, CompletableFuture<Void> done) {
        synchronized (state) {
            state.running = null;
        }
        done.complete(null);
    }

    /** One poll: fetch conditionally, parse, publish the items. Never throws: failures go to the feed's status. */
    void poll(FeedState state) {
        FeedDefinition feed = state.definition;
        state.lastPollAt = clock.instant();
        state.polls.incrementAndGet();
        try {
            HttpResponse<InputStream> response = fetch(state, URI.create(feed.url()));
            state.lastHttpStatus = response.statusCode();
            if (response.statusCode() == 304) {
                response.body().close();
                state.notModified.incrementAndGet();
                succeeded(state);
                return;
            }
            if (response.statusCode() / 100 != 2) {
                response.body().close();
                throw new IOException("the feed answered HTTP " + response.statusCode());
            }
            byte[] document = readLimited(response.body(), maxBytes);
            ParsedFeed parsed = parser.parse(document);
            int failedItems = 0;
            for (FeedItem item : parsed.items()) {
                state.itemsSeen.incrementAndGet();
                ItemOutcome outcome = sink.publish(feed, parsed.title(), item);
                switch (outcome) {
                    case ACCEPTED -> state.itemsAccepted.incrementAndGet();
                    case DUPLICATE -> state.itemsDuplicate.incrementAndGet();
                    case REJECTED -> state.itemsRejected.incrementAndGet();
                    case FAILED -> {
                        state.itemsFailed.incrementAndGet();
                        failedItems++;
                    }
                }
            }
            if (failedItems > 0) {
                // Keep the old validators: the next poll fetches the whole feed again and retries these items.
                failed(state, failedItems + " item(s) could not be published (broker unavailable); retried next poll");
                return;
            }
            state.etag = response.headers().firstValue("ETag").orElse(null);
            state.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
            succeeded(state);
        } catch (OutboundAddressPolicy.RefusedUrl e) {
            failed(state, "refused: the feed URL " + e.getMessage());
        } catch (HttpTimeoutException e) {
            failed(state, "no answer within " + fetchTimeout.toSeconds() + " s");
        } catch (IOException | RuntimeException e) {
            failed(state, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A conditional GET of the feed, following up to {@value #MAX_REDIRECTS} redirects; each address is checked
     * against the policy before it is requested, so a redirect cannot lead to an address the policy refuses.
     */
    private HttpResponse<InputStream> fetch(FeedState state, URI start)
            throws IOException, InterruptedException, OutboundAddressPolicy.RefusedUrl {
        URI uri = start;
        for (int hop = 0; ; hop++) {
            outbound.requireAllowed(uri);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(fetchTimeout)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1")
                    .header("User-Agent", "Newsline-ingest/0.1");
            if (state.etag != null) {
                request.header("If-None-Match", state.etag);
            }
            if (state.lastModified != null) {
                request.header("If-Modified-Since", state.lastModified);
            }
            HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            Optional<String> location = response.headers().firstValue("Location");
            if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            response.body().close();
            if (hop == MAX_REDIRECTS) {
                throw new IOException("more than " + MAX_REDIRECTS + " redirects");
            }
            try {
                uri = uri.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                throw new IOException("redirected to an invalid URL: " + e.getMessage());
            }
        }
    }

    private void succeeded(FeedState state) {
        state.lastSuccessAt = clock.instant();
        state.lastError = null;
    }

    private void failed(FeedState state, String error) {
        state.failures.incrementAndGet();
        state.lastError = error;
        LOG.debugf("feed %s: %s", state.definition.name(), error);
    }

    private static byte[] readLimited(InputStream in, int max) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new IOException("the feed is larger than " + max + " bytes");
            }
            return bytes;
        }
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    /** The mutable state of one feed; written by its single running poll, read by status requests. */
    static final class FeedState {
        volatile FeedDefinition definition;
        volatile ScheduledFuture<?> timer;
        /** The poll in progress, if any; guarded by the state itself. */
        CompletableFuture<Void> running;
        volatile String etag;
        volatile String lastModified;
        volatile Instant lastPollAt;
        volatile Instant lastSuccessAt;
        volatile Integer lastHttpStatus;
        volatile String lastError;
        final AtomicLong polls = new AtomicLong();
        final AtomicLong notModified = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicLong itemsSeen = new AtomicLong();
        final AtomicLong itemsAccepted = new AtomicLong();
        final AtomicLong itemsDuplicate = new AtomicLong();
        final AtomicLong itemsRejected = new AtomicLong();
        final AtomicLong itemsFailed = new AtomicLong();

        FeedStatus status() {
            FeedDefinition d = definition;
            return new FeedStatus(d.name(), d.url(), d.interval().toSeconds(), d.source(),
                    d.origin().name().toLowerCase(Locale.ROOT),
                    lastPollAt == null ? null : lastPollAt.toString(),
                    lastSuccessAt == null ? null : lastSuccessAt.toString(),
                    lastHttpStatus, lastError, polls.get(), notModified.get(), failures.get(), itemsSeen.get(),
                    itemsAccepted.get(), itemsDuplicate.get(), itemsRejected.get(), itemsFailed.get());
        }
    }
}
