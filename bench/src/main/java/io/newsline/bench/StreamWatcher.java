package io.newsline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One non-blocking subscriber of the timeline's SSE stream. For every {@code data:} line it reports
 * each article id the event's sources name, with the time the line arrived; it reads ids with a regular
 * expression rather than a JSON parser so that a thousand of them stay cheap for the load machine; watchers
 * of the same feed may share what they parsed by the message's {@code id:}, so a message is parsed once.
 */
final class StreamWatcher implements Flow.Subscriber<String> {

    private static final Pattern ARTICLE_ID = Pattern.compile("\"articleId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UPDATED_AT = Pattern.compile("\"updatedAt\"\\s*:\\s*\"([^\"]+)\"");

    /** What one message says: the articles its event names and when the merger folded it (0 when unknown). */
    record Parsed(List<String> articleIds, long updatedAtMillis) {}

    private final BiConsumer<String, Long> onArticle;
    private final Map<String, Parsed> articlesById;
    private final Latency sinceFold;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong dataLines = new AtomicLong();
    private final AtomicLong dataChars = new AtomicLong();
    /** The {@code id:} of the message being read; lines of one stream arrive one after another. */
    private String messageId;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile Throwable failure;

    private StreamWatcher(BiConsumer<String, Long> onArticle, Map<String, Parsed> articlesById, Latency sinceFold) {
        this.onArticle = onArticle;
        this.articlesById = articlesById;
        this.sinceFold = sinceFold;
    }

    /** Subscribes to {@code url} and returns once the response headers arrived. */
    static StreamWatcher open(HttpClient http, String url, String token, BiConsumer<String, Long> onArticle) {
        return open(http, url, token, onArticle, null, null);
    }

    /**
     * As {@link #open(HttpClient, String, String, BiConsumer)}, sharing parsed messages by id with every
     * watcher given the same map: only for watchers of the same unfiltered feed. When {@code sinceFold} is
     * given, it records for every message the time from the merger's fold ({@code updatedAt}) to its arrival.
     */
    static StreamWatcher open(HttpClient http, String url, String token, BiConsumer<String, Long> onArticle,
            Map<String, Parsed> articlesById, Latency sinceFold) {
        StreamWatcher w = new StreamWatcher(onArticle, articlesById, sinceFold);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        http.sendAsync(req.build(), HttpResponse.BodyHandlers.fromLineSubscriber(w))
                .whenComplete((r, e) -> {
                    if (e != null) {
                        w.failure = e;
                        w.connected.completeExceptionally(e);
                    }
                });
        return w;
    }

    CompletableFuture<Void> connected() {
        return connected;
    }

    boolean failed() {
        return failure != null;
    }

    long lines() {
        return lines.get();
    }

    long dataLines() {
        return dataLines.get();
    }

    long dataChars() {
        return dataChars.get();
    }

    void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        connected.complete(null);
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        long now = System.nanoTime();
        lines.incrementAndGet();
        if (line.startsWith("data:")) {
            dataLines.incrementAndGet();
            dataChars.addAndGet(line.length());
            Parsed parsed = articlesById == null || messageId == null ? parse(line)
                    : articlesById.computeIfAbsent(messageId, k -> parse(line));
            for (String id : parsed.articleIds()) {
                onArticle.accept(id, now);
            }
            if (sinceFold != null && parsed.updatedAtMillis() > 0) {
                sinceFold.recordNanos((System.currentTimeMillis() - parsed.updatedAtMillis()) * 1_000_000);
            }
        } else if (line.startsWith("id:")) {
            messageId = line.substring(3).strip();
        } else if (line.isEmpty()) {
            messageId = null;
        }
    }

    private static Parsed parse(String line) {
        List<String> ids = new ArrayList<>();
        Matcher m = ARTICLE_ID.matcher(line);
        while (m.find()) {
            ids.add(m.group(1));
        }
        Matcher u = UPDATED_AT.matcher(line);
        long updatedAt = 0;
        if (u.find()) {
            try {
                updatedAt = Instant.parse(u.group(1)).toEpochMilli();
            } catch (DateTimeParseException e) {
                updatedAt = 0;
            }
        }
        return new Parsed(ids, updatedAt);
    }

    @Override
    public void onError(Throwable t) {
        failure = t;
        connected.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        // the server closed the stream; lines() and failed() tell the caller what it saw
    }
}
