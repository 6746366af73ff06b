package io.newsline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsline.contracts.kafka.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts articles to ingest at a steady rate, as a feed operator's client would, and keeps the outcome
 * of every one: acknowledged (202, with the id ingest gave it), refused (503) or not answered
 * (connection refused or broken while ingest was down). Articles that were not acknowledged can be
 * re-posted afterwards, which the spec says is always safe.
 *
 * <p>Each article reports one shelling in a different, far-apart Ukrainian city on its own day, two
 * days after the previous article's, and no two articles share a day or an adjacent day: by the merge
 * rule (docs/timeline.md: same place and overlapping or adjacent days) no two articles ever report
 * one happening, so each acknowledged article must show up as exactly one timeline event with itself
 * as the only source, and the timeline's order by date is the order of posting.
 */
final class SteadyLoad implements AutoCloseable {

    private static final List<String> CITIES = List.of(
            "Kharkiv", "Lviv", "Odesa", "Uzhhorod", "Chernihiv", "Kyiv", "Dnipro", "Poltava", "Rivne",
            "Ternopil", "Kherson", "Sumy", "Zhytomyr");
    private static final LocalDate FIRST_DAY = LocalDate.of(2010, 1, 1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** What happened to one article so far. */
    static final class Posted {
        final int n;
        final String json;
        final long firstPostedNanos;
        volatile int attempts;
        volatile int lastStatus;
        volatile String lastError;
        volatile String id;
        volatile boolean acknowledgedOnFirstPost;
        volatile boolean refused;
        volatile boolean unanswered;
        volatile boolean reposted;
        volatile boolean duplicateOnRepost;
        volatile long acknowledgedNanos;

        Posted(int n, String json) {
            this.n = n;
            this.json = json;
            this.firstPostedNanos = System.nanoTime();
        }

        boolean acknowledged() {
            return id != null;
        }
    }

    private final String ingestUrl;
    private final String token;
    private final int perSecond;
    private final String run = Long.toHexString(System.nanoTime());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, Posted> posted = new ConcurrentSkipListMap<>();
    private final Map<Integer, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final List<String> unexpected = new ArrayList<>();
    private ScheduledExecutorService ticker;

    SteadyLoad(String ingestBaseUrl, String token, int perSecond) {
        this.ingestUrl = ingestBaseUrl + "/api/articles";
        this.token = token;
        this.perSecond = perSecond;
    }

    int perSecond() {
        return perSecond;
    }

    /** Starts posting one new article every 1/rate seconds, without waiting for the previous answers. */
    synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "steady-load");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::postNext, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    /** Stops posting new articles and waits for the answers to those already sent. */
    void stop() {
        synchronized (this) {
            if (ticker != null) {
                // shutdown, not shutdownNow: a post already under way finishes registering its request,
                // so the wait below covers every article in posted()
                ticker.shutdown();
                try {
                    if (!ticker.awaitTermination(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the load's ticker did not stop");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                ticker = null;
            }
        }
        for (CompletableFuture<Void> f : inFlight.values()) {
            f.handle((x, e) -> null).join();
        }
    }

    private void postNext() {
        int n = next.getAndIncrement();
        Posted p = new Posted(n, article(n));
        posted.put(n, p);
        CompletableFuture<Void> f = send(p).thenAccept(r -> {
            if (r.statusCode() == 202) {
                p.acknowledgedOnFirstPost = true;
            } else if (r.statusCode() == 503) {
                p.refused = true;
            }
        }).exceptionally(e -> {
            p.unanswered = true;
            return null;
        });
        inFlight.put(n, f);
        f.whenComplete((x, e) -> inFlight.remove(n));
    }

    /** Posts once; records a 202's id, and any answer other than 202 or 503 as unexpected. */
    private CompletableFuture<HttpResponse<String>> send(Posted p) {
        p.attempts++;
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(p.json)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
            if (e != null) {
                p.lastStatus = 0;
                p.lastError = e.toString();
                return;
            }
            p.lastStatus = r.statusCode();
            if (r.statusCode() == 202) {
                try {
                    JsonNode body = Json.mapper().readTree(r.body());
                    p.duplicateOnRepost = p.reposted && body.path("duplicate").asBoolean();
                    p.acknowledgedNanos = System.nanoTime();
                    p.id = body.get("id").asText();
                } catch (IOException ex) {
                    recordUnexpected(p, "unreadable 202 body: " + r.body());
                }
            } else if (r.statusCode() == 503) {
                if (r.headers().firstValue("Retry-After").isEmpty()) {
                    recordUnexpected(p, "503 without Retry-After");
                }
            } else {
                recordUnexpected(p, r.statusCode() + " " + r.body());
            }
        });
    }

    private void recordUnexpected(Posted p, String what) {
        synchronized (unexpected) {
            unexpected.add("article " + p.n + ": " + what);
        }
    }

    /**
     * After the fault: posts every article that was not acknowledged again, one at a time, retrying on
     * 503 or no answer until each gets its 202 or {@code timeout} has passed. Returns how many it re-posted.
     */
    int repostUnacknowledged(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int reposted = 0;
        for (Posted p : posted.values()) {
            if (p.acknowledged()) {
                continue;
            }
            p.reposted = true;
            reposted++;
            while (!p.acknowledged()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("article " + p.n + " was still not accepted on re-post after " + timeout
                            + ": last status " + p.lastStatus + " " + p.lastError);
                }
                send(p).handle((r, e) -> null).join();
                if (!p.acknowledged()) {
                    Thread.sleep(500);
                }
            }
        }
        return reposted;
    }

    /** The articles not acknowledged so far, each with its last status or error, for failure messages. */
    List<String> unacknowledged() {
        List<String> out = new ArrayList<>();
        for (Posted p : posted.values()) {
            if (!p.acknowledged()) {
                out.add("article " + p.n + ": attempts " + p.attempts + ", last status " + p.lastStatus
                        + (p.lastError == null ? "" : ", " + p.lastError));
            }
        }
        return out;
    }

    Collection<Posted> posted() {
        return posted.values();
    }

    /** Answers other than 202 or 503 with Retry-After: none is expected from ingest under any fault. */
    List<String> unexpected() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    /** The n-th article: its own city and its own day, far from any other article's. */
    String article(int n) {
        String city = CITIES.get(n % CITIES.size());
        LocalDate day = FIRST_DAY.plusDays(2L * n);
        ObjectNode a = Json.mapper().createObjectNode()
                .put("title", "Shelling reported in " + city + " (reliability test " + n + ")")
                .put("body", "Artillery shelled " + city + ", injuring " + (1 + n % 20)
                        + " people, the regional governor said. Emergency crews worked at the scene for several hours.")
                .put("url", "https://reliability.newsline.example/" + run + "/" + n)
                .put("source", "Newsline reliability test")
                .put("publishedAt", day.atTime(9, 0).toInstant(ZoneOffset.UTC).toString());
        return a.toString();
    }

    @Override
    public void close() {
        stop();
    }
}
