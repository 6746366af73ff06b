package io.newsline.bench;

import io.newsline.contracts.kafka.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Posts articles to ingest-service and tells when the broker acknowledged each (the 202). */
final class Ingest {

    /** The outcome of one post: HTTP status, the article id on 202, and when the answer arrived. */
    record Ack(int status, String id, long sentNanos, long answeredNanos) {}

    private final HttpClient http;
    private final String baseUrl;
    private final String token;

    Ingest(HttpClient http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The write token: {@code --token}, else {@code $NEWSLINE_TOKEN}, else {@code .newsline/token}. */
    static String token(Args args) throws IOException {
        String t = args.get("token", System.getenv("NEWSLINE_TOKEN"));
        if (t == null) {
            Path file = Path.of(args.get("token-file", ".newsline/token"));
            t = Files.exists(file) ? Files.readString(file).strip() : null;
        }
        if (t == null) {
            throw new IllegalArgumentException("no write token: pass --token or run ./newsline up first");
        }
        return t;
    }

    CompletableFuture<Ack> post(String articleJson) {
        long sent = System.nanoTime();
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/api/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(articleJson)).build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                .handle((r, e) -> {
                    long answered = System.nanoTime();
                    if (e != null) {
                        return new Ack(-1, null, sent, answered);
                    }
                    String id = null;
                    if (r.statusCode() == 202) {
                        try {
                            id = Json.mapper().readTree(r.body()).path("id").asText(null);
                        } catch (IOException bad) {
                            id = null;
                        }
                    }
                    return new Ack(r.statusCode(), id, sent, answered);
                });
    }

    /** The timeline's current sequence, so a stream can start exactly where the benchmark begins. */
    static long timelineSequence(HttpClient http, String timelineUrl, String readToken) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(timelineUrl + "/api/timeline?limit=1"));
        if (readToken != null) {
            req.header("Authorization", "Bearer " + readToken);
        }
        HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET /api/timeline answered " + r.statusCode() + ": " + r.body());
        }
        return Json.mapper().readTree(r.body()).path("sequence").asLong(0);
    }
}
